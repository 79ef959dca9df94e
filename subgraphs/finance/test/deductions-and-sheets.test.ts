// Deductions as rates, with the base shown, and expenses on the artist's sheet or house only
// (issue #10): a draft's rates are worked out live from the gross less the deductions above
// them, approval freezes each one's base and amount and both sheets; a refused deduction
// names its field and writes nothing; the artist's sheet leaves the house-only expenses out,
// and the promoter's books take them off the result after the acts are paid.
import { formatMoney, parseDealTerms, type Tenant } from "@marquee/kit";
import { demoUsers } from "@marquee/kit/demo";
import { Decimal } from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FinanceContext } from "../src/context.ts";
import { settlementSheet } from "../src/data/settlement-figures.ts";
import type { SettlementFiguresRecord, SettlementRecord, SettlementSheetRecord } from "../src/data/records.ts";
import { parseMoney, type ExpenseCategory, type Money } from "../src/domain/index.ts";
import { resolvers } from "../src/resolvers/index.ts";
import { openFinanceTestDatabase, type FinanceTestDatabase } from "./finance-test-database.ts";

const eur = (amount: string) => parseMoney(amount, "EUR");
const usd = (amount: string) => parseMoney(amount, "USD");
const shown = (money: Money | null) => money && `${money.currency} ${formatMoney(money)}`;
/** A sheet as a settlement statement prints it. */
const printed = (figures: { lines: SettlementFiguresRecord["lines"] }) => figures.lines.map((line) => `${line.kind} ${line.label}: ${shown(line.amount)}`);

