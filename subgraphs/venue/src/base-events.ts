// Events are Base's (spec §5.1): only Base can say whether an id names one in the caller's
// company, and what its times and capacity are. Venue reads them through Base, with the
// caller's credentials, and keeps only the id.
import { badUserInput, isUuid } from "@marquee/kit";
import type { VenueContext } from "./context.ts";
import type { BookedEventCapacities } from "./data/layout-repository.ts";

export interface BaseEvent {
  id: string;
  capacity: number;
  ticketsSold: number;
  startsAt: string;
  endsAt: string;
  timeZone: string;
}

/** The company's event; BAD_USER_INPUT naming the id when Base has no such event for the caller's company. */
export async function eventInCompany(context: VenueContext, id: string): Promise<BaseEvent> {
  const [event] = isUuid(id) ? await context.base.load<BaseEvent>("Event", "capacity ticketsSold startsAt endsAt timeZone", [id]) : [null];
  if (!event) throw badUserInput(`There is no event "${id}" in this company.`, { field: "eventId", id });
  return event;
}

/** Each event's capacity as Base says it now; null for an event Base no longer knows. */
export async function capacitiesOfEvents(context: VenueContext, ids: readonly string[]): Promise<BookedEventCapacities> {
  const events = await context.base.load<Pick<BaseEvent, "id" | "capacity">>("Event", "capacity", ids);
  return new Map(ids.map((id, index) => [id, events[index]?.capacity ?? null]));
}
