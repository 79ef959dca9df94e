// The hand-written migrations build exactly what schema.prisma declares, the invariants
// Prisma cannot declare hold in the database itself, whoever writes, and the settlements
// stored before the deal vocabulary keep their meaning after it.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { applyMigrations, formatMoney, openSqlExecutor } from "@marquee/kit";
import { createTestDatabaseTarget, findSchemaDrift } from "@marquee/kit/testing";
import { demoCompanies, demoUsers } from "@marquee/kit/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFinanceData } from "../src/data/finance-data.ts";
import { createFinancePrisma, financeSchema } from "../src/data/finance-database.ts";
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
    expect(history.map((row) => row.migration_name)).toEqual(["20261124220000_finance_ledger_and_settlements", "20261127180000_deal_vocabulary"]);
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
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), frozen_tickets_sold: 10 })).rejects.toThrow(/settlement_approval_frozen/);
  });

  it("keep the frozen ticket count, promoter profit and split point to the deals that have them", async () => {
    const approved = { status: "APPROVED", approved_at: new Date(), approved_by: alice, ...frozenTotals };
    const plus = { deal_type: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", percentage: "85" };
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), ...approved, ...plus, frozen_tickets_sold: 800, frozen_promoter_profit: "0", frozen_split_point: "5000" })).resolves.toBeTypeOf(
      "string",
    );
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), ...approved, frozen_split_point: "5000" })).rejects.toThrow(/settlement_frozen_split_point_fits_type/);
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), ...approved, frozen_promoter_profit: "100" })).rejects.toThrow(/settlement_frozen_promoter_profit_fits_type/);
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), ...approved, frozen_tickets_sold: -1 })).rejects.toThrow(/settlement_frozen_tickets_sold_range/);
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
    // PER_TICKET takes a per-ticket amount and may take a guarantee; nothing else.
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), deal_type: "PER_TICKET" })).rejects.toThrow(/settlement_deal_terms_match_type/);
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), deal_type: "PER_TICKET", per_ticket: "12" })).resolves.toBeTypeOf("string");
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), deal_type: "PER_TICKET", per_ticket: "12", expense_cap: "100" })).rejects.toThrow(
      /settlement_deal_terms_match_type/,
    );
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), deal_type: "PER_TICKET", per_ticket: "0" })).rejects.toThrow(/settlement_per_ticket_positive/);
    // Only the net and plus deals take a promoter profit; an expense cap also goes with a door deal after expenses.
    const versusGross = { deal_type: "GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS", percentage: "60" };
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), ...versusGross })).resolves.toBeTypeOf("string");
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), ...versusGross, promoter_profit_amount: "100" })).rejects.toThrow(/settlement_deal_terms_match_type/);
    const afterExpenses = { deal_type: "DOOR_DEAL_AFTER_EXPENSES", guarantee: null, percentage: "70" };
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), ...afterExpenses, expense_cap: "5000" })).resolves.toBeTypeOf("string");
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), ...afterExpenses, promoter_profit_percentage: "15" })).rejects.toThrow(
      /settlement_deal_terms_match_type/,
    );
  });

  it("take the promoter profit in one form, each term in its range", async () => {
    const versusNet = { deal_type: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", percentage: "80" };
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), ...versusNet, promoter_profit_percentage: "15", expense_cap: "9000" })).resolves.toBeTypeOf("string");
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), ...versusNet, promoter_profit_percentage: "15", promoter_profit_amount: "100" })).rejects.toThrow(
      /settlement_one_promoter_profit/,
    );
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), ...versusNet, promoter_profit_percentage: "0" })).rejects.toThrow(
      /settlement_promoter_profit_percentage_range/,
    );
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), ...versusNet, promoter_profit_percentage: "100.01" })).rejects.toThrow(
      /settlement_promoter_profit_percentage_range/,
    );
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), ...versusNet, promoter_profit_amount: "-1" })).rejects.toThrow(
      /settlement_promoter_profit_amount_not_negative/,
    );
    await expect(insertSettlement({ artist_id: crypto.randomUUID(), ...versusNet, expense_cap: "-1" })).rejects.toThrow(/settlement_expense_cap_not_negative/);
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

  it("keep ticket bonuses in their settlement's currency and company, in range, and delete them with it", async () => {
    const settlement = await insertSettlement({ artist_id: crypto.randomUUID() });
    const bonus = (company: string, currency: string, position: number, ticketsSold: number, amount: string) =>
      db.sql.query(`INSERT INTO finance.settlement_ticket_bonus (company_id, settlement_id, position, tickets_sold, bonus, currency) VALUES ($1, $2, $3, $4, $5, $6)`, [
        company,
        settlement,
        position,
        ticketsSold,
        amount,
        currency,
      ]);
    await expect(bonus(northwind, "EUR", 0, 500, "250")).rejects.toThrow(/settlement_ticket_bonus_company_id_settlement_id_currency_fkey/);
    await expect(bonus(harbor, "USD", 0, 500, "250")).rejects.toThrow(/settlement_ticket_bonus_company_id_settlement_id_currency_fkey/);
    await expect(bonus(northwind, "USD", 0, 0, "250")).rejects.toThrow(/settlement_ticket_bonus_tickets_sold_range/);
    await expect(bonus(northwind, "USD", 0, 1_000_001, "250")).rejects.toThrow(/settlement_ticket_bonus_tickets_sold_range/);
    await expect(bonus(northwind, "USD", 0, 500, "0")).rejects.toThrow(/settlement_ticket_bonus_bonus_positive/);
    await bonus(northwind, "USD", 0, 500, "250");
    await expect(bonus(northwind, "USD", 1, 500, "300")).rejects.toThrow(/settlement_ticket_bonus_settlement_id_tickets_sold_key/);
    await expect(db.sql.query(`UPDATE finance.settlement SET currency = 'EUR' WHERE id = $1`, [settlement])).rejects.toThrow(
      /settlement_ticket_bonus_company_id_settlement_id_currency_fkey/,
    );

    await db.sql.query(`DELETE FROM finance.settlement WHERE id = $1`, [settlement]);
    const [left] = await db.sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM finance.settlement_ticket_bonus WHERE settlement_id = $1`, [settlement]);
    expect(left!.count).toBe(0);
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

describe("the deal vocabulary migration, on settlements stored before it", () => {
  const first = "20261124220000_finance_ledger_and_settlements";

  it("keeps a plus deal's split point as the promoter profit that pays the artist the same, and drops the split point", async () => {
    // A database migrated up to the first migration only, as a deployment before this one was.
    const before = await mkdtemp(join(tmpdir(), "finance-migrations-"));
    await cp(join(migrationsDir, "migration_lock.toml"), join(before, "migration_lock.toml"));
    await cp(join(migrationsDir, first), join(before, first), { recursive: true });
    const database = await createTestDatabaseTarget();
    const sql = await openSqlExecutor(database.target);
    const prisma = createFinancePrisma(database.target);
    try {
      expect(await applyMigrations(database.target, { schema: financeSchema, migrationsDir: before })).toEqual([first]);

      // The club night of settlement-waterfall.test.ts: gross 24,500 (no deductions), expenses 8,300, net 16,200.
      const companyId = crypto.randomUUID();
      const event = crypto.randomUUID();
      await sql.query(`INSERT INTO finance.income (company_id, event_id, source, description, amount, currency, received_on, created_by) VALUES ($1, $2, 'TICKETING', 'Tickets', 24500, 'USD', '2026-05-01', $3)`, [
        companyId,
        event,
        alice,
      ]);
      await sql.query(`INSERT INTO finance.expense (company_id, event_id, category, description, amount, currency, incurred_on, created_by) VALUES ($1, $2, 'PRODUCTION', 'Sound', 8300, 'USD', '2026-05-01', $3)`, [
        companyId,
        event,
        alice,
      ]);
      const insert = async (columns: Record<string, unknown>) => {
        const row = { company_id: companyId, event_id: event, artist_id: crypto.randomUUID(), currency: "USD", created_by: alice, ...columns };
        const names = Object.keys(row);
        const [inserted] = await sql.query<{ id: string }>(
          `INSERT INTO finance.settlement (${names.join(", ")}) VALUES (${names.map((_, index) => `$${index + 1}`).join(", ")}) RETURNING id::text`,
          Object.values(row),
        );
        return inserted!.id;
      };
      const plus = { deal_type: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", guarantee: "5000", percentage: "85" };
      // Old meaning: 5,000 + 85% of the net above 7,000 = 5,000 + 85% × 9,200 = 12,820.
      const aboveGuarantee = await insert({ ...plus, split_point: "7000" });
      const belowGuarantee = await insert({ ...plus, split_point: "3000" });
      const approved = await insert({ ...plus, split_point: "7000", status: "APPROVED", approved_at: new Date(), approved_by: alice, ...frozenTotals, frozen_artist_payout: "12820" });
      const flat = await insert({ deal_type: "FLAT_GUARANTEE", guarantee: "5000" });

      expect(await applyMigrations(database.target, { schema: financeSchema, migrationsDir })).toEqual(["20261127180000_deal_vocabulary"]);

      const converted = await sql.query<{ id: string; promoter_profit_amount: string | null }>(
        `SELECT id::text, promoter_profit_amount::text FROM finance.settlement WHERE company_id = $1`,
        [companyId],
      );
      expect(Object.fromEntries(converted.map((row) => [row.id, row.promoter_profit_amount]))).toEqual({
        [aboveGuarantee]: "2000.0000",
        [belowGuarantee]: "0.0000",
        [approved]: "2000.0000",
        [flat]: null,
      });
      expect(await sql.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'finance' AND table_name = 'settlement' AND column_name = 'split_point'`)).toEqual([]);

      // Split point 8,300 + 5,000 + 2,000 = 15,300 of adjusted gross: the artist is still paid 5,000 + 85% × 9,200 = 12,820.
      const finance = createFinanceData(prisma, { companyId, userId: alice });
      const draft = (await finance.settlements.find(aboveGuarantee))!;
      expect(draft.dealTerms.promoterProfit?.kind === "AMOUNT" && formatMoney(draft.dealTerms.promoterProfit.amount)).toBe("2000.00");
      const figures = await finance.settlements.figures(draft, null);
      expect([formatMoney(figures.artistPayout), figures.splitPoint && formatMoney(figures.splitPoint), figures.promoterProfit && formatMoney(figures.promoterProfit)]).toEqual([
        "12820.00",
        "15300.00",
        "2000.00",
      ]);
      // An approved settlement keeps the figures frozen with it, and has none of the new ones.
      const frozen = await finance.settlements.figures((await finance.settlements.find(approved))!, null);
      expect([frozen.frozen, formatMoney(frozen.artistPayout), frozen.ticketsSold, frozen.promoterProfit, frozen.splitPoint]).toEqual([true, "12820.00", null, null, null]);
    } finally {
      await prisma.$disconnect();
      await sql.close();
      await database.drop();
      await rm(before, { recursive: true, force: true });
    }
  });
});