let db: FinanceTestDatabase;
beforeAll(async () => {
  db = await openFinanceTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

/** A company of its own with one event: its ticketing income and expenses (`[category, amount, sheet?]`). */
async function eventWith(currency: string, gross: string, expenses: [ExpenseCategory, string, "HOUSE_ONLY"?][]) {
  const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
  const event = crypto.randomUUID();
  const finance = db.request(tenant);
  const recorded = [];
  for (const [category, amount, sheet] of expenses) {
    recorded.push(
      await finance.expenses.record({ eventId: event, category, description: category.toLowerCase(), vendor: null, amount: parseMoney(amount, currency), sheet: sheet ?? "ARTIST_SHEET", incurredOn: "2026-05-10" }),
    );
  }
  await finance.incomes.record({ eventId: event, source: "TICKETING", description: "Tickets", payer: null, amount: parseMoney(gross, currency), receivedOn: "2026-05-10" });
  return { tenant, event, expenses: recorded, request: () => db.request(tenant) };
}

const rowsOf = (settlementId: string) =>
  db.sql.query<{ basis: string; rate: string | null; frozen_base: string | null; frozen_amount: string | null }>(
    `SELECT basis::text, rate::text, frozen_base::text, frozen_amount::text FROM finance.settlement_deduction WHERE settlement_id = $1 ORDER BY position`,
    [settlementId],
  );

describe("deductions as rates", () => {
  /** The Harbor Hall demo's jazz night: EUR 13,195.00 of tickets, expenses 600 + 1,500, the quartet on a 70% door deal. */
  async function jazzNight() {
    const show = await eventWith("EUR", "13195.00", [
      ["MARKETING", "600.00"],
      ["PRODUCTION", "1500.00"],
    ]);
    const settlement = await show.request().settlements.create(show.event, {
      currency: "EUR",
      bill: [{ artistId: crypto.randomUUID(), dealTerms: parseDealTerms({ dealType: "DOOR_DEAL", percentage: "70" }, "EUR") }],
      deductions: [
        { label: "Ticketing fees", basis: "PERCENTAGE_OF_GROSS", rate: new Decimal("3") },
        { label: "VAT", basis: "TAX_INCLUDED_IN_PRICE", rate: new Decimal("7") },
      ],
    });
    return { ...show, settlement };
  }

  it("are worked out live on a draft, VAT after the fees: 837.33, not 863.22", async () => {
    const show = await jazzNight();
    const figures = await show.request().settlements.figures(show.settlement, null);
    // Fees 3% × 13,195.00 = 395.85; VAT 12,799.15 × 7 / 107 = 837.3276 → 837.33; adjusted gross 11,961.82;
    // the quartet 70% × 11,961.82 = 8,373.274 → 8,373.27; net 11,961.82 − 2,100 = 9,861.82; promoter 1,488.55.
    expect(printed(figures)).toEqual([
      "GROSS_TICKET_SALES Gross ticket sales: EUR 13195.00",
      "DEDUCTION Ticketing fees (3% of EUR 13195.00): EUR 395.85",
      "DEDUCTION VAT (7% included in EUR 12799.15): EUR 837.33",
      "ADJUSTED_GROSS Adjusted gross: EUR 11961.82",
      "EXPENSE Production: EUR 1500.00",
      "EXPENSE Marketing: EUR 600.00",
      "TOTAL_EXPENSES Total expenses: EUR 2100.00",
      "NET Net: EUR 9861.82",
      "ARTIST_PAYOUT 70% of adjusted gross (EUR 8373.27): EUR 8373.27",
      "PROMOTER_RESULT Promoter profit: EUR 1488.55",
    ]);
    expect(figures.deductionFigures.map((deduction) => [shown(deduction.base), shown(deduction.amount)])).toEqual([
      ["EUR 13195.00", "EUR 395.85"],
      ["EUR 12799.15", "EUR 837.33"],
    ]);

    // More tickets sold move a draft's rates: 13,195.00 + 107.00 = 13,302.00; fees 399.06; VAT 12,902.94 × 7 / 107 = 90,320.58 / 107 = 844.1176 → 844.12.
    await show.request().incomes.record({ eventId: show.event, source: "TICKETING", description: "Door", payer: null, amount: eur("107.00"), receivedOn: "2026-05-10" });
    const moved = await show.request().settlements.figures(show.settlement, null);
    expect(moved.deductionFigures.map((deduction) => [shown(deduction.base), shown(deduction.amount)])).toEqual([
      ["EUR 13302.00", "EUR 399.06"],
      ["EUR 12902.94", "EUR 844.12"],
    ]);
  });

  it("apply in the order entered: the VAT entered first is charged on the fees too", async () => {
    const show = await jazzNight();
    const [fees, vat] = (await show.request().settlements.deductions(show.settlement)).map((record) => record.deduction);
    const reordered = await show.request().settlements.update(show.settlement.id, { deductions: [vat!, fees!] });
    // VAT 13,195.00 × 7 / 107 = 863.2243 → 863.22; fees 3% × (13,195.00 − 863.22 = 12,331.78) = 369.9534 → 369.95.
    const figures = await show.request().settlements.figures(reordered, null);
    expect(printed(figures).slice(1, 3)).toEqual(["DEDUCTION VAT (7% included in EUR 13195.00): EUR 863.22", "DEDUCTION Ticketing fees (3% of EUR 12331.78): EUR 369.95"]);
    expect((await rowsOf(show.settlement.id)).map((row) => [row.basis, row.rate])).toEqual([
      ["TAX_INCLUDED_IN_PRICE", "7.00"],
      ["PERCENTAGE_OF_GROSS", "3.00"],
    ]);
  });

  it("are frozen at approval with their bases, and later ticket sales no longer move them", async () => {
    const show = await jazzNight();
    await show.request().settlements.approve(show.settlement.id, null);
    expect(await rowsOf(show.settlement.id)).toEqual([
      { basis: "PERCENTAGE_OF_GROSS", rate: "3.00", frozen_base: "13195.0000", frozen_amount: "395.8500" },
      { basis: "TAX_INCLUDED_IN_PRICE", rate: "7.00", frozen_base: "12799.1500", frozen_amount: "837.3300" },
    ]);

    await show.request().incomes.record({ eventId: show.event, source: "TICKETING", description: "Late sales", payer: null, amount: eur("1000.00"), receivedOn: "2026-05-11" });
    const request = show.request();
    const stored = (await request.settlements.find(show.settlement.id))!;
    const figures = await request.settlements.figures(stored, null);
    expect([figures.frozen, shown(figures.adjustedGross), shown(figures.promoterResult)]).toEqual([true, "EUR 11961.82", "EUR 1488.55"]);
    expect(figures.deductionFigures.map((deduction) => [deduction.line, shown(deduction.base), shown(deduction.amount)])).toEqual([
      ["Ticketing fees (3% of EUR 13195.00)", "EUR 13195.00", "EUR 395.85"],
      ["VAT (7% included in EUR 12799.15)", "EUR 12799.15", "EUR 837.33"],
    ]);
    // The API's deduction shows its terms, base and amount, the frozen ones read with the deductions.
    const context = { finance: request, base: {} } as unknown as FinanceContext;
    const deductions = (await (resolvers.Settlement!.deductions as Call)(stored, {}, context, {})) as unknown[];
    const field = (name: string, deduction: unknown) => (resolvers.SettlementDeduction![name as "amount"] as Call)(deduction, {}, context, {});
    const api = await Promise.all(deductions.map(async (deduction) => [await field("basis", deduction), await field("rate", deduction), shown((await field("base", deduction)) as Money), shown((await field("amount", deduction)) as Money)]));
    expect(api).toEqual([
      ["PERCENTAGE_OF_GROSS", "3", "EUR 13195.00", "EUR 395.85"],
      ["TAX_INCLUDED_IN_PRICE", "7", "EUR 12799.15", "EUR 837.33"],
    ]);
  });
});

type Call = (parent: unknown, args: unknown, context: FinanceContext, info: unknown) => Promise<unknown>;

describe("a deduction refused", () => {
  const createSettlement = resolvers.Mutation!.createSettlement as Call;
  const updateSettlement = resolvers.Mutation!.updateSettlement as Call;
  const flat = { dealType: "FLAT_GUARANTEE", guarantee: { amount: "5000.00", currency: "USD" } };

  it("names the field, BAD_USER_INPUT, and writes nothing: a settlement is not opened, a draft's deductions stay", async () => {
    const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
    // Base is never asked: the input is refused first.
    const context = { finance: db.request(tenant), base: {} } as unknown as FinanceContext;
    const event = crypto.randomUUID();
    const open = (deductions: unknown[]) => createSettlement({}, { input: { eventId: event, currency: "USD", bill: [{ artistId: crypto.randomUUID(), dealTerms: flat }], deductions } }, context, {});
    const fees = { label: "Ticketing fees", basis: "PERCENTAGE_OF_GROSS", rate: "3" };
    const refusals: [unknown, string, string][] = [
      [{ label: "VAT", basis: "TAX_INCLUDED_IN_PRICE", rate: "0" }, "deductions[1].rate", 'deductions[1].rate must be a percentage above 0 and at most 100, with at most 2 decimals, e.g. "7" or "20.5" (got "0").'],
      [{ label: "VAT", basis: "TAX_INCLUDED_IN_PRICE", rate: "100.5" }, "deductions[1].rate", 'deductions[1].rate must be a percentage above 0 and at most 100, with at most 2 decimals, e.g. "7" or "20.5" (got "100.5").'],
      [{ label: "VAT", basis: "TAX_ADDED_TO_PRICE", rate: "7.125" }, "deductions[1].rate", 'deductions[1].rate must be a percentage above 0 and at most 100, with at most 2 decimals, e.g. "7" or "20.5" (got "7.125").'],
      [{ label: "VAT", basis: "TAX_ADDED_TO_PRICE" }, "deductions[1].rate", "deductions[1] is TAX_ADDED_TO_PRICE: it requires a rate."],
      [{ label: "VAT", basis: "TAX_ADDED_TO_PRICE", rate: "7", amount: { amount: "10.00", currency: "USD" } }, "deductions[1].amount", "deductions[1] is TAX_ADDED_TO_PRICE: it takes a rate, not an amount."],
      [{ label: "Facility fee", basis: "PER_TICKET", perTicket: { amount: "0.00", currency: "USD" } }, "deductions[1].perTicket", "deductions[1].perTicket must be more than zero (got 0.00)."],
      [{ label: "Facility fee", basis: "PER_TICKET", perTicket: { amount: "1.00", currency: "EUR" } }, "deductions[1].perTicket", "deductions[1].perTicket is in EUR but the settlement is in USD."],
      [{ label: "Facility fee", basis: "PER_TICKET", rate: "3" }, "deductions[1].rate", "deductions[1] is PER_TICKET: it takes a perTicket, not a rate."],
      [{ label: "Hall charge", rate: "3" }, "deductions[1].rate", "deductions[1] is FLAT: it takes an amount, not a rate."],
      [{ label: "Hall charge", basis: "FLAT" }, "deductions[1].amount", "deductions[1] is FLAT: it requires an amount."],
      [{ label: "Refunds", amount: { amount: "-1.00", currency: "USD" } }, "deductions[1].amount", "deductions[1].amount cannot be negative (got -1.00)."],
    ];
    for (const [deduction, field, message] of refusals) {
      await expect(open([fees, deduction])).rejects.toMatchObject({ message, extensions: { code: "BAD_USER_INPUT", reason: "INVALID_SETTLEMENT_INPUT", field } });
    }
    expect(await db.sql.query(`SELECT id FROM finance.settlement WHERE company_id = $1`, [tenant.companyId])).toEqual([]);

    // A draft's deductions are replaced only by deductions that pass.
    const draft = await context.finance.settlements.create(event, {
      currency: "USD",
      bill: [{ artistId: crypto.randomUUID(), dealTerms: parseDealTerms(flat as never, "USD") }],
      deductions: [{ label: "Ticketing fees", basis: "PERCENTAGE_OF_GROSS", rate: new Decimal("3") }],
    });
    await expect(updateSettlement({}, { input: { id: draft.id, deductions: [{ label: "VAT", basis: "TAX_INCLUDED_IN_PRICE", rate: "0" }] } }, context, {})).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT", field: "deductions[0].rate" },
    });
    expect((await rowsOf(draft.id)).map((row) => [row.basis, row.rate])).toEqual([["PERCENTAGE_OF_GROSS", "3.00"]]);
  });

  it("keeps an old input working: a deduction with only a label and an amount is FLAT", async () => {
    const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
    const context = { finance: db.request(tenant), base: {} } as unknown as FinanceContext;
    const draft = await context.finance.settlements.create(crypto.randomUUID(), {
      currency: "USD",
      bill: [{ artistId: crypto.randomUUID(), dealTerms: parseDealTerms(flat as never, "USD") }],
      deductions: [],
    });
    await updateSettlement({}, { input: { id: draft.id, deductions: [{ label: "Ticketing fees", amount: { amount: "310.00", currency: "USD" } }] } }, context, {});
    expect(await rowsOf(draft.id)).toEqual([{ basis: "FLAT", rate: null, frozen_base: null, frozen_amount: null }]);
  });
});

