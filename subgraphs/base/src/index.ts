// The Base subgraph: the shared entities (Event, Artist) every module reads by
// reference, and the `basic` module's own features on top of them.
import { defineSubgraph } from "@marquee/kit";
import { createBaseContext } from "./context.ts";
import { createBasePrismaClient } from "./data/prisma-client.ts";
import { baseAccess } from "./permissions.ts";
import { resolvers } from "./resolvers/index.ts";

export const baseSubgraph = defineSubgraph({
  name: "base",
  moduleKey: "basic",
  defaultPort: 4001,
  data: { schema: "base", migrationsDir: new URL("../../../prisma/base/migrations/", import.meta.url) },
  schemaFile: new URL("../schema.graphql", import.meta.url),
  resolvers,
  access: baseAccess,
  createPrisma: createBasePrismaClient,
  createContext: (prisma) => (request) => createBaseContext(request, prisma),
});
