// Venue's permission catalog and its access declaration (spec §4.1): who may see each
// type it owns, and the permission each entry point asks for.
import { defineModuleAccess, definePermissionCatalog, extendedFromBase, partOfParent, requireAllPermissions, requireModule } from "@marquee/kit";
import type { Resolvers } from "./__generated__/resolvers-types.ts";

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
const availabilityView = ["venue.venue.view", "venue.hold.view", "venue.booking.view"] as const;

export const venueAccess = defineModuleAccess<Resolvers>()({
  catalog: venuePermissions,
  // Who may see each of Venue's types, wherever it is returned: a booking's reader sees
  // the booking, not the hold it came from nor the venue's spaces unless they may.
  types: {
    Event: extendedFromBase,
    Venue: "venue.venue.view",
    VenueConnection: "venue.venue.view",
    VenueEdge: "venue.venue.view",
    VenueSpace: "venue.venue.view",
    VenueLayout: "venue.layout.view",
    VenueLayoutSection: "venue.layout.view",
    VenueHold: "venue.hold.view",
    VenueHoldConnection: "venue.hold.view",
    VenueHoldEdge: "venue.hold.view",
    VenueBooking: "venue.booking.view",
    VenueBookingConnection: "venue.booking.view",
    VenueBookingEdge: "venue.booking.view",
    VenueAvailability: availabilityView,
    VenueSpaceAvailability: availabilityView,
    AvailabilityInterval: availabilityView,
    RankedVenueHold: availabilityView,
    PageInfo: partOfParent,
  },
  // The permission each entry point asks for; the types it returns ask for their own as well.
  fields: {
    Query: {
      venues: can("venue.venue.view"),
      venue: can("venue.venue.view"),
      venueHolds: can("venue.hold.view"),
      venueHold: can("venue.hold.view"),
      venueBookings: can("venue.booking.view"),
      venueBooking: can("venue.booking.view"),
      venueAvailability: requireAllPermissions(availabilityView),
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
  },
  // The gateway resolves Venue's fields on Base's events through here.
  entities: requireModule("venue"),
});
