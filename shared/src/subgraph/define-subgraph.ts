// How a module becomes a SubgraphPackage: the wiring every module repeated (its own
// Prisma client on the runtime's database, statement counting, readiness, shutdown)
// written once. Demo data is not part of it: see ModuleDemo. A module says only what is its own.
import type { DatabaseTarget } from "../db/database-target.ts";
import type { QueryEventSource } from "../db/query-counter.ts";
import type { ModuleAccess } from "../rules/module-access.ts";
import type { RequestContext } from "./request-context.ts";
import type { SubgraphPackage, SubgraphRuntime } from "./subgraph-package.ts";

/** What the kit needs of a module's generated Prisma client. */
export interface ModulePrismaClient extends QueryEventSource {
  $executeRawUnsafe(query: string): Promise<number>;
  $disconnect(): Promise<void>;
}

export interface SubgraphDefinition<Prisma extends ModulePrismaClient> {
  name: string;
  moduleKey: string;
  defaultPort: number;
  /** The module's PostgreSQL schema and its `prisma/<owner>/migrations` folder. */
  data: { schema: string; migrationsDir: URL };
  schemaFile: URL;
  resolvers: object;
  /** The module's access declaration; its catalog is the module's permissions. */
  access: ModuleAccess;
  /** The module's own client, seeing only its own schema, on the runtime's database. */
  createPrisma(target: DatabaseTarget): Prisma;
  /** The module's request context, built on the kit's. */
  createContext(prisma: Prisma, runtime: SubgraphRuntime): (request: RequestContext) => RequestContext;
}

export function defineSubgraph<Prisma extends ModulePrismaClient>(definition: SubgraphDefinition<Prisma>): SubgraphPackage {
  return {
    name: definition.name,
    moduleKey: definition.moduleKey,
    defaultPort: definition.defaultPort,
    data: definition.data,
    permissions: definition.access.catalog,
    access: definition.access,

    async open(runtime) {
      const prisma = definition.createPrisma(runtime.target);
      // A number, not the statements' text: this counter lives as long as the process, and
      // keeping every statement it ever sent grew a busy subgraph by hundreds of MB (issue #8).
      let statements = 0;
      prisma.$on("query", () => {
        statements += 1;
      });
      return {
        module: {
          name: definition.name,
          schemaFile: definition.schemaFile,
          resolvers: definition.resolvers,
          access: definition.access,
          createContext: definition.createContext(prisma, runtime),
          checkReadiness: async () => {
            await prisma.$executeRawUnsafe("SELECT 1");
          },
        },
        queryCount: () => statements,
        close: () => prisma.$disconnect(),
      };
    },
  };
}
