import { describe, expect, it } from "vitest";
import { isUniqueViolation } from "./unique-violation.ts";

// The two shapes Prisma 7 gives a refused unique key, as seen from @prisma/adapter-pg and from the PGlite adapter.
const fromPostgres = { code: "P2002", meta: { driverAdapterError: { cause: { originalCode: "23505", kind: "UniqueConstraintViolation", constraint: { index: "act_contract_key" } } } } };
const fromPGlite = {
  code: "P2002",
  meta: { driverAdapterError: { cause: { originalMessage: 'duplicate key value violates unique constraint "act_contract_key"', constraint: { fields: ["company_id", "contract_id"] } } } },
};

describe("isUniqueViolation", () => {
  it("recognises the index by name in either adapter's report", () => {
    expect(isUniqueViolation(fromPostgres, "act_contract_key")).toBe(true);
    expect(isUniqueViolation(fromPGlite, "act_contract_key")).toBe(true);
  });

  it("does not take another index's violation, another error or a non-error for it", () => {
    expect(isUniqueViolation(fromPGlite, "act_contract")).toBe(false);
    expect(isUniqueViolation(fromPostgres, "another_key")).toBe(false);
    expect(isUniqueViolation({ ...fromPostgres, code: "P2003" }, "act_contract_key")).toBe(false);
    expect(isUniqueViolation(new Error("act_contract_key"), "act_contract_key")).toBe(false);
    expect(isUniqueViolation(null, "act_contract_key")).toBe(false);
  });
});
