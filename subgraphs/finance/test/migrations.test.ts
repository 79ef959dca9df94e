// The hand-written migrations build exactly what schema.prisma declares, and the
// invariants Prisma cannot declare hold in the database itself, whoever writes.
import { fileURLToPath } from "node:url";
import { applyMigrations } from "@marquee/kit";
import { findSchemaDrift } from "@marquee/kit/testing";
import { demoCompanies, demoUsers } from "@marquee/kit/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { financeSchema } from "../src/data/finance-database.ts";
import { migrationsDir, openFinanceTestDatabase, type FinanceTestDatabase } from "./finance-test-database.ts";

const northwind = demoCompanies.northwind.id;
const harbor = demoCompanies.harbor.id;
const alice = demoUsers.alice.id;
const event = "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0004";
const artist = "3f1a7c52-8d4e-4b6a-9c21-5a0e8b7d0001";

let db: FinanceTestDatabase;
beforeAll(async () => {
  db = await openFinanceTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

/** Inserts a settlement row; `columns` overrides the defaults of a valid flat-guarantee draft. */
async function insertSettlement(columns: Record<string, unknown> = {}): Promise<string> {
  const row = {
    company_id: northwind,
    event_id: event,
    artist_id: artist,
    currency: "USD",
    deal_type: "FLAT_GUARANTEE",
    guarantee: "5000",
    created_by: alice,
    ...columns,
  };
  const names = Object.keys(row);
  const [inserted] = await db.sql.query<{ id: string }>(
    `INSERT INTO finance.settlement (${names.join(", ")}) VALUES (${names.map((_, index) => `$${index + 1}`).join(", ")}) RETURNING id::text`,
    Object.values(row),
  );
  return inserted!.id;
}

const frozenTotals = {
  frozen_gross_ticket_sales: "100",
  frozen_deductions: "0",
  frozen_adjusted_gross: "100",
  frozen_total_expenses: "0",
  frozen_net: "100",
  frozen_artist_payout: "100",
  frozen_promoter_result: "0",
};

describe("migrations", () => {
  it("build exactly what schema.prisma declares", async () => {
    const drift = await findSchemaDrift(db.sql, { schema: financeSchema, prismaSchemaPath: fileURLToPath(new URL("../../../prisma/finance/schema.prisma", import.meta.url)) });
    expect(drift).toEqual([]);
  });

  it("are recorded, so a second run applies nothing", async () => {
    expect(await applyMigrations(db.target, { schema: financeSchema, migrationsDir })).toEqual([]);
    const history = await db.sql.query<{ migration_name: string }>(`SELECT migration_name FROM finance._prisma_migrations`);
    expect(history.map((row) => row.migration_name)).toEqual(["20261124220000_finance_ledger_and_settlements"]);
  });
});

describe("the settlement table's invariants", () => {
  it("refuse an approved settlement without its approver and frozen figures", async () => {
    await expect(insertSettlement({ status: "APPROVED", approved_at: new Date(), approved_by: alice })).rejects.toThrow(/settlement_approval_frozen/);
    await expect(insertSettlement({ status: "APPROVED", approved_at: new Date(), ...frozenTotals })).rejects.toThrow(/settlement_approval_frozen/);
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), status: "APPROVED", approved_at: new Date(), approved_by: alice, ...frozenTotals })).resolves.toBeTypeOf("string");
  });

  it("refuse a draft carrying frozen figures", async () => {
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), frozen_net: "100" })).rejects.toThrow(/settlement_approval_frozen/);
  });

  it("refuse a paid settlement without its payment, and a payment on an unpaid one", async () => {
    const approved = { status: "APPROVED", approved_at: new Date(), approved_by: alice, ...frozenTotals };
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), ...approved, status: "PAID" })).rejects.toThrow(/settlement_payment_recorded/);
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), ...approved, payment_reference: "TX-1" })).rejects.toThrow(/settlement_payment_recorded/);
  });

  it("refuse deal terms that do not fit the deal type", async () => {
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), deal_type: "DOOR_DEAL" })).rejects.toThrow(/settlement_deal_terms_match_type/);
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), percentage: "80" })).rejects.toThrow(/settlement_deal_terms_match_type/);
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), deal_type: "DOOR_DEAL", guarantee: null, percentage: "120" })).rejects.toThrow(
      /settlement_percentage_range/,
    );
  });

  it("keep one settlement per event and artist", async () => {
    const artistId = crypto.randomUUID();
    await insertSettlement({ artist_id: artistId });
    await expect(insertSettlement({ artist_id: artistId })).rejects.toThrow(/settlement_company_id_event_id_artist_id_key/);
  });
});

describe("the settlement's children", () => {
  it("write a settlement's sheet once: a line position cannot be written twice", async () => {
    const settlement = await insertSettlement({ artist_id: crypto.randomUUID(), status: "APPROVED", approved_at: new Date(), approved_by: alice, ...frozenTotals });
    const writeFirstLine = () =>
      db.sql.query(`INSERT INTO finance.settlement_line (company_id, settlement_id, position, kind, label, amount) VALUES ($1, $2, 0, 'GROSS_TICKET_SALES', 'Gross ticket sales', 100)`, [
        northwind,
        settlement,
      ]);
    await writeFirstLine();
    await expect(writeFirstLine()).rejects.toThrow(/settlement_line_pkey/);
  });

  it("keep deductions in their settlement's currency and company", async () => {
    const settlement = await insertSettlement({ artist_id: crypto.randomUUID() });
    const deduct = (company: string, currency: string) =>
      db.sql.query(`INSERT INTO finance.settlement_deduction (company_id, settlement_id, position, label, amount, currency) VALUES ($1, $2, 0, 'Fees', 10, $3)`, [
        company,
        settlement,
        currency,
      ]);
    await expect(deduct(northwind, "EUR")).rejects.toThrow(/settlement_deduction_company_id_settlement_id_currency_fkey/);
    await expect(deduct(harbor, "USD")).rejects.toThrow(/settlement_deduction_company_id_settlement_id_currency_fkey/);
    await deduct(northwind, "USD");
    await expect(db.sql.query(`UPDATE finance.settlement SET currency = 'EUR' WHERE id = $1`, [settlement])).rejects.toThrow(
      /settlement_deduction_company_id_settlement_id_currency_fkey/,
    );
  });

  it("keep sheet lines in their settlement's company", async () => {
    const settlement = await insertSettlement({ artist_id: crypto.randomUUID() });
    await expect(
      db.sql.query(`INSERT INTO finance.settlement_line (company_id, settlement_id, position, kind, label, amount) VALUES ($1, $2, 0, 'NET', 'Net', 0)`, [harbor, settlement]),
    ).rejects.toThrow(/settlement_line_company_id_settlement_id_fkey/);
  });
});

describe("the ledger tables' invariants", () => {
  it("refuse amounts that are not positive and blank descriptions", async () => {
    const insertExpense = (amount: string, description: string) =>
      db.sql.query(
        `INSERT INTO finance.expense (company_id, category, description, amount, currency, incurred_on, created_by) VALUES ($1, 'OTHER', $2, $3, 'USD', '2026-05-01', $4)`,
        [northwind, description, amount, alice],
      );
    await expect(insertExpense("0", "Rent")).rejects.toThrow(/expense_amount_positive/);
    await expect(insertExpense("-5", "Rent")).rejects.toThrow(/expense_amount_positive/);
    await expect(insertExpense("5", "  ")).rejects.toThrow(/expense_description_present/);
  });
});
