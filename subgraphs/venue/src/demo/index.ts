// Venue's part of the demo world (`@marquee/subgraph-venue/demo`), seeded by the local stack
// on a database it has just created; production never loads it.
import { defineModuleDemo } from "@marquee/kit/demo";
import { createVenuePrisma } from "../data/venue-database.ts";
import { seedVenueDemo } from "./seed.ts";

export const venueDemo = defineModuleDemo("venue", createVenuePrisma, (prisma) => seedVenueDemo(prisma, new Date()));
