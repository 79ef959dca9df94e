// resolveAccessContext (spec §4.1): the access context of (user, company), through the
// cache, from whichever source the process is configured with.
import { accessContextFromFacts } from "./access-context.ts";
import type { AccessCache, AccessDecision } from "./access-cache.ts";
import type { AccessSource } from "./access-source.ts";

export interface AccessResolver {
  resolve(request: { userId: string; companyId: string; token: string }): Promise<AccessDecision>;
  source: AccessSource;
}

export function createAccessResolver(source: AccessSource, cache: AccessCache): AccessResolver {
  return {
    source,
    resolve: ({ userId, companyId, token }) =>
      cache.get(userId, companyId, async () => {
        const facts = await source.loadAccessFacts({ userId, companyId, token });
        return facts ? { status: "granted", access: accessContextFromFacts(facts) } : { status: "not-member" };
      }),
  };
}
