// The Finance subgraph (spec §6: expenses, income, settlements): its schema, resolvers,
// access rules and data, opened on a database by whoever runs it.
import { countQueries, type SubgraphPackage } from "@marquee/kit";
import { financeContextFactory } from "./context.ts";
import { createFinancePrisma, financeSchema } from "./data/finance-database.ts";
import { seedFinanceDemo } from "./demo/seed.ts";
import { financeAccessRules, financePermissions } from "./permissions.ts";
import { resolvers } from "./resolvers/index.ts";

export const financeSubgraph: SubgraphPackage = {
  name: "finance",
  moduleKey: "finance",
  defaultPort: 4002,
  data: { schema: financeSchema, migrationsDir: new URL("../../../prisma/finance/migrations/", import.meta.url) },
  permissions: financePermissions,

  async open(runtime) {
    const prisma = createFinancePrisma(runtime.target);
    const statements = countQueries(prisma);
    return {
      module: {
        name: "finance",
        schemaFile: new URL("../schema.graphql", import.meta.url),
        resolvers,
        accessRules: financeAccessRules,
        createContext: financeContextFactory(prisma, runtime.baseReaderFactory),
        checkReadiness: async () => {
          await prisma.$queryRaw`SELECT 1`;
        },
      },
      seedDemo: () => seedFinanceDemo(prisma, new Date()),
      queryCount: () => statements.count(),
      close: () => prisma.$disconnect(),
    };
  },
};
