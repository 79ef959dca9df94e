// validateJwt (spec §4.1): turns the Authorization header into who the caller is.
// It never throws: an absent or untrustworthy token is a state that the access rules
// turn into a 401, so that the subgraph's HTTP answer stays a plain GraphQL response.
import { lifetimeTooLong, type TokenVerifier } from "./token-verifier.ts";
import { canonicalUserId } from "./user-id.ts";

export type Authentication =
  | { status: "anonymous" }
  | { status: "invalid"; reason: string }
  | { status: "authenticated"; userId: string; token: string; email?: string };

const bearer = /^Bearer ([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*)$/;

export async function validateJwt(authorization: string | undefined, verifier: TokenVerifier): Promise<Authentication> {
  if (authorization === undefined || authorization === "") return { status: "anonymous" };
  if (authorization.length > verifier.maxTokenBytes) return { status: "invalid", reason: "token too large" };
  const match = bearer.exec(authorization.trim());
  if (!match) return { status: "invalid", reason: "malformed Authorization header (expected: Bearer <JWT>)" };
  const token = match[1]!;
  try {
    const claims = await verifier.verify(token);
    if (typeof claims.sub !== "string" || claims.sub === "") return { status: "invalid", reason: "token has no subject" };
    return {
      status: "authenticated",
      userId: canonicalUserId(claims.sub),
      token,
      ...(typeof claims["email"] === "string" ? { email: claims["email"] } : {}),
    };
  } catch (error) {
    return { status: "invalid", reason: describeVerificationFailure(error) };
  }
}

/** A short, safe reason for logs and for the 401 message; never the token itself. */
function describeVerificationFailure(error: unknown): string {
  const { code, claim, reason } = error as { code?: string; claim?: string; reason?: string };
  switch (code) {
    case "ERR_JWT_EXPIRED":
      return claim === "iat" ? "token too old" : "token expired";
    case "ERR_JWT_CLAIM_VALIDATION_FAILED":
      if (claim === "iat" && reason === "check_failed") return "token issued in the future";
      if (reason === lifetimeTooLong) return "token lifetime too long";
      return `token claim rejected: ${claim ?? "unknown"}`;
    case "ERR_JWS_SIGNATURE_VERIFICATION_FAILED":
      return "token signature invalid";
    case "ERR_JOSE_ALG_NOT_ALLOWED":
      return "token algorithm not accepted";
    case "ERR_JWKS_NO_MATCHING_KEY":
      return "token signed by an unknown key";
    case "ERR_JWKS_TIMEOUT":
    case "ERR_JOSE_GENERIC":
      return "token could not be verified";
    default:
      return "token malformed";
  }
}
