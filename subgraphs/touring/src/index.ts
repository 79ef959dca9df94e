// The Touring subgraph (spec §6: tours, routing, schedules): its schema, resolvers,
// access rules and data, opened on a database by whoever runs it.
import { defineSubgraph } from "@marquee/kit";
import { touringContextFactory } from "./context.ts";
import { createTouringPrisma, touringSchema } from "./data/touring-database.ts";
import { touringAccess } from "./permissions.ts";
import { resolvers } from "./resolvers/index.ts";

export const touringSubgraph = defineSubgraph({
  name: "touring",
  moduleKey: "touring",
  defaultPort: 4004,
  data: { schema: touringSchema, migrationsDir: new URL("../../../prisma/touring/migrations/", import.meta.url) },
  schemaFile: new URL("../schema.graphql", import.meta.url),
  resolvers,
  access: touringAccess,
  createPrisma: createTouringPrisma,
  createContext: (prisma, runtime) => touringContextFactory(prisma, runtime.baseReaderFactory),
});
