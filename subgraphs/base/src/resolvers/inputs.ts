// GraphQL inputs in the domain's terms: instants as Dates, absent optional values as
// null, and for updates, "left out" (undefined) kept apart from "cleared" (null).
import { badUserInput } from "@marquee/kit";
import type { CreateArtistInput, CreateEventInput, TicketTierInput, UpdateArtistInput, UpdateEventInput } from "../__generated__/resolvers-types.ts";
import type { ArtistChanges, ArtistDetails } from "../domain/artist-details.ts";
import type { EventChanges, NewEvent } from "../domain/event-details.ts";
import type { TicketTierDetails } from "../domain/ticket-tiers.ts";

/** In an update, null clears a field; for a field that cannot be empty that is a mistake worth naming. */
function refuseNulls<Input extends object>(input: Input, fields: readonly (keyof Input & string)[]): void {
  const nulled = fields.filter((field) => input[field] === null);
  if (nulled.length > 0) {
    throw badUserInput(`${nulled.join(", ")} cannot be null; leave a field out to keep its value.`, { fields: nulled });
  }
}

const dateOf = (instant: string | null | undefined) => (instant ? new Date(instant) : undefined);

/** A tier as given; counts left out are 0. */
const tierOf = (tier: TicketTierInput): TicketTierDetails => ({
  name: tier.name,
  price: tier.price,
  allocation: tier.allocation,
  kills: tier.kills ?? 0,
  comps: tier.comps ?? 0,
  sold: tier.sold ?? 0,
});

/** The tickets as given: which of `ticketTiers` and the capacity + price shortcut were sent is the domain's question. */
export function newEventDetails(input: CreateEventInput): NewEvent {
  return {
    name: input.name,
    description: input.description ?? null,
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    location: input.location,
    ticketTiers: input.ticketTiers?.map(tierOf),
    capacity: input.capacity ?? undefined,
    ticketsSold: input.ticketsSold ?? undefined,
    ticketPrice: input.ticketPrice ?? undefined,
  };
}

export function eventChanges(input: UpdateEventInput): EventChanges {
  refuseNulls(input, ["name", "startsAt", "endsAt", "location", "capacity", "ticketsSold", "ticketPrice", "ticketTiers", "lineup"]);
  return {
    name: input.name ?? undefined,
    description: input.description,
    startsAt: dateOf(input.startsAt),
    endsAt: dateOf(input.endsAt),
    location: input.location ?? undefined,
    ticketTiers: input.ticketTiers?.map(tierOf),
    capacity: input.capacity ?? undefined,
    ticketsSold: input.ticketsSold ?? undefined,
    ticketPrice: input.ticketPrice ?? undefined,
  };
}

export function newArtistDetails(input: CreateArtistInput): ArtistDetails {
  return { name: input.name, genres: input.genres ?? [], homeCity: input.homeCity ?? null, homeCountry: input.homeCountry ?? null };
}

export function artistChanges(input: UpdateArtistInput): ArtistChanges {
  refuseNulls(input, ["name", "genres"]);
  return { name: input.name ?? undefined, genres: input.genres ?? undefined, homeCity: input.homeCity, homeCountry: input.homeCountry };
}
