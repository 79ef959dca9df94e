// Base's permission catalog (the `basic` module) and its access declaration (spec §4.1).
// Base serves two kinds of reader: every module, which reads the shared Event and Artist
// by reference (any member who holds a module: spec §4.2, Finance can exist without
// Basic), and the `basic` module's own features (event and artist management, the
// dashboard), which need `basic` permissions wherever they are reached.
import { anyModule, defineModuleAccess, definePermissionCatalog, partOfParent, requireAnyModule, requireAuthentication, signedIn } from "@marquee/kit";
import type { Resolvers } from "./__generated__/resolvers-types.ts";

/** The `basic` module's permissions: what an administrator grants a member of a company. */
export const basicPermissions = definePermissionCatalog("basic", {
  "basic.event.view": "See the company's events, their lineups and ticket figures.",
  "basic.event.create": "Create events (as drafts).",
  "basic.event.update": "Change events' details and lineups, and move them through their lifecycle (announce, put on sale, complete).",
  "basic.event.cancel": "Cancel events.",
  "basic.event.delete": "Delete draft events.",
  "basic.artist.view": "See the company's artists and the events they play.",
  "basic.artist.create": "Add artists.",
  "basic.artist.update": "Change artists' details.",
  "basic.artist.delete": "Delete artists who are in no lineup.",
  "basic.dashboard.view": "See the dashboard: upcoming events, event counts and ticket sales.",
});

const can = basicPermissions.require;

export const baseAccess = defineModuleAccess<Resolvers>()({
  catalog: basicPermissions,
  // Who may see each of Base's types, wherever it is returned. The fields of Event and
  // Artist that are Base's own, not shared, carry a `basic` rule below.
  types: {
    Event: anyModule,
    EventConnection: anyModule,
    EventEdge: anyModule,
    EventLocation: partOfParent,
    // An event's tiers are part of it: whoever sees the event's shared fields sees them.
    TicketTier: partOfParent,
    Artist: anyModule,
    ArtistConnection: anyModule,
    ArtistEdge: anyModule,
    Money: partOfParent,
    PageInfo: partOfParent,
    Dashboard: "basic.dashboard.view",
    EventStatusCount: partOfParent,
    TicketTotals: partOfParent,
    Viewer: signedIn,
    ViewerCompany: partOfParent,
  },
  fields: {
    Query: {
      events: can("basic.event.view"),
      event: can("basic.event.view"),
      artists: can("basic.artist.view"),
      artist: can("basic.artist.view"),
      dashboard: can("basic.dashboard.view"),
      viewer: requireAuthentication(),
      // The listing of the shared events, for modules that read a company's events
      // without `basic` (spec §4.2: AI can exist without any other module).
      sharedEvents: requireAnyModule(),
    },
    Mutation: {
      createEvent: can("basic.event.create"),
      updateEvent: can("basic.event.update"),
      changeEventStatus: can("basic.event.update"),
      cancelEvent: can("basic.event.cancel"),
      deleteEvent: can("basic.event.delete"),
      createArtist: can("basic.artist.create"),
      updateArtist: can("basic.artist.update"),
      deleteArtist: can("basic.artist.delete"),
    },
    // Base's own: what event management shows, beyond what modules read.
    Event: {
      description: can("basic.event.view"),
      nextStatuses: can("basic.event.view"),
    },
    // Base's own: an artist's whole calendar and the artist's record.
    Artist: {
      events: can("basic.event.view"),
      createdAt: can("basic.artist.view"),
      updatedAt: can("basic.artist.view"),
    },
  },
  // Base's entities are read by every module: the entities' own guard (a member holding a module) applies.
  entities: requireAnyModule(),
});
