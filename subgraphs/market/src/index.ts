// The Market subgraph (spec §6: deals, negotiations, contracts): its schema, resolvers,
// access rules and data, opened on a database by whoever runs it.
import { defineSubgraph } from "@marquee/kit";
import { marketContextFactory } from "./context.ts";
import { createMarketPrisma, marketSchema } from "./data/market-database.ts";
import { marketAccess } from "./permissions.ts";
import { resolvers } from "./resolvers/index.ts";

export const marketSubgraph = defineSubgraph({
  name: "market",
  moduleKey: "market",
  defaultPort: 4003,
  data: { schema: marketSchema, migrationsDir: new URL("../../../prisma/market/migrations/", import.meta.url) },
  schemaFile: new URL("../schema.graphql", import.meta.url),
  resolvers,
  access: marketAccess,
  createPrisma: createMarketPrisma,
  createContext: (prisma, runtime) => marketContextFactory(prisma, runtime.baseReaderFactory),
});
