import type { Resolvers } from "../__generated__/resolvers-types.ts";
import { AvailabilityInterval } from "./AvailabilityInterval.ts";
import { Event } from "./Event.ts";
import { Mutation } from "./Mutation.ts";
import { Query } from "./Query.ts";
import { RankedVenueHold } from "./RankedVenueHold.ts";
import { Venue } from "./Venue.ts";
import { VenueBooking } from "./VenueBooking.ts";
import { VenueHold } from "./VenueHold.ts";
import { VenueLayout } from "./VenueLayout.ts";
import { VenueSpace } from "./VenueSpace.ts";

export const resolvers: Resolvers = { Query, Mutation, Event, Venue, VenueSpace, VenueLayout, VenueHold, VenueBooking, AvailabilityInterval, RankedVenueHold };
