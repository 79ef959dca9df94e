// The hand-written migrations build exactly what schema.prisma declares, and the
// invariants Prisma cannot declare hold in the database itself, whoever writes: terms
// versions are append-only (a never-offered draft goes whole, with its deal) and carry
// exactly the terms their deal type takes, and a deal has at most one live contract.
// Stored split points become promoter profits when the deal vocabulary migration runs.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { applyMigrations, openSqlExecutor, type Tenant } from "@marquee/kit";
import { createTestDatabaseTarget, findSchemaDrift } from "@marquee/kit/testing";
import { demoUsers } from "@marquee/kit/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseOfferTerms } from "../src/domain/index.ts";
import { marketSchema } from "../src/data/market-database.ts";
import { migrationsDir, openMarketTestDatabase, type MarketTestDatabase } from "./market-test-database.ts";

let db: MarketTestDatabase;
beforeAll(async () => {
  db = await openMarketTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const flatGuarantee = parseOfferTerms({
  dealType: "FLAT_GUARANTEE",
  currency: "USD",
  guarantee: { amount: "5000", currency: "USD" },
  ticketBonuses: [{ ticketsSold: 500, bonus: { amount: "250", currency: "USD" } }],
});

/** A company of its own with an accepted deal. */
async function acceptedDeal() {
  const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
  const market = db.request(tenant);
  const deal = await market.deals.create({ artistId: crypto.randomUUID(), eventId: crypto.randomUUID(), terms: flatGuarantee, notes: null });
  await market.deals.offer(deal.id);
  const accepted = await market.deals.accept(deal.id);
  return { tenant, deal: accepted };
}

const count = async (sql: string, params: unknown[]) => (await db.sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${sql}`, params))[0]!.count;

describe("migrations", () => {
  it("build exactly what schema.prisma declares", async () => {
    const drift = await findSchemaDrift(db.sql, { schema: marketSchema, prismaSchemaPath: fileURLToPath(new URL("../../../prisma/market/schema.prisma", import.meta.url)) });
    expect(drift).toEqual([]);
  });

  it("are recorded, so a second run applies nothing", async () => {
    expect(await applyMigrations(db.target, { schema: marketSchema, migrationsDir })).toEqual([]);
    const history = await db.sql.query<{ migration_name: string }>(`SELECT migration_name FROM market._prisma_migrations`);
    expect(history.map((row) => row.migration_name).sort()).toEqual([
      "20261125090000_market_deals_and_contracts",
      "20261125230000_delete_never_offered_drafts",
      "20261127120000_bonus_threshold_bound",
      "20261127180000_deal_vocabulary",
      "20261127200000_deposit_and_withholding",
      "20261127210000_offer_estimated_expenses",
      "20261127233000_buyouts",
    ]);
  });

  it("turn each plus deal's stored split point into its promoter profit amount, and keep the versions append-only", async () => {
    // A database at the migration before the deal vocabulary, holding versions written then.
    const database = await createTestDatabaseTarget();
    const sql = await openSqlExecutor(database.target);
    const before = await mkdtemp(join(tmpdir(), "market-migrations-"));
    try {
      await cp(join(migrationsDir, "migration_lock.toml"), join(before, "migration_lock.toml"));
      for (const name of ["20261125090000_market_deals_and_contracts", "20261125230000_delete_never_offered_drafts", "20261127120000_bonus_threshold_bound"]) {
        await cp(join(migrationsDir, name), join(before, name), { recursive: true });
      }
      await applyMigrations(database.target, { schema: marketSchema, migrationsDir: before });
      const companyId = crypto.randomUUID();
      const userId = demoUsers.alice.id;
      const [deal] = await sql.query<{ id: string }>(`INSERT INTO market.deal (company_id, artist_id, created_by) VALUES ($1, $2, $3) RETURNING id::text`, [companyId, crypto.randomUUID(), userId]);
      const version = (number: number, dealType: string, guarantee: string | null, percentage: string | null, splitPoint: string | null) =>
        sql.query(
          `INSERT INTO market.deal_terms_version (company_id, deal_id, number, kind, side, currency, deal_type, guarantee, percentage, split_point, created_by)
           VALUES ($1, $2, $3, 'DRAFT', 'PROMOTER', 'EUR', $4, $5, $6, $7, $8)`,
          [companyId, deal!.id, number, dealType, guarantee, percentage, splitPoint, userId],
        );
      await version(1, "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", "40000", "85", "95000.5");
      await version(2, "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", "45000", "85", "30000");
      await version(3, "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", "9000", "80", null);
      await version(4, "DOOR_DEAL", null, "70", null);

      expect(await applyMigrations(database.target, { schema: marketSchema, migrationsDir })).toEqual([
        "20261127180000_deal_vocabulary",
        "20261127200000_deposit_and_withholding",
        "20261127210000_offer_estimated_expenses",
        "20261127233000_buyouts",
      ]);
      expect(await findSchemaDrift(sql, { schema: marketSchema, prismaSchemaPath: fileURLToPath(new URL("../../../prisma/market/schema.prisma", import.meta.url)) })).toEqual([]);
      const versions = await sql.query(
        `SELECT number, deal_type::text, guarantee::text, percentage::text, promoter_profit_amount::text, promoter_profit_percentage::text, per_ticket::text, expense_cap::text,
                deposit::text, withholding_rate::text
         FROM market.deal_terms_version WHERE deal_id = $1 ORDER BY number`,
        [deal!.id],
      );
      // The versions written before the deposit and the withholding rate keep neither.
      const terms = { promoter_profit_percentage: null, per_ticket: null, expense_cap: null, deposit: null, withholding_rate: null };
      expect(versions).toEqual([
        { number: 1, deal_type: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", guarantee: "40000.0000", percentage: "85.00", promoter_profit_amount: "55000.5000", ...terms },
        { number: 2, deal_type: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", guarantee: "45000.0000", percentage: "85.00", promoter_profit_amount: "0.0000", ...terms },
        { number: 3, deal_type: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: "9000.0000", percentage: "80.00", promoter_profit_amount: null, ...terms },
        { number: 4, deal_type: "DOOR_DEAL", guarantee: null, percentage: "70.00", promoter_profit_amount: null, ...terms },
      ]);
      await expect(sql.query(`UPDATE market.deal_terms_version SET promoter_profit_amount = 1 WHERE deal_id = $1`, [deal!.id])).rejects.toThrow(
        /is append-only: a version of a deal's terms cannot be changed or deleted/,
      );
    } finally {
      await sql.close();
      await database.drop();
      await rm(before, { recursive: true, force: true });
    }
  });
});

describe("the terms versions", () => {
  it("cannot be changed or deleted, by any SQL, and stay as written", async () => {
    const { deal } = await acceptedDeal();
    const refused = /is append-only: a version of a deal's terms cannot be changed or deleted/;
    await expect(db.sql.query(`UPDATE market.deal_terms_version SET guarantee = 1 WHERE deal_id = $1`, [deal.id])).rejects.toThrow(refused);
    await expect(db.sql.query(`DELETE FROM market.deal_terms_version WHERE deal_id = $1`, [deal.id])).rejects.toThrow(
      /deal_terms_version is append-only: a draft version goes only with its DRAFT deal, an offered one never/,
    );
    await expect(db.sql.query(`UPDATE market.deal_terms_bonus SET bonus = 1`, [])).rejects.toThrow(refused);
    await expect(db.sql.query(`DELETE FROM market.deal_terms_bonus`, [])).rejects.toThrow(/deal_terms_bonus is append-only: a bonus goes only with its draft version/);
    await expect(db.sql.query(`DELETE FROM market.deal WHERE id = $1`, [deal.id])).rejects.toThrow(/only a DRAFT deal can be deleted, this one is ACCEPTED/);

    const versions = await db.sql.query<{ number: number; kind: string; guarantee: string }>(
      `SELECT number, kind::text, guarantee::text FROM market.deal_terms_version WHERE deal_id = $1 ORDER BY number`,
      [deal.id],
    );
    expect(versions).toEqual([
      { number: 1, kind: "DRAFT", guarantee: "5000.0000" },
      { number: 2, kind: "OFFER", guarantee: "5000.0000" },
    ]);
  });

  it("keep their buyouts in the order written, append-only, each above zero with a label of 1 to 100 characters", async () => {
    const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.alice.id };
    const market = db.request(tenant);
    const terms = parseOfferTerms({
      dealType: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET",
      currency: "USD",
      guarantee: { amount: "10000", currency: "USD" },
      percentage: "85",
      buyouts: [
        { label: "Catering buyout", amount: { amount: "500", currency: "USD" } },
        { label: "Hotel buyout", amount: { amount: "300.50", currency: "USD" } },
      ],
    });
    const deal = await market.deals.create({ artistId: crypto.randomUUID(), eventId: null, terms, notes: null });
    const offered = await market.deals.offer(deal.id);
    const version = await market.deals.version(offered.currentVersionId);
    const printed = (await market.deals.buyouts(version)).map(({ label, amount }) => `${label}: ${amount.amount.toFixed()} ${amount.currency}`);
    // The offer copies the draft's buyouts: both versions hold them.
    expect(printed).toEqual(["Catering buyout: 500 USD", "Hotel buyout: 300.5 USD"]);
    expect(await count(`market.deal_terms_buyout WHERE company_id = $1`, [tenant.companyId])).toBe(4);

    const refused = /is append-only: a version of a deal's terms cannot be changed or deleted/;
    await expect(db.sql.query(`UPDATE market.deal_terms_buyout SET amount = 1 WHERE company_id = $1`, [tenant.companyId])).rejects.toThrow(refused);
    await expect(db.sql.query(`DELETE FROM market.deal_terms_buyout WHERE company_id = $1`, [tenant.companyId])).rejects.toThrow(/deal_terms_buyout is append-only/);
    const insert = (position: number, label: string, amount: string, currency = "USD") =>
      db.sql.query(`INSERT INTO market.deal_terms_buyout (company_id, version_id, position, label, amount, currency) VALUES ($1, $2, $3, $4, $5, $6)`, [tenant.companyId, version.id, position, label, amount, currency]);
    await expect(insert(5, "Rider", "0")).rejects.toThrow(/deal_terms_buyout_amount_positive/);
    await expect(insert(5, "  ", "10")).rejects.toThrow(/deal_terms_buyout_label_length/);
    await expect(insert(5, "x".repeat(101), "10")).rejects.toThrow(/deal_terms_buyout_label_length/);
    await expect(insert(10, "Rider", "10")).rejects.toThrow(/deal_terms_buyout_position_in_range/);
    await expect(insert(5, "Rider", "10", "EUR")).rejects.toThrow(/deal_terms_buyout_company_id_version_id_currency_fkey/);
  });

  it("of a never-offered draft go with their deal, bonuses too, and not without it", async () => {
    const market = db.request({ companyId: crypto.randomUUID(), userId: demoUsers.alice.id });
    const draft = await market.deals.create({ artistId: crypto.randomUUID(), eventId: null, terms: flatGuarantee, notes: null });
    await market.deals.edit(draft.id, { terms: flatGuarantee });
    await expect(db.sql.query(`DELETE FROM market.deal_terms_version WHERE deal_id = $1`, [draft.id])).rejects.toThrow(/a draft version goes only with its DRAFT deal/);
    expect(await count(`market.deal_terms_version WHERE deal_id = $1`, [draft.id])).toBe(2);

    await db.sql.query(`DELETE FROM market.deal WHERE id = $1`, [draft.id]);
    expect(await count(`market.deal WHERE id = $1`, [draft.id])).toBe(0);
    expect(await count(`market.deal_terms_version WHERE deal_id = $1`, [draft.id])).toBe(0);
    expect(await count(`market.deal_terms_bonus b WHERE NOT EXISTS (SELECT 1 FROM market.deal_terms_version v WHERE v.id = b.version_id)`, [])).toBe(0);
  });

  it("hold to what their deal type needs, an agent only counters, and a bonus threshold stays within 1,000,000 tickets", async () => {
    const { tenant, deal } = await acceptedDeal();
    const insert = (columns: Record<string, unknown>) => {
      const row = { company_id: tenant.companyId, deal_id: deal.id, number: 9, kind: "COUNTER_OFFER", side: "ARTIST_AGENT", currency: "USD", deal_type: "FLAT_GUARANTEE", guarantee: "1", created_by: tenant.userId, ...columns };
      const names = Object.keys(row);
      return db.sql.query(`INSERT INTO market.deal_terms_version (${names.join(", ")}) VALUES (${names.map((_, index) => `$${index + 1}`).join(", ")})`, Object.values(row));
    };
    await expect(insert({ deal_type: "DOOR_DEAL" })).rejects.toThrow(/deal_terms_version_terms_match_type/);
    const [version] = await db.sql.query<{ id: string }>(`SELECT id FROM market.deal_terms_version WHERE deal_id = $1 ORDER BY number LIMIT 1`, [deal.id]);
    await expect(
      db.sql.query(`INSERT INTO market.deal_terms_bonus (company_id, version_id, position, tickets_sold, bonus, currency) VALUES ($1, $2, 7, 1000001, 1, 'USD')`, [tenant.companyId, version!.id]),
    ).rejects.toThrow(/deal_terms_bonus_tickets_sold_bound/);
    await expect(insert({ kind: "OFFER" })).rejects.toThrow(/deal_terms_version_side_fits_kind/);
    await expect(insert({ radius_km: 100 })).rejects.toThrow(/deal_terms_version_radius_clause/);
    await expect(insert({ number: 1 })).rejects.toThrow(/deal_terms_version_deal_id_number_key/);
    await expect(insert({ company_id: crypto.randomUUID() })).rejects.toThrow(/deal_terms_version_company_id_deal_id_fkey/);
  });
});

describe("the deal's terms in a version", () => {
  it("are exactly those its deal type takes, each in range", async () => {
    const { tenant, deal } = await acceptedDeal();
    let number = 10;
    const insert = (columns: Record<string, unknown>) => {
      number += 1;
      const row = { company_id: tenant.companyId, deal_id: deal.id, number, kind: "DRAFT", side: "PROMOTER", currency: "USD", created_by: tenant.userId, ...columns };
      const names = Object.keys(row);
      return db.sql.query(`INSERT INTO market.deal_terms_version (${names.join(", ")}) VALUES (${names.map((_, index) => `$${index + 1}`).join(", ")})`, Object.values(row));
    };
    const plus = { deal_type: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", guarantee: "9000", percentage: "85" };

    await insert({ deal_type: "PER_TICKET", per_ticket: "4.50", guarantee: "1000" });
    await insert({ deal_type: "PER_TICKET", per_ticket: "4.50" });
    await insert({ ...plus, promoter_profit_percentage: "15", expense_cap: "20000" });
    await insert({ deal_type: "GUARANTEE_VERSUS_PERCENTAGE_OF_NET", guarantee: "8000", percentage: "80", promoter_profit_amount: "0" });
    await insert({ deal_type: "GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS", guarantee: "8000", percentage: "60" });
    await insert({ deal_type: "DOOR_DEAL_AFTER_EXPENSES", percentage: "70", expense_cap: "0" });
    // Any deal type takes a deposit and a withholding rate.
    await insert({ deal_type: "FLAT_GUARANTEE", guarantee: "10000", deposit: "2500", withholding_rate: "30" });
    await insert({ deal_type: "DOOR_DEAL", percentage: "70", deposit: "0", withholding_rate: "100" });
    // Any deal type takes an estimate of the expenses, zero or more.
    await insert({ deal_type: "DOOR_DEAL", percentage: "70", estimated_expenses: "0" });
    await insert({ ...plus, estimated_expenses: "14000" });
    expect(await count(`market.deal_terms_version WHERE deal_id = $1 AND number > 10`, [deal.id])).toBe(10);

    const wrongTerms: Record<string, unknown>[] = [
      { deal_type: "PER_TICKET", guarantee: "1000" },
      { deal_type: "PER_TICKET", per_ticket: "4.50", percentage: "10" },
      { deal_type: "DOOR_DEAL", percentage: "70", expense_cap: "1" },
      { deal_type: "DOOR_DEAL_AFTER_EXPENSES", percentage: "70", promoter_profit_amount: "1" },
      { deal_type: "GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS", guarantee: "1", percentage: "60", promoter_profit_percentage: "15" },
      { deal_type: "FLAT_GUARANTEE", guarantee: "1", per_ticket: "1" },
      { deal_type: "GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT", guarantee: "1" },
    ];
    for (const columns of wrongTerms) await expect(insert(columns), JSON.stringify(columns)).rejects.toThrow(/deal_terms_version_terms_match_type/);
    await expect(insert({ ...plus, promoter_profit_percentage: "15", promoter_profit_amount: "100" })).rejects.toThrow(/deal_terms_version_one_promoter_profit/);
    await expect(insert({ deal_type: "PER_TICKET", per_ticket: "0" })).rejects.toThrow(/deal_terms_version_per_ticket_positive/);
    await expect(insert({ ...plus, promoter_profit_percentage: "0" })).rejects.toThrow(/deal_terms_version_promoter_profit_percentage_range/);
    await expect(insert({ ...plus, promoter_profit_percentage: "100.01" })).rejects.toThrow(/deal_terms_version_promoter_profit_percentage_range/);
    await expect(insert({ ...plus, promoter_profit_amount: "-1" })).rejects.toThrow(/deal_terms_version_promoter_profit_amount_not_negative/);
    await expect(insert({ ...plus, expense_cap: "-0.01" })).rejects.toThrow(/deal_terms_version_expense_cap_not_negative/);
    await expect(insert({ ...plus, deposit: "-0.01" })).rejects.toThrow(/deal_terms_version_deposit_not_negative/);
    await expect(insert({ ...plus, withholding_rate: "0" })).rejects.toThrow(/deal_terms_version_withholding_rate_range/);
    await expect(insert({ ...plus, withholding_rate: "100.01" })).rejects.toThrow(/deal_terms_version_withholding_rate_range/);
    await expect(insert({ ...plus, estimated_expenses: "-0.01" })).rejects.toThrow(/deal_terms_version_estimated_expenses_not_negative/);
    expect(await count(`market.deal_terms_version WHERE deal_id = $1 AND number > 10`, [deal.id])).toBe(10);
  });
});

describe("contracts", () => {
  it("are at most one live per deal: a second is refused until the first is void", async () => {
    const { tenant, deal } = await acceptedDeal();
    const insertContract = () =>
      db.sql.query(`INSERT INTO market.contract (company_id, deal_id, terms_version_id, created_by) VALUES ($1, $2, $3, $4)`, [
        tenant.companyId,
        deal.id,
        deal.acceptedVersionId,
        tenant.userId,
      ]);
    await insertContract();
    await expect(insertContract()).rejects.toThrow(/contract_one_live_per_deal/);
    await db.sql.query(`UPDATE market.contract SET status = 'VOID', voided_at = now(), voided_by = $2, void_reason = 'Wrong date' WHERE deal_id = $1`, [deal.id, tenant.userId]);
    await insertContract();
    expect(await count(`market.contract WHERE deal_id = $1 AND status <> 'VOID'`, [deal.id])).toBe(1);
  });

  it("freeze the version the deal accepted, and no other", async () => {
    const { tenant, deal } = await acceptedDeal();
    const [draft] = await db.sql.query<{ id: string }>(`SELECT id::text FROM market.deal_terms_version WHERE deal_id = $1 AND number = 1`, [deal.id]);
    await expect(
      db.sql.query(`INSERT INTO market.contract (company_id, deal_id, terms_version_id, created_by) VALUES ($1, $2, $3, $4)`, [tenant.companyId, deal.id, draft!.id, tenant.userId]),
    ).rejects.toThrow(/contract_company_id_deal_id_terms_version_id_fkey/);
  });

  it("are SIGNED exactly when both parties signed", async () => {
    const { tenant, deal } = await acceptedDeal();
    const insert = (columns: string, values: string) =>
      db.sql.query(`INSERT INTO market.contract (company_id, deal_id, terms_version_id, created_by, sent_at, sent_by, ${columns}) VALUES ($1, $2, $3, $4, now(), $4, ${values})`, [
        tenant.companyId,
        deal.id,
        deal.acceptedVersionId,
        tenant.userId,
      ]);
    await expect(insert("status, promoter_signer_name, promoter_signed_at, promoter_signature_by", "'SIGNED', 'Alice', now(), $4")).rejects.toThrow(/contract_signed_by_both/);
    await expect(insert("status, promoter_signer_name", "'SENT', 'Alice'")).rejects.toThrow(/contract_promoter_signature_whole/);
  });
});
