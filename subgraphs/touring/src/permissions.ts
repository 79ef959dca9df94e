// Touring's permission catalog and its access declaration (spec §4.1): who may see each
// type it owns, and the permission each entry point asks for.
import { defineModuleAccess, definePermissionCatalog, extendedFromBase, partOfParent, requireModule } from "@marquee/kit";
import type { Resolvers } from "./__generated__/resolvers-types.ts";

/** The `touring` module's permissions: what an administrator grants a member of a company. */
export const touringPermissions = definePermissionCatalog("touring", {
  "touring.tour.view": "See the company's tours, their stops and routing, including each artist's and event's.",
  "touring.tour.manage": "Create, change and delete tours, and add, change, reorder or remove their stops.",
  "touring.schedule.view": "See tour days' schedules and day sheets.",
  "touring.schedule.manage": "Add, change and remove items of tour days' schedules.",
});

const can = touringPermissions.require;

export const touringAccess = defineModuleAccess<Resolvers>()({
  catalog: touringPermissions,
  // Who may see each of Touring's types, wherever it is returned: a day sheet's reader
  // sees the day (its place, show and schedule), not the tour and its stops.
  types: {
    Event: extendedFromBase,
    Artist: extendedFromBase,
    Tour: "touring.tour.view",
    TourConnection: "touring.tour.view",
    TourEdge: "touring.tour.view",
    TourStop: "touring.tour.view",
    Routing: "touring.tour.view",
    RoutingLeg: "touring.tour.view",
    RoutingFlag: "touring.tour.view",
    RoutingTotals: "touring.tour.view",
    RoutingSuggestion: "touring.tour.view",
    DaySheet: "touring.schedule.view",
    ScheduleItem: "touring.schedule.view",
    ScheduleConflict: "touring.schedule.view",
    StopPlace: partOfParent,
    LocalTime: partOfParent,
    PageInfo: partOfParent,
  },
  // The permission each entry point asks for; the types it returns ask for their own as well.
  fields: {
    Query: {
      tours: can("touring.tour.view"),
      tour: can("touring.tour.view"),
      daySheet: can("touring.schedule.view"),
    },
    Mutation: {
      createTour: can("touring.tour.manage"),
      updateTour: can("touring.tour.manage"),
      deleteTour: can("touring.tour.manage"),
      changeTourStatus: can("touring.tour.manage"),
      addTourStop: can("touring.tour.manage"),
      updateTourStop: can("touring.tour.manage"),
      applyRoutingSuggestion: can("touring.tour.manage"),
      moveTourStop: can("touring.tour.manage"),
      removeTourStop: can("touring.tour.manage"),
      addScheduleItem: can("touring.schedule.manage"),
      updateScheduleItem: can("touring.schedule.manage"),
      removeScheduleItem: can("touring.schedule.manage"),
    },
  },
  // The gateway resolves Touring's fields on Base's events and artists through here.
  entities: requireModule("touring"),
});
