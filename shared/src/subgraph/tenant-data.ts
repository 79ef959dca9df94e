// A module's company-scoped data is opened when a resolver first reaches for it: only
// behind the access rules does the request have a tenant, and a request that no rule
// admitted (or that needs no company, like `_service`) must not try to open it.
import type { RequestContext, Tenant } from "./request-context.ts";

export function tenantDataOnFirstUse<Data extends object>(request: RequestContext, open: (tenant: Tenant) => Data): Data {
  let data: Data | undefined;
  return new Proxy({} as Data, { get: (_target, key) => Reflect.get((data ??= open(request.tenant)), key) });
}
