// AI's permission catalog and its access declaration (spec §4.1): who may see each type
// it owns, and the permission each entry point asks for.
import { defineModuleAccess, definePermissionCatalog, extendedFromBase, partOfParent, requireModule } from "@marquee/kit";
import type { Resolvers } from "./__generated__/resolvers-types.ts";

/** The `ai` module's permissions: what an administrator grants a member of a company. */
export const aiPermissions = definePermissionCatalog("ai", {
  "ai.analytics.view": "See the company's event analytics: events by status, sell-through by month, weekday, city and artist, and its trend.",
  "ai.prediction.view": "See the sell-through model, its backtest and what it predicts for events.",
  "ai.prediction.run": "Run predictions for events and store them.",
  "ai.scoring.view": "See artists' draw scores and what makes them.",
});

const can = aiPermissions.require;

export const aiAccess = defineModuleAccess<Resolvers>()({
  catalog: aiPermissions,
  // Who may see each of AI's types, wherever it is returned.
  types: {
    Event: extendedFromBase,
    Artist: extendedFromBase,
    Analytics: "ai.analytics.view",
    StatusCount: "ai.analytics.view",
    SellThroughGroup: "ai.analytics.view",
    ArtistSellThrough: "ai.analytics.view",
    SellThroughTrend: "ai.analytics.view",
    EventPrediction: "ai.prediction.view",
    PredictionFeature: "ai.prediction.view",
    StoredPrediction: "ai.prediction.view",
    StoredPredictionConnection: "ai.prediction.view",
    StoredPredictionEdge: "ai.prediction.view",
    ModelFit: "ai.prediction.view",
    ModelFitConnection: "ai.prediction.view",
    ModelFitEdge: "ai.prediction.view",
    ModelCoefficient: "ai.prediction.view",
    Backtest: "ai.prediction.view",
    ArtistDrawScore: "ai.scoring.view",
    DrawScoreFactor: "ai.scoring.view",
    PageInfo: partOfParent,
  },
  // The permission each entry point asks for; the types it returns ask for their own as well.
  fields: {
    Query: {
      analytics: can("ai.analytics.view"),
      prediction: can("ai.prediction.view"),
      modelReport: can("ai.prediction.view"),
      modelFits: can("ai.prediction.view"),
      storedPredictions: can("ai.prediction.view"),
      artistScore: can("ai.scoring.view"),
    },
    Mutation: {
      runPredictions: can("ai.prediction.run"),
    },
  },
  // The gateway resolves AI's fields on Base's events and artists through here.
  entities: requireModule("ai"),
});
