// Each mutation validates its input, checks the Base event it is given, then writes
// through the company-scoped data layer; an id of another company fails there like an
// unknown id.
import { notFound } from "@marquee/kit";
import type { MutationResolvers } from "../__generated__/resolvers-types.ts";
import { capacitiesOfEvents, eventInCompany } from "../base-events.ts";
import { holdRange, optionalText, partIds, requiredText, sections, turnaroundMinutes } from "../inputs.ts";

export const Mutation: MutationResolvers = {
  createVenue: (_, { input }, { venue }) =>
    venue.venues.create({
      name: requiredText(input.name, "name"),
      address: requiredText(input.address, "address"),
      city: requiredText(input.city, "city"),
      country: input.country,
      timeZone: input.timeZone,
      onConfirm: input.onConfirm ?? "RELEASE_OVERLAPPING",
    }),

  updateVenue: (_, { input }, { venue }) =>
    venue.venues.update(input.id, {
      name: input.name == null ? undefined : requiredText(input.name, "name"),
      address: input.address == null ? undefined : requiredText(input.address, "address"),
      city: input.city == null ? undefined : requiredText(input.city, "city"),
      country: input.country ?? undefined,
      timeZone: input.timeZone ?? undefined,
      onConfirm: input.onConfirm ?? undefined,
    }),

  addVenueSpace: (_, { input }, { venue }) =>
    venue.venues.addSpace({
      venueId: input.venueId,
      name: requiredText(input.name, "name"),
      turnaroundMinutes: turnaroundMinutes(input.turnaroundMinutes),
      partIds: partIds(input.partIds),
    }),

  updateVenueSpace: (_, { input }, { venue }) =>
    venue.venues.updateSpace(input.id, {
      name: input.name == null ? undefined : requiredText(input.name, "name"),
      turnaroundMinutes: input.turnaroundMinutes == null ? undefined : turnaroundMinutes(input.turnaroundMinutes),
    }),

  removeVenueSpace: (_, { id }, { venue }) => venue.venues.removeSpace(id),

  createVenueLayout: (_, { input }, { venue }) =>
    venue.layouts.create({ spaceId: input.spaceId, name: requiredText(input.name, "name"), kind: input.kind, sections: sections(input.sections) }),

  // New sections must still take the events booked in the layout: their capacities are
  // Base's, read with the caller's credentials as confirming a hold reads them.
  updateVenueLayout: async (_, { input }, context) => {
    const changes = {
      name: input.name == null ? undefined : requiredText(input.name, "name"),
      kind: input.kind ?? undefined,
      sections: input.sections == null ? undefined : sections(input.sections),
    };
    const booked = changes.sections ? await capacitiesOfEvents(context, await context.venue.layouts.bookedEventIds(input.id)) : new Map();
    return context.venue.layouts.update(input.id, changes, booked);
  },

  removeVenueLayout: (_, { id }, { venue }) => venue.layouts.remove(id),

  placeVenueHold: async (_, { input }, context) => {
    const note = optionalText(input.note, "note");
    const event = await eventInCompany(context, input.eventId);
    const range = holdRange(input, event);
    return context.venue.holds.place({ spaceId: input.spaceId, eventId: event.id, range, note });
  },

  releaseVenueHold: (_, { id }, { venue }) => venue.holds.release(id),

  confirmVenueHold: async (_, { input }, context) => {
    const hold = await context.venue.holds.find(input.holdId);
    if (!hold) throw notFound(`There is no hold "${input.holdId}".`, { id: input.holdId });
    const event = await eventInCompany(context, hold.eventId);
    return context.venue.bookings.confirm(hold, input.layoutId, event);
  },

  cancelVenueBooking: (_, { id }, { venue }) => venue.bookings.cancel(id),
};
