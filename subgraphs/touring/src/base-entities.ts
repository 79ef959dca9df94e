// Events and artists are Base's (spec §5.1): Touring reads them through Base's API, by
// reference, each time it needs them, and keeps nothing but their ids. Within a request
// every read of a show goes through one selection, so Base's reader batches them into
// one call whatever asked.
import type { TouringContext } from "./context.ts";
import type { Place } from "./data/records.ts";

/** What Touring reads of a show's event: its name, its time, and its venue's city. */
export interface BaseShow {
  id: string;
  name: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  location: Place;
}

const showSelection = "name startsAt endsAt timeZone location { city country latitude longitude timeZone }";

/** The event of a show; null when Base no longer knows it in the caller's company. */
export async function showOf(context: TouringContext, eventId: string): Promise<BaseShow | null> {
  const [show] = await context.base.load<BaseShow>("Event", showSelection, [eventId]);
  return show ?? null;
}
