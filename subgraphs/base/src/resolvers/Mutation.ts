import { badUserInput } from "@marquee/kit";
import type { MutationResolvers } from "../__generated__/resolvers-types.ts";
import { artistChanges, eventChanges, newArtistDetails, newEventDetails } from "./inputs.ts";

export const Mutation: MutationResolvers = {
  createEvent: (_parent, { input }, { data }) => data.eventWrites.create(newEventDetails(input), input.lineup ?? []),
  updateEvent: (_parent, { id, input }, { data }) => data.eventWrites.update(id, eventChanges(input), input.lineup ?? undefined),
  changeEventStatus: (_parent, { id, status }, { data }) => {
    // Cancelling has a permission of its own; this mutation's would otherwise grant it too.
    if (status === "CANCELLED") throw badUserInput("Use cancelEvent to cancel an event (it needs the permission basic.event.cancel).");
    return data.eventWrites.changeStatus(id, status, new Date());
  },
  cancelEvent: (_parent, { id }, { data }) => data.eventWrites.changeStatus(id, "CANCELLED", new Date()),
  deleteEvent: (_parent, { id }, { data }) => data.eventWrites.delete(id),
  createArtist: (_parent, { input }, { data }) => data.artistWrites.create(newArtistDetails(input)),
  updateArtist: (_parent, { id, input }, { data }) => data.artistWrites.update(id, artistChanges(input)),
  deleteArtist: (_parent, { id }, { data }) => data.artistWrites.delete(id),
};
