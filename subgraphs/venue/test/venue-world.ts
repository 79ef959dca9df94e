// A company of its own with a Harbor-Hall-like venue (Main Hall, Club Room and Full House,
// the two together), for data-layer tests that must not see each other's holds.
import { type Tenant } from "@marquee/kit";
import { demoUsers } from "@marquee/kit/demo";
import type { ConfirmationPolicy } from "../src/__generated__/prisma/client.ts";
import type { TimeRange } from "../src/domain/index.ts";
import type { VenueTestDatabase } from "./venue-test-database.ts";

export async function venueWorld(db: VenueTestDatabase, onConfirm: ConfirmationPolicy = "RELEASE_OVERLAPPING") {
  const tenant: Tenant = { companyId: crypto.randomUUID(), userId: demoUsers.hana.id };
  const setup = db.request(tenant);
  const venue = await setup.venues.create({ name: "Harbor Hall", address: "Elbe 1", city: "Hamburg", country: "DE", timeZone: "Europe/Berlin", onConfirm });
  const mainHall = await setup.venues.addSpace({ venueId: venue.id, name: "Main Hall", turnaroundMinutes: 60, partIds: [] });
  const clubRoom = await setup.venues.addSpace({ venueId: venue.id, name: "Club Room", turnaroundMinutes: 30, partIds: [] });
  const fullHouse = await setup.venues.addSpace({ venueId: venue.id, name: "Full House", turnaroundMinutes: 90, partIds: [mainHall.id, clubRoom.id] });
  const layout = async (spaceId: string, capacity: number) =>
    setup.layouts.create({ spaceId, name: `Standing ${capacity}`, kind: "STANDING", sections: [{ name: "Floor", capacity }] });
  const layouts = { mainHall: await layout(mainHall.id, 900), clubRoom: await layout(clubRoom.id, 250), fullHouse: await layout(fullHouse.id, 1150) };
  const request = () => db.request(tenant);
  const hold = (spaceId: string, range: TimeRange, eventId: string = crypto.randomUUID()) => request().holds.place({ spaceId, eventId, range, note: null });
  const rankOf = async (id: string) => {
    const found = await request().holds.find(id);
    return [found?.status, found?.rank];
  };
  return { tenant, venue, mainHall, clubRoom, fullHouse, layouts, request, hold, rankOf };
}

/** [from, until) on 1 June 2026, in hours after midnight UTC. */
export const june = (from: number, until: number): TimeRange => ({
  start: new Date(Date.UTC(2026, 5, 1) + from * 3_600_000),
  end: new Date(Date.UTC(2026, 5, 1) + until * 3_600_000),
});
