// The Finance subgraph (spec §6: expenses, income, settlements): its schema, resolvers,
// access rules and data, opened on a database by whoever runs it.
import { defineSubgraph } from "@marquee/kit";
import { financeContextFactory } from "./context.ts";
import { createFinancePrisma, financeSchema } from "./data/finance-database.ts";
import { financeAccess } from "./permissions.ts";
import { resolvers } from "./resolvers/index.ts";

export const financeSubgraph = defineSubgraph({
  name: "finance",
  moduleKey: "finance",
  defaultPort: 4002,
  data: { schema: financeSchema, migrationsDir: new URL("../../../prisma/finance/migrations/", import.meta.url) },
  schemaFile: new URL("../schema.graphql", import.meta.url),
  resolvers,
  access: financeAccess,
  createPrisma: createFinancePrisma,
  createContext: (prisma, runtime) => financeContextFactory(prisma, runtime.baseReaderFactory),
});
