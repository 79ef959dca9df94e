// The company's model fits in `ai.model_fit`: the cache of its sell-through model, one row
// per model version and state of its history (fingerprint), never refitted while the
// history stays the same. Every statement is scoped to the company.
import { pageRequest, toConnection, type Connection } from "@marquee/kit";
import type { Backtest, SellThroughModel } from "../domain/index.ts";
import type { ModelFit as ModelFitRow } from "../__generated__/prisma/client.ts";
import type { AiPrisma } from "./ai-database.ts";
import type { ModelFitRecord } from "./records.ts";

type FitCursor = [fittedAt: string, id: string];

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function isFitCursor(value: unknown): value is FitCursor {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && !Number.isNaN(Date.parse(value[0])) && typeof value[1] === "string" && uuid.test(value[1]);
}

function recordOf(row: ModelFitRow): ModelFitRecord {
  return {
    id: row.id,
    version: row.version,
    fingerprint: row.fingerprint,
    fittedAt: row.fittedAt,
    // Written by `store` below from these very types.
    model: row.coefficients as unknown as SellThroughModel,
    backtest: (row.backtest as { result: Backtest | null }).result,
  };
}

export function modelFits(prisma: AiPrisma, companyId: string) {
  return {
    async find(version: string, fingerprint: string): Promise<ModelFitRecord | null> {
      const row = await prisma.modelFit.findUnique({ where: { companyId_version_fingerprint: { companyId, version, fingerprint } } });
      return row && recordOf(row);
    },

    /** Stores a fit; a fit of the same history stored meanwhile (a concurrent request) is kept instead. */
    async store(fingerprint: string, model: SellThroughModel, backtest: Backtest | null): Promise<ModelFitRecord> {
      const row = await prisma.modelFit.upsert({
        where: { companyId_version_fingerprint: { companyId, version: model.version, fingerprint } },
        create: {
          companyId,
          version: model.version,
          fingerprint,
          coefficients: JSON.parse(JSON.stringify(model)),
          trainingSize: model.trainingSize,
          backtest: { result: backtest ? { ...backtest } : null },
        },
        update: {},
      });
      return recordOf(row);
    },

    /** Latest first. */
    async page(args: { first?: number | null; after?: string | null }): Promise<Connection<ModelFitRecord>> {
      const page = pageRequest(args, isFitCursor);
      const after = page.after && new Date(page.after[0]);
      const rows = await prisma.modelFit.findMany({
        where: { companyId, ...(page.after && after ? { OR: [{ fittedAt: { lt: after } }, { fittedAt: after, id: { lt: page.after[1] } }] } : {}) },
        orderBy: [{ fittedAt: "desc" }, { id: "desc" }],
        take: page.take + 1,
      });
      return toConnection(rows.map(recordOf), page.take, (fit) => [fit.fittedAt.toISOString(), fit.id]);
    },
  };
}

export type ModelFits = ReturnType<typeof modelFits>;
