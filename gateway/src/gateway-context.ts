// What the gateway keeps of an incoming request: what it forwards, and who the caller is
// once the token has been checked at the edge.
import type { HeaderMap } from "@apollo/server";
import { companyHeader, requestIdFrom, unauthenticated, validateJwt, type TokenVerifier } from "@marquee/kit";

export interface GatewayContext {
  requestId: string;
  authorization?: string;
  companyId?: string;
  userId?: string;
}

/**
 * The edge check: a request with a token that fails validation stops here with a 401;
 * a request without a token goes on (introspection needs none, and every subgraph
 * field denies it with its own 401). Subgraphs validate the token again: they do not
 * trust the gateway.
 */
export async function createGatewayContext(headers: HeaderMap, tokenVerifier: TokenVerifier): Promise<GatewayContext> {
  const requestId = requestIdFrom(headers);
  const authorization = headers.get("authorization");
  const authentication = await validateJwt(authorization, tokenVerifier);
  if (authentication.status === "invalid") {
    throw unauthenticated(`Authentication failed: ${authentication.reason}.`, { http: { status: 401 } });
  }
  const companyId = headers.get(companyHeader);
  return {
    requestId,
    ...(authorization ? { authorization } : {}),
    ...(companyId ? { companyId } : {}),
    ...(authentication.status === "authenticated" ? { userId: authentication.userId } : {}),
  };
}
