// The Market subgraph (spec §6: deals, negotiations, contracts): its schema, resolvers,
// access rules and data, opened on a database by whoever runs it.
import { countQueries, type SubgraphPackage } from "@marquee/kit";
import { marketContextFactory } from "./context.ts";
import { createMarketPrisma, marketSchema } from "./data/market-database.ts";
import { seedMarketDemo } from "./demo/seed.ts";
import { marketAccessRules, marketPermissions } from "./permissions.ts";
import { resolvers } from "./resolvers/index.ts";

export const marketSubgraph: SubgraphPackage = {
  name: "market",
  moduleKey: "market",
  defaultPort: 4003,
  data: { schema: marketSchema, migrationsDir: new URL("../../../prisma/market/migrations/", import.meta.url) },
  permissions: marketPermissions,

  async open(runtime) {
    const prisma = createMarketPrisma(runtime.target);
    const statements = countQueries(prisma);
    return {
      module: {
        name: "market",
        schemaFile: new URL("../schema.graphql", import.meta.url),
        resolvers,
        accessRules: marketAccessRules,
        createContext: marketContextFactory(prisma, runtime.baseReaderFactory),
        checkReadiness: async () => {
          await prisma.$queryRaw`SELECT 1`;
        },
      },
      seedDemo: () => seedMarketDemo(prisma, new Date()),
      queryCount: () => statements.count(),
      close: () => prisma.$disconnect(),
    };
  },
};
