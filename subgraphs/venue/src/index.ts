// The Venue subgraph (spec §6: availability, layouts, bookings): its schema, resolvers,
// access rules and data, opened on a database by whoever runs it.
import { countQueries, type SubgraphPackage } from "@marquee/kit";
import { venueContextFactory } from "./context.ts";
import { createVenuePrisma, venueSchema } from "./data/venue-database.ts";
import { seedVenueDemo } from "./demo/seed.ts";
import { venueAccessRules, venuePermissions } from "./permissions.ts";
import { resolvers } from "./resolvers/index.ts";

export const venueSubgraph: SubgraphPackage = {
  name: "venue",
  moduleKey: "venue",
  defaultPort: 4005,
  data: { schema: venueSchema, migrationsDir: new URL("../../../prisma/venue/migrations/", import.meta.url) },
  permissions: venuePermissions,

  async open(runtime) {
    const prisma = createVenuePrisma(runtime.target);
    const statements = countQueries(prisma);
    return {
      module: {
        name: "venue",
        schemaFile: new URL("../schema.graphql", import.meta.url),
        resolvers,
        accessRules: venueAccessRules,
        createContext: venueContextFactory(prisma, runtime.baseReaderFactory),
        checkReadiness: async () => {
          await prisma.$queryRaw`SELECT 1`;
        },
      },
      seedDemo: () => seedVenueDemo(prisma, new Date()),
      queryCount: () => statements.count(),
      close: () => prisma.$disconnect(),
    };
  },
};
