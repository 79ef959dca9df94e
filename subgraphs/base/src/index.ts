// The Base subgraph: the shared entities (Event, Artist) every module reads by
// reference, and the `basic` module's own features on top of them.
import { countQueries, type SubgraphPackage } from "@marquee/kit";
import { createBaseContext } from "./context.ts";
import { createBasePrismaClient } from "./data/prisma-client.ts";
import { seedDemo } from "./demo/seed.ts";
import { accessRules, basicPermissions } from "./permissions.ts";
import { resolvers } from "./resolvers/index.ts";


export const baseSubgraph: SubgraphPackage = {
  name: "base",
  moduleKey: "basic",
  defaultPort: 4001,
  data: { schema: "base", migrationsDir: new URL("../../../prisma/base/migrations/", import.meta.url) },
  permissions: basicPermissions,

  async open(runtime) {
    const prisma = createBasePrismaClient(runtime.target);
    const queries = countQueries(prisma);
    return {
      module: {
        name: "base",
        schemaFile: new URL("../schema.graphql", import.meta.url),
        resolvers,
        accessRules,
        createContext: (request) => createBaseContext(request, prisma),
        checkReadiness: async () => {
          await prisma.$queryRaw`SELECT 1`;
        },
      },
      seedDemo: () => seedDemo(prisma, new Date()),
      queryCount: () => queries.count(),
      close: () => prisma.$disconnect(),
    };
  },
};
