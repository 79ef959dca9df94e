// The gateway's own operation lines (spec §12). Each subgraph logs the operations it runs;
// a request that no subgraph answers gets its line here instead: one refused at the edge
// (no valid token: gateway-context.ts; over a rate limit: rate-limit/), one answered with
// another's execution (shared-answers.ts), one the gateway answers alone or with other
// requests' subgraph calls (gateway-operation-log-plugin.ts). So every request the gateway
// answers has a line.
import type { Logger } from "@marquee/kit";

export interface GatewayOperationLine {
  requestId: string;
  /** Null when no valid token came with the request. */
  userId: string | null;
  companyId: string | null;
  /** The operation type and its root fields; "unknown" when the document was not read or did not resolve. */
  action: string;
  outcome: { result: string; code?: string; reason?: string };
  durationMs?: number;
  /** The request whose execution answered this one. */
  sharedExecutionOf?: string;
}

export function logGatewayOperation(logger: Logger, endpoint: string, line: GatewayOperationLine): void {
  const { requestId, userId, companyId, action, outcome, durationMs, sharedExecutionOf } = line;
  logger.info(
    {
      requestId,
      userId,
      companyId,
      endpoint,
      action,
      ...outcome,
      ...(durationMs === undefined ? {} : { durationMs }),
      ...(sharedExecutionOf === undefined ? {} : { sharedExecutionOf }),
    },
    "operation",
  );
}
