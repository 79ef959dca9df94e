import { moneyResolvers } from "@marquee/kit";
import type { Resolvers } from "../__generated__/resolvers-types.ts";
import { Artist } from "./Artist.ts";
import { Dashboard } from "./Dashboard.ts";
import { Event } from "./Event.ts";
import { Mutation } from "./Mutation.ts";
import { Query } from "./Query.ts";
import { TicketTier } from "./TicketTier.ts";
import { Viewer } from "./Viewer.ts";

export const resolvers: Resolvers = { Query, Mutation, Event, Artist, TicketTier, Dashboard, Viewer, Money: moneyResolvers };
