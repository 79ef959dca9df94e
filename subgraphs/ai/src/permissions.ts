// AI's permission catalog and the access rule of every entry point (spec §4.1): the
// module must be granted (`requireModule`), then the permission each field needs.
import { definePermissionCatalog, requireModule, type AccessRuleMap } from "@marquee/kit";

/** The `ai` module's permissions: what an administrator grants a member of a company. */
export const aiPermissions = definePermissionCatalog("ai", {
  "ai.analytics.view": "See the company's event analytics: events by status, sell-through by month, weekday, city and artist, and its trend.",
  "ai.prediction.view": "See the sell-through model, its backtest and what it predicts for events.",
  "ai.prediction.run": "Run predictions for events and store them.",
  "ai.scoring.view": "See artists' draw scores and what makes them.",
});

const can = aiPermissions.require;

export const aiAccessRules: AccessRuleMap = {
  Query: {
    // The gateway resolves AI's fields on Base's events and artists through here; each
    // of those fields carries its own permission below.
    _entities: requireModule("ai"),
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
  Event: {
    prediction: can("ai.prediction.view"),
    predictionHistory: can("ai.prediction.view"),
  },
  Artist: {
    drawScore: can("ai.scoring.view"),
  },
};
