// The AI subgraph (spec §6: predictions, analytics, scoring): its schema, resolvers,
// access rules and data, opened on a database by whoever runs it. It reads Base only,
// with the caller's credentials, and no other module.
import { countQueries, type SubgraphPackage } from "@marquee/kit";
import { aiContextFactory } from "./context.ts";
import { aiSchema, createAiPrisma } from "./data/ai-database.ts";
import { aiAccessRules, aiPermissions } from "./permissions.ts";
import { resolvers } from "./resolvers/index.ts";

export const aiSubgraph: SubgraphPackage = {
  name: "ai",
  moduleKey: "ai",
  defaultPort: 4006,
  data: { schema: aiSchema, migrationsDir: new URL("../../../prisma/ai/migrations/", import.meta.url) },
  permissions: aiPermissions,

  async open(runtime) {
    const prisma = createAiPrisma(runtime.target);
    const statements = countQueries(prisma);
    return {
      module: {
        name: "ai",
        schemaFile: new URL("../schema.graphql", import.meta.url),
        resolvers,
        accessRules: aiAccessRules,
        createContext: aiContextFactory({ prisma, baseReaderFactory: runtime.baseReaderFactory }),
        checkReadiness: async () => {
          await prisma.$queryRaw`SELECT 1`;
        },
      },
      // AI has no demo data of its own: it fits each company's model from Base's demo history on first use.
      seedDemo: async () => {},
      queryCount: () => statements.count(),
      close: () => prisma.$disconnect(),
    };
  },
};
