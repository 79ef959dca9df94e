// Access facts from the Auth service over HTTP, with the caller's own token forwarded
// (Auth decides what the caller may see of itself). The JSON contract is documented in
// the README ("Access from an Auth service"):
//   GET {AUTH_ACCESS_URL}/v1/access?companyId=<uuid>  200 AccessFacts | 404 not a member
//   GET {AUTH_ACCESS_URL}/v1/access                   200 { "companies": AccessFacts[] }
// Anything else (5xx, a timeout, a body that breaks the contract) means the source failed.
import { canonicalUserId } from "../auth/user-id.ts";
import { AccessSourceUnavailableError, AccessTokenRejectedError, type AccessFacts, type AccessSource } from "./access-source.ts";

export interface HttpAccessSourceOptions {
  baseUrl: URL;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export function createHttpAccessSource({ baseUrl, timeoutMs, fetch: fetchImpl = fetch }: HttpAccessSourceOptions): AccessSource {
  const endpoint = new URL("v1/access", baseUrl.href.endsWith("/") ? baseUrl : new URL(`${baseUrl.href}/`));

  async function call(token: string, companyId?: string): Promise<{ status: number; body: unknown }> {
    const url = new URL(endpoint);
    if (companyId) url.searchParams.set("companyId", companyId);
    let response: Response;
    try {
      response = await fetchImpl(url, {
        headers: { authorization: `Bearer ${token}`, accept: "application/json" },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new AccessSourceUnavailableError("The Auth service did not answer.", { cause: error });
    }
    if (response.status === 401) throw new AccessTokenRejectedError();
    if (response.status === 404) return { status: 404, body: null };
    if (response.status !== 200) throw new AccessSourceUnavailableError(`The Auth service answered HTTP ${response.status}.`);
    try {
      return { status: 200, body: await response.json() };
    } catch (error) {
      throw new AccessSourceUnavailableError("The Auth service answered with a body that is not JSON.", { cause: error });
    }
  }

  return {
    async loadAccessFacts({ userId, companyId, token }) {
      const { status, body } = await call(token, companyId);
      if (status === 404) return null;
      const facts = parseFacts(body);
      // The service answers for the token it was given; a mismatch would be its bug, not a grant.
      if (facts.userId !== userId || facts.company.id !== companyId) {
        throw new AccessSourceUnavailableError("The Auth service answered for another user or company.");
      }
      return facts;
    },
    async listAccessFacts({ userId, token }) {
      const { body } = await call(token);
      const companies = (body as { companies?: unknown } | null)?.companies;
      if (!Array.isArray(companies)) throw new AccessSourceUnavailableError("The Auth service answer has no companies list.");
      const facts = companies.map(parseFacts);
      if (facts.some((entry) => entry.userId !== userId)) {
        throw new AccessSourceUnavailableError("The Auth service answered for another user.");
      }
      return facts;
    },
  };
}

function parseFacts(body: unknown): AccessFacts {
  const value = body as Partial<Record<keyof AccessFacts, unknown>> | null;
  const company = value?.company as { id?: unknown; name?: unknown } | undefined;
  if (
    typeof value?.userId !== "string" ||
    typeof company?.id !== "string" ||
    typeof company.name !== "string" ||
    !isStringList(value.entitlements) ||
    !isStringList(value.grants) ||
    !isStringList(value.permissions)
  ) {
    throw new AccessSourceUnavailableError("The Auth service answer does not follow the access contract.");
  }
  return {
    // Compared with the caller's canonical id: the service may spell a uuid in capitals.
    userId: canonicalUserId(value.userId),
    company: { id: company.id.toLowerCase(), name: company.name },
    entitlements: value.entitlements,
    grants: value.grants,
    permissions: value.permissions,
  };
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}
