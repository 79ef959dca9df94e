// The AI subgraph (spec §6: predictions, analytics, scoring): its schema, resolvers,
// access rules and data, opened on a database by whoever runs it. It reads Base only,
// with the caller's credentials, and no other module.
import { defineSubgraph } from "@marquee/kit";
import { aiContextFactory } from "./context.ts";
import { aiSchema, createAiPrisma } from "./data/ai-database.ts";
import { aiAccess } from "./permissions.ts";
import { resolvers } from "./resolvers/index.ts";

// No demo seed of its own: AI fits each company's model from Base's demo history on first use.
export const aiSubgraph = defineSubgraph({
  name: "ai",
  moduleKey: "ai",
  defaultPort: 4006,
  data: { schema: aiSchema, migrationsDir: new URL("../../../prisma/ai/migrations/", import.meta.url) },
  schemaFile: new URL("../schema.graphql", import.meta.url),
  resolvers,
  access: aiAccess,
  createPrisma: createAiPrisma,
  createContext: (prisma, runtime) => aiContextFactory({ prisma, baseReaderFactory: runtime.baseReaderFactory }),
});