describe("expenses on the artist's sheet or house only", () => {
  /**
   * The demo's Chicago show (gross 27,540, fees and tax 4,131, adjusted gross 23,409, artist-sheet expenses 11,290,
   * Aurora Lane on $8,000 versus 80% of net) with 500 of house-only expenses: the house bar staff (350) and an
   * office runner (150).
   */
  async function chicagoWithHouseCosts() {
    const show = await eventWith("USD", "27540.00", [
      ["PRODUCTION", "3200.00"],
      ["MARKETING", "1150.00"],
      ["HOSPITALITY", "640.00"],
      ["STAFFING", "1800.00"],
      ["VENUE_RENT", "4500.00"],
      ["STAFFING", "350.00", "HOUSE_ONLY"],
      ["OTHER", "150.00", "HOUSE_ONLY"],
    ]);
    const settlement = await show.request().settlements.create(show.event, {
      currency: "USD",
      bill: [{ artistId: crypto.randomUUID(), dealTerms: parseDealTerms({ dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: { amount: "8000.00", currency: "USD" }, percentage: "80" }, "USD") }],
      deductions: [
        { label: "Ticketing fees", basis: "FLAT", amount: usd("1652.40") },
        { label: "Chicago amusement tax", basis: "FLAT", amount: usd("2478.60") },
      ],
    });
    return { ...show, settlement, runner: show.expenses[6]! };
  }

  const upToNet = [
    "GROSS_TICKET_SALES Gross ticket sales: USD 27540.00",
    "DEDUCTION Ticketing fees: USD 1652.40",
    "DEDUCTION Chicago amusement tax: USD 2478.60",
    "ADJUSTED_GROSS Adjusted gross: USD 23409.00",
    "EXPENSE Production: USD 3200.00",
    "EXPENSE Marketing: USD 1150.00",
    "EXPENSE Hospitality: USD 640.00",
    "EXPENSE Staffing: USD 1800.00",
    "EXPENSE Venue rent: USD 4500.00",
    "TOTAL_EXPENSES Total expenses: USD 11290.00",
    "NET Net: USD 12119.00",
    "ARTIST_PAYOUT 80% of net (USD 9695.20) exceeds guarantee (USD 8000.00): USD 9695.20",
  ];
  const sheets = (figures: SettlementFiguresRecord): [SettlementSheetRecord, SettlementSheetRecord] => [settlementSheet(figures, "ARTIST"), settlementSheet(figures, "INTERNAL")];
  const totalsOf = (sheet: SettlementSheetRecord) => [sheet.sheet, shown(sheet.totalExpenses), shown(sheet.net), shown(sheet.artistPayouts), shown(sheet.houseExpenses), shown(sheet.promoterResult)];

  it("count against the deals only on the artist's sheet; the promoter's books take the house-only ones off the result", async () => {
    const show = await chicagoWithHouseCosts();
    const [artist, internal] = sheets(await show.request().settlements.figures(show.settlement, null));
    // The artist's sheet is the demo's: net 23,409 − 11,290 = 12,119; 80% = 9,695.20; promoter 2,423.80.
    // (Counted against the deal, the 500 would have cost the artist 80% × 500 = 400.)
    expect(printed(artist)).toEqual([...upToNet, "PROMOTER_RESULT Promoter profit: USD 2423.80"]);
    // The promoter's books: the same, then the house-only costs; 2,423.80 − 500 = 1,923.80.
    expect(printed(internal)).toEqual([
      ...upToNet,
      "HOUSE_EXPENSE Staffing (house only): USD 350.00",
      "HOUSE_EXPENSE Other (house only): USD 150.00",
      "TOTAL_HOUSE_EXPENSES Total house-only expenses: USD 500.00",
      "PROMOTER_RESULT Promoter profit: USD 1923.80",
    ]);
    expect([totalsOf(artist), totalsOf(internal)]).toEqual([
      ["ARTIST", "USD 11290.00", "USD 12119.00", "USD 9695.20", null, "USD 2423.80"],
      ["INTERNAL", "USD 11290.00", "USD 12119.00", "USD 9695.20", "USD 500.00", "USD 1923.80"],
    ]);
    // The expense list tells them apart.
    const houseOnly = await show.request().expenses.list({ eventId: show.event, sheet: "HOUSE_ONLY" }, {});
    expect(houseOnly.edges.map((edge) => [edge.node.description, shown(edge.node.amount), edge.node.sheet]).sort()).toEqual([
      ["other", "USD 150.00", "HOUSE_ONLY"],
      ["staffing", "USD 350.00", "HOUSE_ONLY"],
    ]);
  });

  it("move a draft when an expense changes sheet, and are frozen, both sheets, at approval", async () => {
    const show = await chicagoWithHouseCosts();
    await show.request().expenses.update(show.runner.id, { sheet: "ARTIST_SHEET" });
    // The runner now counts: expenses 11,290 + 150 = 11,440; net 11,969; 80% = 9,575.20; the artist's sheet
    // shows 11,969 − 9,575.20 = 2,393.80, the promoter's books 2,393.80 − 350 = 2,043.80.
    const live = sheets(await show.request().settlements.figures(show.settlement, null));
    expect(live.map(totalsOf)).toEqual([
      ["ARTIST", "USD 11440.00", "USD 11969.00", "USD 9575.20", null, "USD 2393.80"],
      ["INTERNAL", "USD 11440.00", "USD 11969.00", "USD 9575.20", "USD 350.00", "USD 2043.80"],
    ]);

    const approved = await show.request().settlements.approve(show.settlement.id, null);
    const [row] = await db.sql.query(`SELECT frozen_total_expenses::text, frozen_house_expenses::text, frozen_artist_promoter_result::text, frozen_promoter_result::text FROM finance.settlement WHERE id = $1`, [
      approved.id,
    ]);
    expect(row).toEqual({ frozen_total_expenses: "11440.0000", frozen_house_expenses: "350.0000", frozen_artist_promoter_result: "2393.8000", frozen_promoter_result: "2043.8000" });
    const lines = await db.sql.query<{ sheet: string; kind: string; amount: string }>(
      `SELECT sheet::text, kind::text, amount::text FROM finance.settlement_line WHERE settlement_id = $1 AND kind IN ('HOUSE_EXPENSE', 'TOTAL_HOUSE_EXPENSES', 'PROMOTER_RESULT') ORDER BY sheet, position`,
      [approved.id],
    );
    expect(lines).toEqual([
      { sheet: "ARTIST", kind: "PROMOTER_RESULT", amount: "2393.8000" },
      { sheet: "INTERNAL", kind: "HOUSE_EXPENSE", amount: "350.0000" },
      { sheet: "INTERNAL", kind: "TOTAL_HOUSE_EXPENSES", amount: "350.0000" },
      { sheet: "INTERNAL", kind: "PROMOTER_RESULT", amount: "2043.8000" },
    ]);

    // Moving the house bar staff onto the artist's sheet afterwards changes neither sheet.
    await show.request().expenses.update(show.expenses[5]!.id, { sheet: "ARTIST_SHEET" });
    const request = show.request();
    const frozen = sheets(await request.settlements.figures((await request.settlements.find(approved.id))!, null));
    expect(frozen.map((sheet) => [sheet.frozen, ...totalsOf(sheet)])).toEqual(live.map((sheet) => [true, ...totalsOf(sheet)]));
    expect(frozen.map(printed)).toEqual(live.map(printed));
  });

  it("default to the artist's sheet, so a show without house-only expenses has one sheet twice", async () => {
    const show = await eventWith("USD", "1000.00", [["VENUE_RENT", "400.00"]]);
    expect(show.expenses[0]!.sheet).toBe("ARTIST_SHEET");
    const settlement: SettlementRecord = await show.request().settlements.create(show.event, {
      currency: "USD",
      bill: [{ artistId: crypto.randomUUID(), dealTerms: parseDealTerms({ dealType: "DOOR_DEAL_AFTER_EXPENSES", percentage: "50" }, "USD") }],
      deductions: [],
    });
    const [artist, internal] = sheets(await show.request().settlements.figures(settlement, null));
    // Net 1,000 − 400 = 600; the artist 50% = 300; the promoter 300 on both sheets.
    expect(printed(internal)).toEqual(printed(artist));
    expect([totalsOf(artist), totalsOf(internal)]).toEqual([
      ["ARTIST", "USD 400.00", "USD 600.00", "USD 300.00", null, "USD 300.00"],
      ["INTERNAL", "USD 400.00", "USD 600.00", "USD 300.00", "USD 0.00", "USD 300.00"],
    ]);
  });
});
