// The hand-written migrations build exactly what schema.prisma declares, and the
// invariants Prisma cannot declare hold in the database itself, whoever writes.
import { fileURLToPath } from "node:url";
import { applyMigrations, openSqlExecutor, type SqlExecutor } from "@marquee/kit";
import { findSchemaDrift, type TestDatabase, createTestDatabaseTarget } from "@marquee/kit/testing";
import { demoCompanies, demoUsers } from "@marquee/kit/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aiSchema } from "../src/data/ai-database.ts";
import { aiSubgraph } from "../src/index.ts";

const migrationsDir = fileURLToPath(aiSubgraph.data.migrationsDir);
const northwind = demoCompanies.northwind.id;
const harbor = demoCompanies.harbor.id;

let database: TestDatabase;
let sql: SqlExecutor;
let fitId: string;
beforeAll(async () => {
  database = await createTestDatabaseTarget();
  await applyMigrations(database.target, { schema: aiSchema, migrationsDir });
  sql = await openSqlExecutor(database.target);
  const [fit] = await sql.query<{ id: string }>(
    `INSERT INTO ai.model_fit (company_id, version, fingerprint, coefficients, training_size, backtest) VALUES ($1, 'v', 'f', '{}', 12, '{}') RETURNING id::text`,
    [northwind],
  );
  fitId = fit!.id;
});
afterAll(async () => {
  await sql?.close();
  await database?.drop();
});

function insertPrediction(columns: Record<string, unknown> = {}) {
  const row = {
    company_id: northwind,
    event_id: "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0006",
    model_fit_id: fitId,
    model_version: "v",
    features: "[]",
    capacity: 100,
    predicted_tickets: 50,
    tickets_low: 40,
    tickets_high: 60,
    sell_through: 0.5,
    sell_through_low: 0.4,
    sell_through_high: 0.6,
    created_by: demoUsers.alice.id,
    ...columns,
  };
  const names = Object.keys(row);
  return sql.query(`INSERT INTO ai.prediction (${names.join(", ")}) VALUES (${names.map((_, index) => `$${index + 1}`).join(", ")})`, Object.values(row));
}

describe("migrations", () => {
  it("build exactly what schema.prisma declares", async () => {
    const drift = await findSchemaDrift(sql, { schema: aiSchema, prismaSchemaPath: fileURLToPath(new URL("../../../prisma/ai/schema.prisma", import.meta.url)) });
    expect(drift).toEqual([]);
  });

  it("are recorded, so a second run applies nothing", async () => {
    expect(await applyMigrations(database.target, { schema: aiSchema, migrationsDir })).toEqual([]);
  });
});

describe("the tables' invariants", () => {
  it("keep one fit per company, version and fingerprint", async () => {
    await expect(
      sql.query(`INSERT INTO ai.model_fit (company_id, version, fingerprint, coefficients, training_size, backtest) VALUES ($1, 'v', 'f', '{}', 12, '{}')`, [northwind]),
    ).rejects.toThrow(/model_fit_company_id_version_fingerprint_key/);
  });

  it("keep a prediction's interval around its expectation and within the capacity", async () => {
    await expect(insertPrediction()).resolves.toBeDefined();
    await expect(insertPrediction({ tickets_high: 101 })).rejects.toThrow(/prediction_tickets_within_capacity/);
    await expect(insertPrediction({ tickets_low: 51 })).rejects.toThrow(/prediction_tickets_within_capacity/);
    await expect(insertPrediction({ sell_through_high: 1.2 })).rejects.toThrow(/prediction_sell_through_in_range/);
  });

  it("tie a prediction to a model fit of its own company", async () => {
    await expect(insertPrediction({ company_id: harbor })).rejects.toThrow(/prediction_company_id_model_fit_id_fkey/);
  });
});
