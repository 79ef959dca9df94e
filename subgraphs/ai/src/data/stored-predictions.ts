// Predictions stored in `ai.prediction` when a caller runs them: what the model expected
// of each event, with the fit and the features behind it, scoped to the company.
import type { AiPrisma } from "./ai-database.ts";
import type { PredictionRecord, StoredPredictionRecord } from "./records.ts";

export function storedPredictions(prisma: AiPrisma, tenant: { companyId: string; userId: string }) {
  return {
    /** Stores the predictions (one per event) in one statement and returns them in the same order. */
    async store(predictions: readonly PredictionRecord[]): Promise<StoredPredictionRecord[]> {
      const rows = await prisma.prediction.createManyAndReturn({
        data: predictions.map(({ eventId, modelFit, prediction }) => ({
          companyId: tenant.companyId,
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
          createdBy: tenant.userId,
        })),
        select: { id: true, eventId: true, createdAt: true },
      });
      const rowOfEvent = new Map(rows.map((row) => [row.eventId, row]));
      return predictions.map((prediction) => {
        const row = rowOfEvent.get(prediction.eventId)!;
        return { id: row.id, createdAt: row.createdAt, prediction };
      });
    },
  };
}
