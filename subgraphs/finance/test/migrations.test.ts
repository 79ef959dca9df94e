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
const artist = "3f1a7c52-8d4e-4b6a-9c21-5a0e8b7d0001";

let db: FinanceTestDatabase;
beforeAll(async () => {
  db = await openFinanceTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

/** Inserts a show's settlement row, for an event of its own unless `columns` names one; `columns` overrides the defaults of a valid draft. */
async function insertSettlement(columns: Record<string, unknown> = {}): Promise<string> {
  const row = { company_id: northwind, event_id: crypto.randomUUID(), currency: "USD", created_by: alice, ...columns };
  return insertRow("settlement", row, "id::text");
}

/** Inserts an act on a settlement's bill; `columns` overrides the defaults of a headliner on a valid flat guarantee. */
async function insertAct(settlementId: string, columns: Record<string, unknown> = {}): Promise<void> {
  const row = { company_id: northwind, settlement_id: settlementId, billing_position: 0, artist_id: artist, currency: "USD", deal_type: "FLAT_GUARANTEE", guarantee: "5000", ...columns };
  await insertRow("settlement_act", row, "settlement_id::text AS id");
}

async function insertRow(table: string, row: Record<string, unknown>, returning: string): Promise<string> {
  const names = Object.keys(row);
  const [inserted] = await db.sql.query<{ id: string }>(
    `INSERT INTO finance.${table} (${names.join(", ")}) VALUES (${names.map((_, index) => `$${index + 1}`).join(", ")}) RETURNING ${returning}`,
    Object.values(row),
  );
  return inserted!.id;
}

/** A draft with one act whose columns are `act`: resolves when both rows are accepted. */
const draftWithAct = async (act: Record<string, unknown>) => insertAct(await insertSettlement(), act);

const frozenTotals = {
  frozen_gross_ticket_sales: "100",
  frozen_deductions: "0",
  frozen_adjusted_gross: "100",
  frozen_total_expenses: "0",
  frozen_net: "100",
  frozen_artist_payouts: "100",
  frozen_promoter_result: "0",
};
/** What approval freezes since the house-only expenses: both sheets' results (the artist's sheet shows 0 + 0 here). */
const frozenSheets = { frozen_house_expenses: "0", frozen_artist_promoter_result: "0" };
const frozenAct = { frozen_payout: "100", frozen_deal_amount: "100", frozen_bonuses: "0", frozen_withholding: "0", frozen_buyouts: "0", frozen_reimbursements: "0", frozen_net_payable: "100" };

describe("migrations", () => {
  it("build exactly what schema.prisma declares", async () => {
    const drift = await findSchemaDrift(db.sql, { schema: financeSchema, prismaSchemaPath: fileURLToPath(new URL("../../../prisma/finance/schema.prisma", import.meta.url)) });
    expect(drift).toEqual([]);
  });

  it("are recorded, so a second run applies nothing", async () => {
    expect(await applyMigrations(db.target, { schema: financeSchema, migrationsDir })).toEqual([]);
    const history = await db.sql.query<{ migration_name: string }>(`SELECT migration_name FROM finance._prisma_migrations`);
    expect(history.map((row) => row.migration_name)).toEqual([
      "20261124220000_finance_ledger_and_settlements",
      "20261127180000_deal_vocabulary",
      "20261127190000_whole_bill",
      "20261127200000_payments",
      "20261127210000_deduction_rates_and_house_expenses",
      "20261127220000_contract_link",
      "20261127230000_payment_schedules",
      "20261127233000_buyouts_and_reimbursements",
    ]);
  });
});

describe("the settlement table's invariants", () => {
  it("refuse an approved settlement without its approver and frozen figures", async () => {
    await expect(insertSettlement({ status: "APPROVED", approved_at: new Date(), approved_by: alice })).rejects.toThrow(/settlement_approval_frozen/);
    await expect(insertSettlement({ status: "APPROVED", approved_at: new Date(), ...frozenTotals, ...frozenSheets })).rejects.toThrow(/settlement_approval_frozen/);
    await expect(insertSettlement({ status: "APPROVED", approved_at: new Date(), approved_by: alice, ...frozenTotals, ...frozenSheets })).resolves.toBeTypeOf("string");
  });

  it("refuse a draft carrying frozen figures", async () => {
    await expect(insertSettlement({ frozen_net: "100" })).rejects.toThrow(/settlement_approval_frozen/);
    await expect(insertSettlement({ frozen_tickets_sold: 10 })).rejects.toThrow(/settlement_approval_frozen/);
    const approved = { status: "APPROVED", approved_at: new Date(), approved_by: alice, ...frozenTotals, ...frozenSheets };
    await expect(insertSettlement({ ...approved, frozen_tickets_sold: -1 })).rejects.toThrow(/settlement_frozen_tickets_sold_range/);
  });

  it("refuse a paid settlement without its payment, and a payment on an unpaid one", async () => {
    const approved = { status: "APPROVED", approved_at: new Date(), approved_by: alice, ...frozenTotals, ...frozenSheets };
    await expect(insertSettlement({ ...approved, status: "PAID" })).rejects.toThrow(/settlement_payment_recorded/);
    await expect(insertSettlement({ ...approved, payment_reference: "TX-1" })).rejects.toThrow(/settlement_payment_recorded/);
  });

  it("keep one settlement per event", async () => {
    const event = crypto.randomUUID();
    await insertSettlement({ event_id: event });
    await expect(insertSettlement({ event_id: event })).rejects.toThrow(/settlement_company_id_event_id_key/);
  });
});

describe("the bill's invariants", () => {
  it("keep each artist once on a bill, each billing position once, from 0 to 19", async () => {
    const settlement = await insertSettlement();
    await insertAct(settlement);
    await expect(insertAct(settlement, { billing_position: 1 })).rejects.toThrow(/settlement_act_settlement_id_artist_id_key/);
    await expect(insertAct(settlement, { artist_id: crypto.randomUUID() })).rejects.toThrow(/settlement_act_pkey/);
    await expect(insertAct(settlement, { artist_id: crypto.randomUUID(), billing_position: 20 })).rejects.toThrow(/settlement_act_billing_position_range/);
    await expect(insertAct(settlement, { artist_id: crypto.randomUUID(), billing_position: 19 })).resolves.toBeUndefined();
  });

  it("keep acts in their settlement's company and currency", async () => {
    const settlement = await insertSettlement();
    await expect(insertAct(settlement, { currency: "EUR" })).rejects.toThrow(/settlement_act_company_id_settlement_id_currency_fkey/);
    await expect(insertAct(settlement, { company_id: harbor })).rejects.toThrow(/settlement_act_company_id_settlement_id_currency_fkey/);
    await insertAct(settlement);
    await expect(db.sql.query(`UPDATE finance.settlement SET currency = 'EUR' WHERE id = $1`, [settlement])).rejects.toThrow(/settlement_act_company_id_settlement_id_currency_fkey/);
  });

  it("freeze an act's figures together, and only the ones its deal has", async () => {
    const plus = { deal_type: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", percentage: "85" };
    await expect(draftWithAct({ frozen_payout: "100", frozen_withholding: "0", frozen_buyouts: "0", frozen_reimbursements: "0", frozen_net_payable: "100" })).rejects.toThrow(/settlement_act_frozen_together/);
    await expect(draftWithAct({ ...plus, frozen_split_point: "100" })).rejects.toThrow(/settlement_act_frozen_together/);
    await expect(draftWithAct({ ...frozenAct, frozen_bonuses: "5" })).rejects.toThrow(/settlement_act_frozen_payout_adds_up/);
    await expect(draftWithAct({ ...plus, ...frozenAct, frozen_promoter_profit: "0", frozen_split_point: "5000", frozen_expenses_counted: "0" })).resolves.toBeUndefined();
    await expect(draftWithAct({ ...frozenAct, frozen_split_point: "5000" })).rejects.toThrow(/settlement_act_frozen_split_point_fits_type/);
    await expect(draftWithAct({ ...frozenAct, frozen_promoter_profit: "100" })).rejects.toThrow(/settlement_act_frozen_promoter_profit_fits_type/);
  });

  it("freeze an act's withholding and net payable with its payout, adding up, and keep deposit and rate in range", async () => {
    const withholding = { withholding_rate: "30", ...frozenAct, frozen_payout: "10000", frozen_deal_amount: "10000" };
    await expect(draftWithAct({ ...withholding, frozen_withholding: "3000", frozen_net_payable: "7000", deposit: "2500" })).resolves.toBeUndefined();
    await expect(draftWithAct({ ...withholding, frozen_withholding: null, frozen_net_payable: null })).rejects.toThrow(/settlement_act_frozen_net_payable_together/);
    await expect(draftWithAct({ ...withholding, frozen_withholding: "3000", frozen_net_payable: "7500" })).rejects.toThrow(/settlement_act_frozen_net_payable_adds_up/);
    await expect(draftWithAct({ ...frozenAct, frozen_withholding: "30", frozen_net_payable: "70" })).rejects.toThrow(/settlement_act_frozen_withholding_needs_rate/);
    await expect(draftWithAct({ ...withholding, frozen_withholding: "10001", frozen_net_payable: "-1" })).rejects.toThrow(/settlement_act_frozen_withholding_range/);
    await expect(draftWithAct({ deposit: "-1" })).rejects.toThrow(/settlement_act_deposit_not_negative/);
    await expect(draftWithAct({ withholding_rate: "0" })).rejects.toThrow(/settlement_act_withholding_rate_range/);
    await expect(draftWithAct({ withholding_rate: "100.01" })).rejects.toThrow(/settlement_act_withholding_rate_range/);
  });

  it("freeze an act's buyouts and reimbursements with its payout, in its net payable: payout − withholding + buyouts + reimbursements", async () => {
    // The hand example: 11,543 − 3,462.90 + 500 + 420 = 9,000.10.
    const act = { withholding_rate: "30", ...frozenAct, frozen_payout: "11543", frozen_deal_amount: "11543", frozen_withholding: "3462.90" };
    await expect(draftWithAct({ ...act, frozen_buyouts: "500", frozen_reimbursements: "420", frozen_net_payable: "9000.10" })).resolves.toBeUndefined();
    await expect(draftWithAct({ ...act, frozen_buyouts: "500", frozen_reimbursements: "420", frozen_net_payable: "8080.10" })).rejects.toThrow(/settlement_act_frozen_net_payable_adds_up/);
    await expect(draftWithAct({ ...act, frozen_buyouts: null, frozen_reimbursements: "420", frozen_net_payable: "8500.10" })).rejects.toThrow(/settlement_act_frozen_repaid_together/);
    await expect(draftWithAct({ ...act, frozen_buyouts: "-500", frozen_reimbursements: "420", frozen_net_payable: "8000.10" })).rejects.toThrow(/settlement_act_frozen_repaid_not_negative/);
  });

  it("refuse deal terms that do not fit the deal type", async () => {
    await expect(draftWithAct({ deal_type: "DOOR_DEAL" })).rejects.toThrow(/settlement_act_deal_terms_match_type/);
    await expect(draftWithAct({ percentage: "80" })).rejects.toThrow(/settlement_act_deal_terms_match_type/);
    await expect(draftWithAct({ deal_type: "DOOR_DEAL", guarantee: null, percentage: "120" })).rejects.toThrow(/settlement_act_percentage_range/);
    await expect(draftWithAct({ guarantee: "-1" })).rejects.toThrow(/settlement_act_guarantee_not_negative/);
    // PER_TICKET takes a per-ticket amount and may take a guarantee; nothing else.
    await expect(draftWithAct({ deal_type: "PER_TICKET" })).rejects.toThrow(/settlement_act_deal_terms_match_type/);
    await expect(draftWithAct({ deal_type: "PER_TICKET", per_ticket: "12" })).resolves.toBeUndefined();
    await expect(draftWithAct({ deal_type: "PER_TICKET", per_ticket: "12", expense_cap: "100" })).rejects.toThrow(/settlement_act_deal_terms_match_type/);
    await expect(draftWithAct({ deal_type: "PER_TICKET", per_ticket: "0" })).rejects.toThrow(/settlement_act_per_ticket_positive/);
    // Only the net and plus deals take a promoter profit; an expense cap also goes with a door deal after expenses.
    const versusGross = { deal_type: "GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS", percentage: "60" };
    await expect(draftWithAct(versusGross)).resolves.toBeUndefined();
    await expect(draftWithAct({ ...versusGross, promoter_profit_amount: "100" })).rejects.toThrow(/settlement_act_deal_terms_match_type/);
    const afterExpenses = { deal_type: "DOOR_DEAL_AFTER_EXPENSES", guarantee: null, percentage: "70" };
    await expect(draftWithAct({ ...afterExpenses, expense_cap: "5000" })).resolves.toBeUndefined();
    await expect(draftWithAct({ ...afterExpenses, promoter_profit_percentage: "15" })).rejects.toThrow(/settlement_act_deal_terms_match_type/);
  });

  it("take the promoter profit in one form, each term in its range", async () => {
    const versusNet = { deal_type: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", percentage: "80" };
    await expect(draftWithAct({ ...versusNet, promoter_profit_percentage: "15", expense_cap: "9000" })).resolves.toBeUndefined();
    await expect(draftWithAct({ ...versusNet, promoter_profit_percentage: "15", promoter_profit_amount: "100" })).rejects.toThrow(/settlement_act_one_promoter_profit/);
    await expect(draftWithAct({ ...versusNet, promoter_profit_percentage: "0" })).rejects.toThrow(/settlement_act_promoter_profit_percentage_range/);
    await expect(draftWithAct({ ...versusNet, promoter_profit_percentage: "100.01" })).rejects.toThrow(/settlement_act_promoter_profit_percentage_range/);
    await expect(draftWithAct({ ...versusNet, promoter_profit_amount: "-1" })).rejects.toThrow(/settlement_act_promoter_profit_amount_not_negative/);
    await expect(draftWithAct({ ...versusNet, expense_cap: "-1" })).rejects.toThrow(/settlement_act_expense_cap_not_negative/);
  });
});

describe("the settlement's children", () => {
  it("write a settlement's sheet once: a line position cannot be written twice", async () => {
    const settlement = await insertSettlement({ status: "APPROVED", approved_at: new Date(), approved_by: alice, ...frozenTotals, ...frozenSheets });
    const writeFirstLine = () =>
      db.sql.query(`INSERT INTO finance.settlement_line (company_id, settlement_id, position, kind, label, amount) VALUES ($1, $2, 0, 'GROSS_TICKET_SALES', 'Gross ticket sales', 100)`, [
        northwind,
        settlement,
      ]);
    await writeFirstLine();
    await expect(writeFirstLine()).rejects.toThrow(/settlement_line_pkey/);
  });

  it("keep deductions in their settlement's currency and company", async () => {
    const settlement = await insertSettlement();
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

  it("keep buyouts and reimbursements with their act, in its currency and company, in range, and delete them with it", async () => {
    const settlement = await insertSettlement();
    await insertAct(settlement);
    for (const [table, most] of [["settlement_buyout", 9], ["settlement_reimbursement", 19]] as const) {
      const row = (company: string, currency: string, actPosition: number, position: number, label: string, amount: string) =>
        db.sql.query(`INSERT INTO finance.${table} (company_id, settlement_id, act_position, position, label, amount, currency) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
          company,
          settlement,
          actPosition,
          position,
          label,
          amount,
          currency,
        ]);
      await expect(row(northwind, "EUR", 0, 0, "Catering", "500")).rejects.toThrow(new RegExp(`${table}_act_fkey`));
      await expect(row(harbor, "USD", 0, 0, "Catering", "500")).rejects.toThrow(new RegExp(`${table}_act_fkey`));
      await expect(row(northwind, "USD", 1, 0, "Catering", "500")).rejects.toThrow(new RegExp(`${table}_act_fkey`));
      await expect(row(northwind, "USD", 0, 0, "Catering", "0")).rejects.toThrow(new RegExp(`${table}_amount_positive`));
      await expect(row(northwind, "USD", 0, 0, " ", "500")).rejects.toThrow(new RegExp(`${table}_label_length`));
      await expect(row(northwind, "USD", 0, 0, "x".repeat(101), "500")).rejects.toThrow(new RegExp(`${table}_label_length`));
      await expect(row(northwind, "USD", 0, most + 1, "Catering", "500")).rejects.toThrow(new RegExp(`${table}_position_range`));
      await row(northwind, "USD", 0, most, "Catering", "500");
    }
    await db.sql.query(`DELETE FROM finance.settlement WHERE id = $1`, [settlement]);
    const [left] = await db.sql.query<{ count: number }>(
      `SELECT (SELECT count(*) FROM finance.settlement_buyout WHERE settlement_id = $1)::int + (SELECT count(*) FROM finance.settlement_reimbursement WHERE settlement_id = $1)::int AS count`,
      [settlement],
    );
    expect(left!.count).toBe(0);
  });

  it("keep ticket bonuses with their act, in its currency and company, in range, and delete them with it", async () => {
    const settlement = await insertSettlement();
    await insertAct(settlement);
    const bonus = (company: string, currency: string, actPosition: number, position: number, ticketsSold: number, amount: string) =>
      db.sql.query(
        `INSERT INTO finance.settlement_ticket_bonus (company_id, settlement_id, act_position, position, tickets_sold, bonus, currency) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [company, settlement, actPosition, position, ticketsSold, amount, currency],
      );
    await expect(bonus(northwind, "EUR", 0, 0, 500, "250")).rejects.toThrow(/settlement_ticket_bonus_act_fkey/);
    await expect(bonus(harbor, "USD", 0, 0, 500, "250")).rejects.toThrow(/settlement_ticket_bonus_act_fkey/);
    await expect(bonus(northwind, "USD", 1, 0, 500, "250")).rejects.toThrow(/settlement_ticket_bonus_act_fkey/);
    await expect(bonus(northwind, "USD", 0, 0, 0, "250")).rejects.toThrow(/settlement_ticket_bonus_tickets_sold_range/);
    await expect(bonus(northwind, "USD", 0, 0, 1_000_001, "250")).rejects.toThrow(/settlement_ticket_bonus_tickets_sold_range/);
    await expect(bonus(northwind, "USD", 0, 0, 500, "0")).rejects.toThrow(/settlement_ticket_bonus_bonus_positive/);
    await bonus(northwind, "USD", 0, 0, 500, "250");
    await expect(bonus(northwind, "USD", 0, 1, 500, "300")).rejects.toThrow(/settlement_ticket_bonus_act_tickets_sold_key/);
    await expect(db.sql.query(`UPDATE finance.settlement_act SET currency = 'EUR' WHERE settlement_id = $1`, [settlement])).rejects.toThrow(
      /settlement_ticket_bonus_act_fkey|settlement_act_company_id_settlement_id_currency_fkey/,
    );

    await db.sql.query(`DELETE FROM finance.settlement WHERE id = $1`, [settlement]);
    const [left] = await db.sql.query<{ count: number }>(
      `SELECT (SELECT count(*) FROM finance.settlement_ticket_bonus WHERE settlement_id = $1)::int + (SELECT count(*) FROM finance.settlement_act WHERE settlement_id = $1)::int AS count`,
      [settlement],
    );
    expect(left!.count).toBe(0);
  });

  it("keep sheet lines in their settlement's company", async () => {
    const settlement = await insertSettlement();
    await expect(
      db.sql.query(`INSERT INTO finance.settlement_line (company_id, settlement_id, position, kind, label, amount) VALUES ($1, $2, 0, 'NET', 'Net', 0)`, [harbor, settlement]),
    ).rejects.toThrow(/settlement_line_company_id_settlement_id_fkey/);
  });
});

describe("the payments' invariants", () => {
  const payment = (settlementId: string, columns: Record<string, unknown> = {}) =>
    insertRow(
      "settlement_payment",
      { company_id: northwind, settlement_id: settlementId, artist_id: artist, currency: "USD", kind: "DEPOSIT", amount: "2500", paid_on: "2026-11-01", reference: "WIRE-1", recorded_by: alice, ...columns },
      "id::text",
    );

  it("keep a payment positive, referenced, in its settlement's company and currency, and keep the settlement with it", async () => {
    const settlement = await insertSettlement();
    await insertAct(settlement, { deposit: "2500" });
    await expect(payment(settlement, { amount: "0" })).rejects.toThrow(/settlement_payment_amount_positive/);
    await expect(payment(settlement, { reference: "  " })).rejects.toThrow(/settlement_payment_reference_not_blank/);
    await expect(payment(settlement, { currency: "EUR" })).rejects.toThrow(/settlement_payment_company_id_settlement_id_currency_fkey/);
    await expect(payment(settlement, { company_id: harbor })).rejects.toThrow(/settlement_payment_company_id_settlement_id_currency_fkey/);
    await expect(payment(settlement, { kind: "REFUND" })).rejects.toThrow(/invalid input value for enum/);
    await payment(settlement);
    await expect(db.sql.query(`DELETE FROM finance.settlement WHERE id = $1`, [settlement])).rejects.toThrow(/settlement_payment_company_id_settlement_id_currency_fkey/);
    await expect(db.sql.query(`UPDATE finance.settlement SET currency = 'EUR' WHERE id = $1`, [settlement])).rejects.toThrow(/fkey/);
  });
});

describe("the deductions' and sheets' invariants", () => {
  const deduct = (settlementId: string, columns: Record<string, unknown>) =>
    insertRow("settlement_deduction", { company_id: northwind, settlement_id: settlementId, position: 0, label: "Fees", currency: "USD", ...columns }, "settlement_id::text AS id");

  it("keep exactly the term a deduction's basis takes, each in range", async () => {
    const settlement = await insertSettlement();
    // A row written before the bases is FLAT with its amount.
    await expect(deduct(settlement, { amount: "10" })).resolves.toBe(settlement);
    await db.sql.query(`DELETE FROM finance.settlement_deduction WHERE settlement_id = $1`, [settlement]);
    for (const wrong of [
      { basis: "FLAT" },
      { basis: "FLAT", amount: "10", rate: "7" },
      { basis: "PER_TICKET", amount: "10" },
      { basis: "PER_TICKET", per_ticket: "1.50", rate: "7" },
      { basis: "TAX_INCLUDED_IN_PRICE" },
      { basis: "PERCENTAGE_OF_GROSS", rate: "3", per_ticket: "1" },
    ]) {
      await expect(deduct(settlement, wrong)).rejects.toThrow(/settlement_deduction_terms_fit_basis/);
    }
    await expect(deduct(settlement, { basis: "PER_TICKET", per_ticket: "0" })).rejects.toThrow(/settlement_deduction_per_ticket_positive/);
    await expect(deduct(settlement, { basis: "TAX_ADDED_TO_PRICE", rate: "0" })).rejects.toThrow(/settlement_deduction_rate_range/);
    await expect(deduct(settlement, { basis: "TAX_ADDED_TO_PRICE", rate: "100.01" })).rejects.toThrow(/settlement_deduction_rate_range/);
    await expect(deduct(settlement, { basis: "TAX_INCLUDED_IN_PRICE", rate: "100" })).resolves.toBe(settlement);
  });

  it("freeze a rate's base with its amount, a flat deduction at its amount, and nothing negative", async () => {
    const settlement = await insertSettlement();
    await expect(deduct(settlement, { basis: "TAX_INCLUDED_IN_PRICE", rate: "7", frozen_amount: "7" })).rejects.toThrow(/settlement_deduction_frozen_base_fits_basis/);
    await expect(deduct(settlement, { basis: "PER_TICKET", per_ticket: "1", frozen_base: "100", frozen_amount: "7" })).rejects.toThrow(/settlement_deduction_frozen_base_fits_basis/);
    await expect(deduct(settlement, { basis: "FLAT", amount: "10", frozen_amount: "9" })).rejects.toThrow(/settlement_deduction_frozen_flat_amount/);
    await expect(deduct(settlement, { basis: "PERCENTAGE_OF_GROSS", rate: "3", frozen_base: "-1", frozen_amount: "0" })).rejects.toThrow(/settlement_deduction_frozen_not_negative/);
    await expect(deduct(settlement, { basis: "TAX_INCLUDED_IN_PRICE", rate: "7", frozen_base: "107", frozen_amount: "7" })).resolves.toBe(settlement);
  });

  it("freeze both sheets' results with the other totals, the house-only expenses taken off the artist's sheet's result", async () => {
    const approved = { status: "APPROVED", approved_at: new Date(), approved_by: alice, ...frozenTotals };
    await expect(insertSettlement(approved)).rejects.toThrow(/settlement_frozen_sheets_together/);
    await expect(insertSettlement({ ...approved, frozen_house_expenses: "0" })).rejects.toThrow(/settlement_frozen_sheets_together/);
    await expect(insertSettlement({ ...approved, frozen_house_expenses: "-5", frozen_artist_promoter_result: "-5" })).rejects.toThrow(/settlement_frozen_house_expenses_not_negative/);
    // The promoter's books: 0 = 0 − 0; with 30 of house-only expenses the artist's sheet must show 30.
    await expect(insertSettlement({ ...approved, frozen_house_expenses: "30", frozen_artist_promoter_result: "0" })).rejects.toThrow(/settlement_frozen_promoter_result_after_house/);
    await expect(insertSettlement({ ...approved, frozen_house_expenses: "30", frozen_artist_promoter_result: "30" })).resolves.toBeTypeOf("string");
  });

  it("write each sheet once: a line position is the key with the settlement and the sheet", async () => {
    const settlement = await insertSettlement({ status: "APPROVED", approved_at: new Date(), approved_by: alice, ...frozenTotals, ...frozenSheets });
    const writeLine = (sheet: string) =>
      db.sql.query(`INSERT INTO finance.settlement_line (company_id, settlement_id, sheet, position, kind, label, amount) VALUES ($1, $2, $3, 0, 'NET', 'Net', 100)`, [northwind, settlement, sheet]);
    await writeLine("INTERNAL");
    await writeLine("ARTIST");
    await expect(writeLine("ARTIST")).rejects.toThrow(/settlement_line_pkey/);
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

const firstMigration = "20261124220000_finance_ledger_and_settlements";
const dealVocabulary = "20261127180000_deal_vocabulary";
const wholeBill = "20261127190000_whole_bill";
const payments = "20261127200000_payments";
const deductionRates = "20261127210000_deduction_rates_and_house_expenses";
/** The migrations after the payments', which the older migrations' tests also apply. */
const afterPayments = [deductionRates, "20261127220000_contract_link", "20261127230000_payment_schedules", "20261127233000_buyouts_and_reimbursements"];

/**
 * A database migrated up to `migrations` only, as a deployment before the next one was;
 * `migrateTo` applies the next ones, up to `more` (or all of them).
 */
async function databaseAt(migrations: string[]) {
  const before = await mkdtemp(join(tmpdir(), "finance-migrations-"));
  await cp(join(migrationsDir, "migration_lock.toml"), join(before, "migration_lock.toml"));
  const copy = async (migration: string) => cp(join(migrationsDir, migration), join(before, migration), { recursive: true });
  for (const migration of migrations) await copy(migration);
  const database = await createTestDatabaseTarget();
  const sql = await openSqlExecutor(database.target);
  const prisma = createFinancePrisma(database.target);
  expect(await applyMigrations(database.target, { schema: financeSchema, migrationsDir: before })).toEqual(migrations);
  return {
    sql,
    prisma,
    async migrateTo(more?: string[]) {
      if (!more) return applyMigrations(database.target, { schema: financeSchema, migrationsDir });
      for (const migration of more) await copy(migration);
      return applyMigrations(database.target, { schema: financeSchema, migrationsDir: before });
    },
    async insert(table: string, row: Record<string, unknown>): Promise<string> {
      const names = Object.keys(row);
      const returning = table === "settlement" ? "RETURNING id::text AS id" : "";
      const rows = await sql.query<{ id: string }>(
        `INSERT INTO finance.${table} (${names.join(", ")}) VALUES (${names.map((_, index) => `$${index + 1}`).join(", ")}) ${returning}`,
        Object.values(row),
      );
      return rows[0]?.id ?? "";
    },
    async close() {
      await prisma.$disconnect();
      await sql.close();
      await database.drop();
      await rm(before, { recursive: true, force: true });
    },
  };
}

describe("the deal vocabulary migration, on settlements stored before it", () => {
  it("keeps a plus deal's split point as the promoter profit that pays the artist the same, and drops the split point", async () => {
    const database = await databaseAt([firstMigration]);
    try {
      // The club night of settlement-waterfall.test.ts: gross 24,500 (no deductions), expenses 8,300, net 16,200.
      const companyId = crypto.randomUUID();
      const event = crypto.randomUUID();
      await database.insert("income", { company_id: companyId, event_id: event, source: "TICKETING", description: "Tickets", amount: 24500, currency: "USD", received_on: "2026-05-01", created_by: alice });
      await database.insert("expense", { company_id: companyId, event_id: event, category: "PRODUCTION", description: "Sound", amount: 8300, currency: "USD", incurred_on: "2026-05-01", created_by: alice });
      // Each settlement on an event of its own: the whole-bill migration keeps each one as it is.
      const insert = (columns: Record<string, unknown>, eventId: string = crypto.randomUUID()) =>
        database.insert("settlement", { company_id: companyId, event_id: eventId, artist_id: crypto.randomUUID(), currency: "USD", created_by: alice, ...columns });
      const plus = { deal_type: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", guarantee: "5000", percentage: "85" };
      // The totals under their names of then: the artist's payout was one.
      const { frozen_artist_payouts: _payouts, ...laterTotals } = frozenTotals;
      const oldTotals = { ...laterTotals, frozen_artist_payout: "12820" };
      // Old meaning: 5,000 + 85% of the net above 7,000 = 5,000 + 85% × 9,200 = 12,820.
      const aboveGuarantee = await insert({ ...plus, split_point: "7000" }, event);
      const belowGuarantee = await insert({ ...plus, split_point: "3000" });
      const approved = await insert({ ...plus, split_point: "7000", status: "APPROVED", approved_at: new Date(), approved_by: alice, ...oldTotals });
      const flat = await insert({ deal_type: "FLAT_GUARANTEE", guarantee: "5000" });

      expect(await database.migrateTo([dealVocabulary])).toEqual([dealVocabulary]);
      const converted = await database.sql.query<{ id: string; promoter_profit_amount: string | null }>(
        `SELECT id::text, promoter_profit_amount::text FROM finance.settlement WHERE company_id = $1`,
        [companyId],
      );
      expect(Object.fromEntries(converted.map((row) => [row.id, row.promoter_profit_amount]))).toEqual({
        [aboveGuarantee]: "2000.0000",
        [belowGuarantee]: "0.0000",
        [approved]: "2000.0000",
        [flat]: null,
      });
      expect(
        await database.sql.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'finance' AND table_name = 'settlement' AND column_name = 'split_point'`),
      ).toEqual([]);

      // Split point 8,300 + 5,000 + 2,000 = 15,300 of adjusted gross: the artist is still paid 5,000 + 85% × 9,200 = 12,820.
      expect(await database.migrateTo()).toEqual([wholeBill, payments, ...afterPayments]);
      const finance = createFinanceData(database.prisma, { companyId, userId: alice });
      const draft = (await finance.settlements.find(aboveGuarantee))!;
      const { promoterProfit } = draft.bill[0]!.dealTerms;
      expect(promoterProfit?.kind === "AMOUNT" && formatMoney(promoterProfit.amount)).toBe("2000.00");
      const figures = await finance.settlements.figures(draft, null);
      const [act] = figures.acts;
      expect([formatMoney(figures.artistPayouts), act!.splitPoint && formatMoney(act!.splitPoint), act!.promoterProfit && formatMoney(act!.promoterProfit)]).toEqual([
        "12820.00",
        "15300.00",
        "2000.00",
      ]);
      // An approved settlement keeps the figures frozen with it, and has none of the new ones.
      const frozen = await finance.settlements.figures((await finance.settlements.find(approved))!, null);
      expect([frozen.frozen, formatMoney(frozen.artistPayouts), frozen.ticketsSold, frozen.acts[0]!.promoterProfit, frozen.acts[0]!.splitPoint]).toEqual([
        true,
        "12820.00",
        null,
        null,
        null,
      ]);
    } finally {
      await database.close();
    }
  });
});

describe("the whole-bill migration, on settlements stored before it", () => {
  it("converts an event's one settlement in place, merges an event's drafts into the oldest, and stops on an event with an approval among several", async () => {
    const database = await databaseAt([firstMigration, dealVocabulary]);
    try {
      const companyId = crypto.randomUUID();
      const [approvedShow, draftsShow, mixedShow] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
      const [headliner, support, other] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
      const settlement = (eventId: string, artistId: string, createdAt: string, columns: Record<string, unknown>) =>
        database.insert("settlement", { company_id: companyId, event_id: eventId, artist_id: artistId, currency: "USD", created_by: alice, created_at: createdAt, ...columns });
      const bonus = (settlementId: string, position: number, ticketsSold: number, amount: string) =>
        database.insert("settlement_ticket_bonus", { company_id: companyId, settlement_id: settlementId, position, tickets_sold: ticketsSold, bonus: amount, currency: "USD" });
      const deduction = (settlementId: string, label: string, amount: string) =>
        database.insert("settlement_deduction", { company_id: companyId, settlement_id: settlementId, position: 0, label, amount, currency: "USD" });
      const line = (settlementId: string, position: number, kind: string, amount: string) =>
        database.insert("settlement_line", { company_id: companyId, settlement_id: settlementId, position, kind, label: kind, amount });

      // An approved show: $10,000 vs 85% of net on net 14,500: 12,325, plus a 1,000 bonus at 500 tickets (800 sold): 13,325.
      const approvedTotals = {
        status: "APPROVED",
        approved_at: new Date("2026-11-01T12:00:00Z"),
        approved_by: alice,
        frozen_gross_ticket_sales: "26500",
        frozen_deductions: "0",
        frozen_adjusted_gross: "26500",
        frozen_total_expenses: "12000",
        frozen_net: "14500",
        frozen_artist_payout: "13325",
        frozen_promoter_result: "1175",
        frozen_tickets_sold: 800,
      };
      const approved = await settlement(approvedShow, headliner, "2026-11-01T10:00:00Z", {
        deal_type: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET",
        guarantee: "10000",
        percentage: "85",
        ...approvedTotals,
      });
      await bonus(approved, 0, 500, "1000");
      for (const [position, kind, amount] of [[0, "NET", "14500"], [1, "ARTIST_PAYOUT", "12325"], [2, "ARTIST_BONUS", "1000"], [3, "PROMOTER_RESULT", "1175"]] as const) {
        await line(approved, position, kind, amount);
      }
      // Two drafts of one show: the older one (the headliner's) is kept, the support's joins its bill.
      const older = await settlement(draftsShow, headliner, "2026-11-02T10:00:00Z", { deal_type: "FLAT_GUARANTEE", guarantee: "10000" });
      const newer = await settlement(draftsShow, support, "2026-11-02T11:00:00Z", { deal_type: "DOOR_DEAL", percentage: "20" });
      await deduction(older, "Ticketing fees", "500");
      await deduction(newer, "Other fees", "700");
      await bonus(newer, 0, 300, "250");
      // A show with a draft beside an approved settlement cannot be merged without undoing the approval.
      const mixedDraft = await settlement(mixedShow, headliner, "2026-11-03T10:00:00Z", { deal_type: "FLAT_GUARANTEE", guarantee: "3000" });
      const mixedApproved = await settlement(mixedShow, other, "2026-11-03T11:00:00Z", { deal_type: "FLAT_GUARANTEE", guarantee: "2000", ...approvedTotals, frozen_artist_payout: "2000" });

      await expect(database.migrateTo()).rejects.toThrow(new RegExp(`Event ${mixedShow} \\(company ${companyId}\\) has 2 settlements, and one of them is approved or paid.*Settle this event by hand first`));
      // Nothing moved: the migration ran in one transaction.
      expect(await database.sql.query(`SELECT count(*)::int AS count FROM finance.settlement WHERE company_id = $1`, [companyId])).toEqual([{ count: 5 }]);

      // Settled by hand: the draft is deleted.
      await database.sql.query(`DELETE FROM finance.settlement WHERE id = $1`, [mixedDraft]);
      expect(await database.migrateTo()).toEqual([wholeBill, payments, ...afterPayments]);

      const settlements = await database.sql.query<{ id: string; event_id: string; status: string; approved_at: Date | null; frozen_artist_payouts: string | null }>(
        `SELECT id::text, event_id::text, status::text, approved_at, frozen_artist_payouts::text FROM finance.settlement WHERE company_id = $1 ORDER BY created_at`,
        [companyId],
      );
      expect(settlements).toEqual([
        { id: approved, event_id: approvedShow, status: "APPROVED", approved_at: new Date("2026-11-01T12:00:00Z"), frozen_artist_payouts: "13325.0000" },
        { id: older, event_id: draftsShow, status: "DRAFT", approved_at: null, frozen_artist_payouts: null },
        { id: mixedApproved, event_id: mixedShow, status: "APPROVED", approved_at: new Date("2026-11-01T12:00:00Z"), frozen_artist_payouts: "2000.0000" },
      ]);
      const acts = await database.sql.query(
        `SELECT settlement_id::text, billing_position, artist_id::text, deal_type::text, frozen_payout::text, frozen_deal_amount::text, frozen_bonuses::text, frozen_expenses_counted::text
         FROM finance.settlement_act WHERE company_id = $1 ORDER BY settlement_id = $2 DESC, settlement_id, billing_position`,
        [companyId, approved],
      );
      expect(acts).toEqual(
        expect.arrayContaining([
          // Payout 13,325 = the deal's 12,325 + the 1,000 bonus line; a versus-net deal counted the 12,000 of expenses.
          { settlement_id: approved, billing_position: 0, artist_id: headliner, deal_type: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", frozen_payout: "13325.0000", frozen_deal_amount: "12325.0000", frozen_bonuses: "1000.0000", frozen_expenses_counted: "12000.0000" },
          { settlement_id: older, billing_position: 0, artist_id: headliner, deal_type: "FLAT_GUARANTEE", frozen_payout: null, frozen_deal_amount: null, frozen_bonuses: null, frozen_expenses_counted: null },
          { settlement_id: older, billing_position: 1, artist_id: support, deal_type: "DOOR_DEAL", frozen_payout: null, frozen_deal_amount: null, frozen_bonuses: null, frozen_expenses_counted: null },
          { settlement_id: mixedApproved, billing_position: 0, artist_id: other, deal_type: "FLAT_GUARANTEE", frozen_payout: "2000.0000", frozen_deal_amount: "2000.0000", frozen_bonuses: "0.0000", frozen_expenses_counted: null },
        ]),
      );
      expect(acts).toHaveLength(4);
      expect(await database.sql.query(`SELECT settlement_id::text, act_position, tickets_sold FROM finance.settlement_ticket_bonus WHERE company_id = $1 ORDER BY tickets_sold`, [companyId])).toEqual([
        { settlement_id: older, act_position: 1, tickets_sold: 300 },
        { settlement_id: approved, act_position: 0, tickets_sold: 500 },
      ]);
      expect(await database.sql.query(`SELECT settlement_id::text, label FROM finance.settlement_deduction WHERE company_id = $1`, [companyId])).toEqual([{ settlement_id: older, label: "Ticketing fees" }]);

      // Through the data layer: the approved sheet is as it was, its act's figures frozen with it.
      const finance = createFinanceData(database.prisma, { companyId, userId: alice });
      const stored = (await finance.settlements.find(approved))!;
      expect(stored.bill.map((act) => [act.artistId, act.billingPosition, act.dealTerms.type, act.dealTerms.ticketBonuses.length])).toEqual([[headliner, 0, "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", 1]]);
      const frozen = await finance.settlements.figures(stored, null);
      expect([frozen.frozen, frozen.lines.length, formatMoney(frozen.artistPayouts), formatMoney(frozen.promoterResult), frozen.ticketsSold, formatMoney(frozen.acts[0]!.payout)]).toEqual([
        true,
        4,
        "13325.00",
        "1175.00",
        800,
        "13325.00",
      ]);
      // The payments migration: an act approved before it withheld nothing, so it is owed its whole payout.
      expect([formatMoney(frozen.acts[0]!.withholding), formatMoney(frozen.acts[0]!.netPayable), stored.bill[0]!.dealTerms.deposit, stored.bill[0]!.dealTerms.withholdingRate]).toEqual([
        "0.00",
        "13325.00",
        null,
        null,
      ]);
      // The merged draft settles its two acts as one bill.
      const merged = (await finance.settlements.find(older))!;
      expect(merged.bill.map((act) => [act.artistId, act.billingPosition])).toEqual([
        [headliner, 0],
        [support, 1],
      ]);
    } finally {
      await database.close();
    }
  });
});

describe("the payments migration, on settlements stored before it", () => {
  it("withholds nothing from an approved act, and records a paid settlement's payment as each act's balance", async () => {
    const database = await databaseAt([firstMigration, dealVocabulary, wholeBill]);
    try {
      const companyId = crypto.randomUUID();
      const settlement = (status: string, payment: Record<string, unknown>) =>
        database.insert("settlement", { company_id: companyId, event_id: crypto.randomUUID(), currency: "USD", created_by: alice, status, approved_at: "2026-05-01T00:00:00Z", approved_by: alice, ...frozenTotals, ...payment });
      const paid = await settlement("PAID", { payment_reference: "WIRE-OLD", paid_on: "2026-05-20", payment_recorded_at: "2026-05-20T10:00:00Z", payment_recorded_by: alice });
      const approved = await settlement("APPROVED", {});
      const [headliner, support] = [crypto.randomUUID(), crypto.randomUUID()];
      const act = (settlementId: string, billingPosition: number, artistId: string, payout: string) =>
        database.insert("settlement_act", {
          company_id: companyId, settlement_id: settlementId, billing_position: billingPosition, artist_id: artistId, currency: "USD", deal_type: "FLAT_GUARANTEE", guarantee: payout,
          frozen_payout: payout, frozen_deal_amount: payout, frozen_bonuses: "0",
        });
      await act(paid, 0, headliner, "80");
      await act(paid, 1, support, "20");
      await act(approved, 0, headliner, "100");

      expect(await database.migrateTo()).toEqual([payments, ...afterPayments]);
      expect(await database.sql.query(`SELECT settlement_id::text, billing_position, frozen_withholding::text, frozen_net_payable::text FROM finance.settlement_act WHERE company_id = $1 ORDER BY settlement_id = $2 DESC, billing_position`, [companyId, paid])).toEqual([
        { settlement_id: paid, billing_position: 0, frozen_withholding: "0.0000", frozen_net_payable: "80.0000" },
        { settlement_id: paid, billing_position: 1, frozen_withholding: "0.0000", frozen_net_payable: "20.0000" },
        { settlement_id: approved, billing_position: 0, frozen_withholding: "0.0000", frozen_net_payable: "100.0000" },
      ]);
      // The buyouts and reimbursements migration: an act approved before had none.
      expect(await database.sql.query(`SELECT DISTINCT frozen_buyouts::text, frozen_reimbursements::text FROM finance.settlement_act WHERE company_id = $1`, [companyId])).toEqual([
        { frozen_buyouts: "0.0000", frozen_reimbursements: "0.0000" },
      ]);
      const finance = createFinanceData(database.prisma, { companyId, userId: alice });
      const paidSettlement = (await finance.settlements.find(paid))!;
      expect((await finance.settlements.payments(paidSettlement)).map((payment) => [payment.artistId, payment.kind, formatMoney(payment.amount), payment.reference, payment.paidOn])).toEqual([
        [headliner, "BALANCE", "80.00", "WIRE-OLD", "2026-05-20"],
        [support, "BALANCE", "20.00", "WIRE-OLD", "2026-05-20"],
      ]);
      expect(await finance.settlements.payments((await finance.settlements.find(approved))!)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});

describe("the deduction rates and house-only expenses migration, on settlements stored before it", () => {
  it("keeps each deduction FLAT (frozen at its amount once approved), each expense on the artist's sheet, and an approved sheet as the artist's too", async () => {
    const database = await databaseAt([firstMigration, dealVocabulary, wholeBill, payments]);
    try {
      const companyId = crypto.randomUUID();
      const event = crypto.randomUUID();
      await database.insert("expense", { company_id: companyId, event_id: event, category: "PRODUCTION", description: "Sound", amount: 30, currency: "USD", incurred_on: "2026-05-01", created_by: alice });
      const settlement = (status: string, approval: Record<string, unknown>) =>
        database.insert("settlement", { company_id: companyId, event_id: crypto.randomUUID(), currency: "USD", created_by: alice, status, ...approval });
      // Gross 100, fees 10, adjusted gross 90, expenses 30, net 60, the artist 50, the promoter 10.
      const approved = await settlement("APPROVED", {
        approved_at: "2026-05-01T00:00:00Z",
        approved_by: alice,
        frozen_gross_ticket_sales: "100",
        frozen_deductions: "10",
        frozen_adjusted_gross: "90",
        frozen_total_expenses: "30",
        frozen_net: "60",
        frozen_artist_payouts: "50",
        frozen_promoter_result: "10",
      });
      const draft = await settlement("DRAFT", {});
      for (const settlementId of [approved, draft]) {
        await database.insert("settlement_act", {
          company_id: companyId, settlement_id: settlementId, billing_position: 0, artist_id: artist, currency: "USD", deal_type: "FLAT_GUARANTEE", guarantee: "50",
          ...(settlementId === approved ? { frozen_payout: "50", frozen_deal_amount: "50", frozen_bonuses: "0", frozen_withholding: "0", frozen_net_payable: "50" } : {}),
        });
        await database.insert("settlement_deduction", { company_id: companyId, settlement_id: settlementId, position: 0, label: "Ticketing fees", amount: "10", currency: "USD" });
      }
      const lines = [
        ["GROSS_TICKET_SALES", "Gross ticket sales", "100"],
        ["DEDUCTION", "Ticketing fees", "10"],
        ["ADJUSTED_GROSS", "Adjusted gross", "90"],
        ["EXPENSE", "Production", "30"],
        ["TOTAL_EXPENSES", "Total expenses", "30"],
        ["NET", "Net", "60"],
        ["ARTIST_PAYOUT", "Flat guarantee (USD 50.00)", "50"],
        ["PROMOTER_RESULT", "Promoter profit", "10"],
      ];
      for (const [position, [kind, label, amount]] of lines.entries()) {
        await database.insert("settlement_line", { company_id: companyId, settlement_id: approved, position, kind, label, amount });
      }

      expect(await database.migrateTo()).toEqual(afterPayments);
      expect(await database.sql.query(`SELECT sheet::text FROM finance.expense WHERE company_id = $1`, [companyId])).toEqual([{ sheet: "ARTIST_SHEET" }]);
      expect(
        await database.sql.query(
          `SELECT settlement_id::text, basis::text, amount::text, frozen_base, frozen_amount::text FROM finance.settlement_deduction WHERE company_id = $1 ORDER BY settlement_id = $2 DESC`,
          [companyId, approved],
        ),
      ).toEqual([
        { settlement_id: approved, basis: "FLAT", amount: "10.0000", frozen_base: null, frozen_amount: "10.0000" },
        { settlement_id: draft, basis: "FLAT", amount: "10.0000", frozen_base: null, frozen_amount: null },
      ]);

      // Read as the API reads it: the artist's sheet is the sheet as approved, line for line; nothing was house only.
      const finance = createFinanceData(database.prisma, { companyId, userId: alice });
      const figures = await finance.settlements.figures((await finance.settlements.find(approved))!, null);
      const printed = (sheet: readonly { kind: string; label: string; amount: { amount: { toFixed(): string } } }[]) => sheet.map((line) => [line.kind, line.label, line.amount.amount.toFixed()]);
      expect(printed(figures.artistSheet.lines)).toEqual(printed(figures.lines));
      expect(printed(figures.lines)).toEqual(lines);
      expect([figures.houseExpenses, figures.promoterResult, figures.artistSheet.promoterResult].map((money) => formatMoney(money))).toEqual(["0.00", "10.00", "10.00"]);
      expect(figures.deductionFigures.map((deduction) => [deduction.line, deduction.base, formatMoney(deduction.amount)])).toEqual([["Ticketing fees", null, "10.00"]]);
    } finally {
      await database.close();
    }
  });
});
