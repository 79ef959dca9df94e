/**
 * The company a request's reads and writes are confined to. It is read when a
 * statement is built, not when the request's data access is set up: the company is
 * known only once an access rule has admitted the caller (see context.ts).
 */
export interface CompanyScope {
  readonly companyId: string;
}
