// The Venue subgraph (spec §6: availability, layouts, bookings): its schema, resolvers,
// access rules and data, opened on a database by whoever runs it.
import { defineSubgraph } from "@marquee/kit";
import { venueContextFactory } from "./context.ts";
import { createVenuePrisma, venueSchema } from "./data/venue-database.ts";
import { venueAccess } from "./permissions.ts";
import { resolvers } from "./resolvers/index.ts";

export const venueSubgraph = defineSubgraph({
  name: "venue",
  moduleKey: "venue",
  defaultPort: 4005,
  data: { schema: venueSchema, migrationsDir: new URL("../../../prisma/venue/migrations/", import.meta.url) },
  schemaFile: new URL("../schema.graphql", import.meta.url),
  resolvers,
  access: venueAccess,
  createPrisma: createVenuePrisma,
  createContext: (prisma, runtime) => venueContextFactory(prisma, runtime.baseReaderFactory),
});
