// What the gateway keeps of an incoming request: what it forwards, and who the caller is
// once the token has been checked at the edge.
import type { HeaderMap } from "@apollo/server";
import { companyHeader, requestIdFrom, unauthenticated, validateJwt, type RequestTrace, type TokenVerifier } from "@marquee/kit";
import type { RequestRateLimit } from "./rate-limit/request-rate-limit.ts";

export interface GatewayContext {
  requestId: string;
  authorization: string;
  companyId?: string;
  userId: string;
  /** Passed on to every subgraph call (forwarding-data-source.ts). */
  trace: RequestTrace;
}

/**
 * The edge check: a request without a valid token stops here with a 401, introspection
 * included; a caller over a rate limit, with a 429. Apollo Server builds the context before
 * it reads the document, so such a request costs one token check (and one count), never a
 * parse or a query plan. Subgraphs validate the token again: they do not trust the gateway.
 */
export async function createGatewayContext(headers: HeaderMap, trace: RequestTrace, tokenVerifier: TokenVerifier, rateLimit: RequestRateLimit): Promise<GatewayContext> {
  const requestId = requestIdFrom(headers);
  const authentication = await validateJwt(headers.get("authorization"), tokenVerifier);
  if (authentication.status === "anonymous") throw unauthenticated(undefined, { http: { status: 401 } });
  if (authentication.status === "invalid") {
    throw unauthenticated(`Authentication failed: ${authentication.reason}.`, { http: { status: 401 } });
  }
  const companyId = headers.get(companyHeader);
  await rateLimit.charge({ requestId, userId: authentication.userId, companyHeader: companyId });
  return {
    requestId,
    authorization: `Bearer ${authentication.token}`,
    ...(companyId ? { companyId } : {}),
    userId: authentication.userId,
    trace,
  };
}
