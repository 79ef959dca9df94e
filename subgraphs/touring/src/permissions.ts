// Touring's permission catalog and the access rule of every entry point (spec §4.1): the
// module must be granted (`requireModule`), then the permission each field needs.
import { definePermissionCatalog, requireModule, type AccessRuleMap } from "@marquee/kit";

/** The `touring` module's permissions: what an administrator grants a member of a company. */
export const touringPermissions = definePermissionCatalog("touring", {
  "touring.tour.view": "See the company's tours, their stops and routing, including each artist's and event's.",
  "touring.tour.manage": "Create, change and delete tours, and add, change, reorder or remove their stops.",
  "touring.schedule.view": "See tour days' schedules and day sheets.",
  "touring.schedule.manage": "Add, change and remove items of tour days' schedules.",
});

const can = touringPermissions.require;

export const touringAccessRules: AccessRuleMap = {
  Query: {
    // The gateway resolves Touring's fields on Base's events and artists through here;
    // each of those fields carries its own permission below.
    _entities: requireModule("touring"),
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
  Event: {
    tourStop: can("touring.tour.view"),
  },
  Artist: {
    tours: can("touring.tour.view"),
  },
};
