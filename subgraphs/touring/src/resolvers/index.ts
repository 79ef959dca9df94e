import type { Resolvers } from "../__generated__/resolvers-types.ts";
import { Artist } from "./Artist.ts";
import { DaySheet } from "./DaySheet.ts";
import { Event } from "./Event.ts";
import { Mutation } from "./Mutation.ts";
import { Query } from "./Query.ts";
import { ScheduleItem } from "./ScheduleItem.ts";
import { Tour } from "./Tour.ts";
import { TourStop } from "./TourStop.ts";

export const resolvers: Resolvers = { Query, Mutation, Event, Artist, Tour, TourStop, ScheduleItem, DaySheet };
