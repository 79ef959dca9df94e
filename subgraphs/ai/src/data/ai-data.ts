// Everything one request of one company asks of AI. The company's history, and the shows
// of each period analytics asks about, are read from Base once per request however often
// they are asked for; its model is found by the history's fingerprint (fitted and stored
// only when the history changed), and per-event and per-artist fields go through
// loaders: however many events a list shows, one read of Base, one model, one fit at most.
import DataLoader from "dataloader";
import { badUserInput, type BaseReader, type Tenant } from "@marquee/kit";
import {
  backtest,
  drawScoreOf,
  fitSellThroughModel,
  historyFingerprint,
  modelVersion,
  predictShow,
  sellThroughAnalytics,
  settledShowsOf,
  type DrawScore,
  type SellThroughAnalytics,
  type Show,
} from "../domain/index.ts";
import type { AiPrisma } from "./ai-database.ts";
import { listShows, loadShows, type Period } from "./company-shows.ts";
import { modelFits } from "./model-fits.ts";
import type { ModelFitRecord, PredictionRecord, StoredPredictionRecord } from "./records.ts";
import { storedPredictions } from "./stored-predictions.ts";

/** How far back the model and the scores look. */
const historyYears = 3;
const maxPredictionsPerRun = 100;

export interface AiDataSources {
  prisma: AiPrisma;
  tenant: Tenant;
  base: BaseReader;
  now: Date;
}

export function createAiData({ prisma, tenant, base, now }: AiDataSources) {
  const fits = modelFits(prisma, tenant.companyId);
  const stored = storedPredictions(prisma, tenant);
  const showsByPeriod = new Map<string, Promise<Show[]>>();
  let model: Promise<ModelFitRecord | null> | undefined;

  /** The company's shows that started in a period, read from Base once per request however often they are asked for. */
  const showsIn = (period: Period) => {
    const key = `${period.startsFrom?.toISOString() ?? ""}/${period.startsBefore?.toISOString() ?? ""}`;
    let shows = showsByPeriod.get(key);
    if (!shows) showsByPeriod.set(key, (shows = listShows(base, period)));
    return shows;
  };
  /** The company's shows that started in the look-back window. */
  const companyHistory = () => showsIn({ startsFrom: new Date(Date.UTC(now.getUTCFullYear() - historyYears, now.getUTCMonth(), now.getUTCDate())), startsBefore: now });

  async function fitOrReuse(): Promise<ModelFitRecord | null> {
    const shows = await companyHistory();
    const fingerprint = historyFingerprint(shows);
    const cached = await fits.find(modelVersion, fingerprint);
    if (cached) return cached;
    const fitted = fitSellThroughModel(settledShowsOf(shows), shows);
    return fitted && fits.store(fingerprint, fitted, backtest(shows));
  }
  /** The company's current model, at most one fit per request. */
  const currentModel = () => (model ??= fitOrReuse());

  const predictionOfEvent = new DataLoader<string, PredictionRecord | null>(async (eventIds) => {
    const [shows, modelFit, past] = await Promise.all([loadShows(base, eventIds), currentModel(), companyHistory()]);
    return shows.map((show) =>
      show && modelFit && show.capacity > 0 ? { eventId: show.id, modelFit, prediction: predictShow(modelFit.model, show, past) } : null,
    );
  });

  const drawScoreOfArtist = new DataLoader<string, DrawScore | null>(async (artistIds) => {
    const past = await companyHistory();
    return artistIds.map((artistId) => drawScoreOf(artistId, past));
  });

  return {
    currentModel,
    modelFits: fits.page,
    storedPredictions: stored.list,
    predictionHistoryOfEvent: stored.pageOfEvent,
    predictionOfEvent,
    drawScoreOfArtist,

    async analytics(period: Period): Promise<SellThroughAnalytics> {
      return sellThroughAnalytics(await showsIn(period));
    },

    /** Predicts the events and stores the predictions; every id must name an event of the company with a capacity. */
    async runPredictions(eventIds: readonly string[]): Promise<StoredPredictionRecord[]> {
      if (eventIds.length === 0 || eventIds.length > maxPredictionsPerRun) {
        throw badUserInput(`eventIds must list 1 to ${maxPredictionsPerRun} events (got ${eventIds.length}).`);
      }
      const repeated = eventIds.filter((id, index) => eventIds.indexOf(id) !== index);
      if (repeated.length > 0) throw badUserInput(`eventIds lists events more than once: ${[...new Set(repeated)].join(", ")}.`, { eventIds: repeated });
      const shows = await loadShows(base, eventIds);
      const unknown = eventIds.filter((_, index) => shows[index] === null);
      if (unknown.length > 0) throw badUserInput(`There is no event ${unknown.map((id) => `"${id}"`).join(", ")} in this company.`, { eventIds: unknown });
      const modelFit = await currentModel();
      if (!modelFit) throw badUserInput("The company has too few completed events with a capacity to fit a model; see modelReport.");
      const predictions = await Promise.all(eventIds.map((eventId) => predictionOfEvent.load(eventId)));
      const withoutCapacity = eventIds.filter((_, index) => predictions[index] === null);
      if (withoutCapacity.length > 0) throw badUserInput(`These events have no capacity to predict against: ${withoutCapacity.join(", ")}.`, { eventIds: withoutCapacity });
      return stored.store(predictions.filter((prediction) => prediction !== null));
    },
  };
}

export type AiData = ReturnType<typeof createAiData>;
