// requireCompanyContext (spec §4.1): which company the request acts in. It comes from
// the X-Company-Id header only, never from anything the client says about its rights;
// whether the caller may act there is decided by the access context.
export type CompanyContext = { status: "missing" } | { status: "malformed"; value: string } | { status: "present"; companyId: string };

export const companyHeader = "x-company-id";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function requireCompanyContext(headerValue: string | undefined): CompanyContext {
  const value = headerValue?.trim();
  if (!value) return { status: "missing" };
  if (!uuid.test(value)) return { status: "malformed", value: value.slice(0, 64) };
  return { status: "present", companyId: value.toLowerCase() };
}
