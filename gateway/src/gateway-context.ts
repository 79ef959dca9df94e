// What the gateway keeps of an incoming request: what it forwards, and who the caller is
// once the token has been checked at the edge.
import type { HeaderMap } from "@apollo/server";
import { companyHeader, requestIdFrom, requireCompanyContext, unauthenticated, validateJwt, type RequestTrace, type TokenVerifier } from "@marquee/kit";
import type { GatewayOperationLine } from "./operation-line.ts";
import type { RequestRateLimit } from "./rate-limit/request-rate-limit.ts";

export interface GatewayContext {
  requestId: string;
  authorization: string;
  companyId?: string;
  userId: string;
  /** Passed on to every subgraph call (forwarding-data-source.ts). */
  trace: RequestTrace;
  /**
   * How many of this request's own subgraph calls were answered, each logged by its subgraph
   * under the request's id (a call that joined another request's identical one is not):
   * counted by the subgraph calls, read by the gateway's own operation log. An object, so
   * that every copy Apollo Server makes of the context counts into the same one.
   */
  subgraphAnswers: { count: number };
}

/** What checks a request at the edge, and where it writes the line of a request it refuses. */
export interface Edge {
  tokenVerifier: TokenVerifier;
  rateLimit: RequestRateLimit;
  logOperation(line: GatewayOperationLine): void;
}

/**
 * The edge check: a request without a valid token stops here with a 401, introspection
 * included; a caller over a rate limit, with a 429. Apollo Server builds the context before
 * it reads the document, so such a request costs one token check (and one count), never a
 * parse or a query plan. Subgraphs validate the token again: they do not trust the gateway.
 */
export async function createGatewayContext(headers: HeaderMap, trace: RequestTrace, edge: Edge): Promise<GatewayContext> {
  const requestId = requestIdFrom(headers);
  const companyId = headers.get(companyHeader);
  const authentication = await validateJwt(headers.get("authorization"), edge.tokenVerifier);
  if (authentication.status !== "authenticated") {
    const refusal =
      authentication.status === "anonymous" ? unauthenticated(undefined, { http: { status: 401 } }) : unauthenticated(`Authentication failed: ${authentication.reason}.`, { http: { status: 401 } });
    // No subgraph hears of this request: its line is written here, without an action (its
    // document is not read) and without a user (no token proved one).
    const company = requireCompanyContext(companyId);
    edge.logOperation({
      requestId,
      userId: null,
      companyId: company.status === "present" ? company.companyId : null,
      action: "unknown",
      outcome: { result: "denied", code: String(refusal.extensions["code"]), reason: refusal.message },
    });
    throw refusal;
  }
  await edge.rateLimit.charge({ requestId, userId: authentication.userId, companyHeader: companyId });
  return {
    requestId,
    authorization: `Bearer ${authentication.token}`,
    ...(companyId ? { companyId } : {}),
    userId: authentication.userId,
    trace,
    subgraphAnswers: { count: 0 },
  };
}
