// The Touring subgraph (spec §6: tours, routing, schedules): its schema, resolvers,
// access rules and data, opened on a database by whoever runs it.
import { countQueries, type SubgraphPackage } from "@marquee/kit";
import { touringContextFactory } from "./context.ts";
import { createTouringPrisma, touringSchema } from "./data/touring-database.ts";
import { seedTouringDemo } from "./demo/seed.ts";
import { touringAccessRules, touringPermissions } from "./permissions.ts";
import { resolvers } from "./resolvers/index.ts";

export const touringSubgraph: SubgraphPackage = {
  name: "touring",
  moduleKey: "touring",
  defaultPort: 4004,
  data: { schema: touringSchema, migrationsDir: new URL("../../../prisma/touring/migrations/", import.meta.url) },
  permissions: touringPermissions,

  async open(runtime) {
    const prisma = createTouringPrisma(runtime.target);
    const statements = countQueries(prisma);
    return {
      module: {
        name: "touring",
        schemaFile: new URL("../schema.graphql", import.meta.url),
        resolvers,
        accessRules: touringAccessRules,
        createContext: touringContextFactory(prisma, runtime.baseReaderFactory),
        checkReadiness: async () => {
          await prisma.$queryRaw`SELECT 1`;
        },
      },
      seedDemo: () => seedTouringDemo(prisma, new Date()),
      queryCount: () => statements.count(),
      close: () => prisma.$disconnect(),
    };
  },
};
