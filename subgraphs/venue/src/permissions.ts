// Venue's permission catalog and the access rule of every entry point (spec §4.1): the
// module must be granted (`requireModule`), then the permission each field needs.
import { definePermissionCatalog, requireModule, type AccessRuleMap } from "@marquee/kit";
import { and } from "graphql-shield";

/** The `venue` module's permissions: what an administrator grants a member of a company. */
export const venuePermissions = definePermissionCatalog("venue", {
  "venue.venue.view": "See the company's venues and their spaces.",
  "venue.venue.manage": "Add and change venues, add, change and remove their spaces, and set what confirming a hold does.",
  "venue.layout.view": "See the layouts of spaces, their sections and capacities.",
  "venue.layout.manage": "Add, change and remove the layouts of spaces.",
  "venue.hold.view": "See holds and their ranks, including each event's.",
  "venue.hold.create": "Place holds on spaces for events.",
  "venue.hold.release": "Release holds.",
  "venue.booking.view": "See bookings, including each event's.",
  "venue.booking.confirm": "Confirm first-ranked holds as bookings.",
  "venue.booking.cancel": "Cancel bookings.",
});

const can = venuePermissions.require;

/** Availability shows spaces, the holds on them and the bookings, so it needs the three views. */
const canViewAvailability = and(can("venue.venue.view"), can("venue.hold.view"), can("venue.booking.view"));

export const venueAccessRules: AccessRuleMap = {
  Query: {
    // The gateway resolves Venue's fields on Base's events through here; each of those
    // fields carries its own permission below.
    _entities: requireModule("venue"),
    venues: can("venue.venue.view"),
    venue: can("venue.venue.view"),
    venueHolds: can("venue.hold.view"),
    venueHold: can("venue.hold.view"),
    venueBookings: can("venue.booking.view"),
    venueBooking: can("venue.booking.view"),
    venueAvailability: canViewAvailability,
  },
  Mutation: {
    createVenue: can("venue.venue.manage"),
    updateVenue: can("venue.venue.manage"),
    addVenueSpace: can("venue.venue.manage"),
    updateVenueSpace: can("venue.venue.manage"),
    removeVenueSpace: can("venue.venue.manage"),
    createVenueLayout: can("venue.layout.manage"),
    updateVenueLayout: can("venue.layout.manage"),
    removeVenueLayout: can("venue.layout.manage"),
    placeVenueHold: can("venue.hold.create"),
    releaseVenueHold: can("venue.hold.release"),
    confirmVenueHold: can("venue.booking.confirm"),
    cancelVenueBooking: can("venue.booking.cancel"),
  },
  Event: {
    venueBooking: can("venue.booking.view"),
    venueHolds: can("venue.hold.view"),
  },
  VenueSpace: {
    layouts: can("venue.layout.view"),
  },
  VenueBooking: {
    layout: can("venue.layout.view"),
  },
};
