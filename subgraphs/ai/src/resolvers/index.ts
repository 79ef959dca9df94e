import type { Resolvers } from "../__generated__/resolvers-types.ts";
import { Analytics } from "./Analytics.ts";
import { Artist } from "./Artist.ts";
import { ArtistDrawScore } from "./ArtistDrawScore.ts";
import { ArtistSellThrough } from "./ArtistSellThrough.ts";
import { Backtest } from "./Backtest.ts";
import { Event } from "./Event.ts";
import { EventPrediction } from "./EventPrediction.ts";
import { ModelFit } from "./ModelFit.ts";
import { Mutation } from "./Mutation.ts";
import { Query } from "./Query.ts";
import { StoredPrediction } from "./StoredPrediction.ts";

export const resolvers: Resolvers = { Query, Mutation, Event, Artist, Analytics, ArtistSellThrough, ArtistDrawScore, EventPrediction, StoredPrediction, ModelFit, Backtest };
