// Predictions stored in `ai.prediction` when a caller runs them: what the model expected
// of each event, with the fit and the features behind it, scoped to the company. They are
// read back as they were made, newest first: across the company, or a page per event for
// many events at once.
import {
  isInstantKey,
  newestFirst,
  newestFirstAfter,
  pageRequest,
  parentPages,
  sameId,
  toConnection,
  type ChildList,
  type Connection,
  type PageArgs,
  type SortKey,
  type Tenant,
} from "@marquee/kit";
import type { ModelFit as ModelFitRow, Prediction as PredictionRow } from "../__generated__/prisma/client.ts";
import type { FeatureContribution } from "../domain/index.ts";
import { aiSchema, type AiPrisma } from "./ai-database.ts";
import { modelFitRecord } from "./model-fits.ts";
import type { PredictionRecord, StoredPredictionRecord } from "./records.ts";

export interface StoredPredictionFilter {
  eventId?: string | null;
  modelVersion?: string | null;
  /** Made at or after this instant. */
  createdFrom?: Date | null;
  /** Made before this instant. */
  createdBefore?: Date | null;
}

const predictionsOfEvent: ChildList = { schema: aiSchema, table: "prediction", parentColumn: "event_id", sortColumn: "created_at", sortType: "timestamptz", direction: "DESC" };
const sortKeyOf = (stored: StoredPredictionRecord): SortKey => [stored.createdAt.toISOString(), stored.id];
/** A stored prediction is read with its fit: the fit's version, coefficients and baseline belong to the answer. */
const withFit = { modelFit: true } as const;

function storedPredictionRecord(row: PredictionRow & { modelFit: ModelFitRow }): StoredPredictionRecord {
  const modelFit = modelFitRecord(row.modelFit);
  return {
    id: row.id,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    prediction: {
      eventId: row.eventId,
      modelFit,
      prediction: {
        capacity: row.capacity,
        sellThrough: row.sellThrough,
        sellThroughLow: row.sellThroughLow,
        sellThroughHigh: row.sellThroughHigh,
        tickets: row.predictedTickets,
        ticketsLow: row.ticketsLow,
        ticketsHigh: row.ticketsHigh,
        // Every prediction starts from its fit's intercept, so the fit gives the baseline back.
        baseline: modelFit.model.fit.intercept,
        // Written by `store` below from these very values.
        features: row.features as unknown as FeatureContribution[],
      },
    },
  };
}

export function storedPredictions(prisma: AiPrisma, { companyId, userId }: Tenant) {
  const byIds = async (ids: string[]) => (await prisma.prediction.findMany({ where: { companyId, id: { in: ids } }, include: withFit })).map(storedPredictionRecord);

  return {
    /** Stores the predictions (one per event) in one statement and returns them in the same order. */
    async store(predictions: readonly PredictionRecord[]): Promise<StoredPredictionRecord[]> {
      const rows = await prisma.prediction.createManyAndReturn({
        data: predictions.map(({ eventId, modelFit, prediction }) => ({
          companyId,
          eventId,
          modelFitId: modelFit.id,
          modelVersion: modelFit.version,
          features: JSON.parse(JSON.stringify(prediction.features)),
          capacity: prediction.capacity,
          predictedTickets: prediction.tickets,
          ticketsLow: prediction.ticketsLow,
          ticketsHigh: prediction.ticketsHigh,
          sellThrough: prediction.sellThrough,
          sellThroughLow: prediction.sellThroughLow,
          sellThroughHigh: prediction.sellThroughHigh,
          createdBy: userId,
        })),
        select: { id: true, eventId: true, createdAt: true, createdBy: true },
      });
      const rowOfEvent = new Map(rows.map((row) => [row.eventId, row]));
      return predictions.map((prediction) => {
        const row = rowOfEvent.get(prediction.eventId)!;
        return { id: row.id, createdAt: row.createdAt, createdBy: row.createdBy, prediction };
      });
    },

    /** The company's stored predictions matching `filter`, newest first. */
    async list(filter: StoredPredictionFilter, args: PageArgs): Promise<Connection<StoredPredictionRecord>> {
      const page = pageRequest(args, isInstantKey);
      const rows = await prisma.prediction.findMany({
        where: {
          AND: [
            { companyId },
            ...(filter.eventId != null ? [{ eventId: sameId(filter.eventId) }] : []),
            ...(filter.modelVersion != null ? [{ modelVersion: filter.modelVersion }] : []),
            ...(filter.createdFrom != null ? [{ createdAt: { gte: filter.createdFrom } }] : []),
            ...(filter.createdBefore != null ? [{ createdAt: { lt: filter.createdBefore } }] : []),
            ...(page.after ? [newestFirstAfter("createdAt", page.after)] : []),
          ],
        },
        orderBy: newestFirst("createdAt"),
        take: page.take + 1,
        include: withFit,
      });
      return toConnection(rows.map(storedPredictionRecord), page.take, sortKeyOf);
    },

    /** A page of an event's stored predictions, newest first, batched with every other event asking. */
    pageOfEvent: parentPages({ prisma, companyId, list: predictionsOfEvent, isKey: isInstantKey, loadByIds: byIds, idOf: (stored) => stored.id, keyOf: sortKeyOf }),
  };
}
