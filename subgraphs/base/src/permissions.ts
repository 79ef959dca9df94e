import { definePermissionCatalog, requireAuthentication, requireCompanyMember, type AccessRuleMap } from "@marquee/kit";

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

export const accessRules: AccessRuleMap = {
  Query: {
    events: can("basic.event.view"),
    event: can("basic.event.view"),
    artists: can("basic.artist.view"),
    artist: can("basic.artist.view"),
    dashboard: can("basic.dashboard.view"),
    viewer: requireAuthentication(),
    // Other modules read events and artists by reference for companies that may not
    // have `basic` (spec §4.2: Finance can exist without Basic): membership is enough.
    _entities: requireCompanyMember(),
    // The listing of the same shared entities, for modules that read a company's events
    // without `basic` (spec §4.2: AI can exist without any other module).
    sharedEvents: requireCompanyMember(),
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
};
