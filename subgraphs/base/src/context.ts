import { extendRequestContext, type RequestContext } from "@marquee/kit";
import { createBaseData, type BaseData } from "./data/base-data.ts";
import type { CompanyScope } from "./data/company-scope.ts";
import type { BasePrismaClient } from "./data/prisma-client.ts";

/** What Base's resolvers receive: the kit's request context plus data confined to the caller's company. */
export type BaseContext = RequestContext & { readonly data: BaseData };

/**
 * Adds `data` to the request context. Its company is the kit's `tenant`, read only when
 * a statement is built: `tenant` exists once an access rule has admitted a caller with
 * a company, and the viewer query has neither need nor company.
 */
export function createBaseContext(request: RequestContext, prisma: BasePrismaClient): BaseContext {
  const scope: CompanyScope = {
    get companyId() {
      return request.tenant.companyId;
    },
  };
  return extendRequestContext(request, { data: createBaseData(prisma, scope) });
}
