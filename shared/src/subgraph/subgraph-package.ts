// What a module hands to whoever runs it (the local stack, a production entry point,
// the tests): its name, where its data lives and how to open it on a database.
import type { BaseReaderFactory } from "../base-client/base-reader.ts";
import type { DatabaseTarget } from "../db/database-target.ts";
import type { PermissionCatalog } from "../permissions/permission-catalog.ts";
import type { ModuleAccess } from "../rules/module-access.ts";
import type { PlatformServices, SubgraphModule } from "./create-subgraph.ts";
import type { RequestContext } from "./request-context.ts";

export interface SubgraphPackage {
  /** The module key, e.g. `finance`; Base's features sit behind `basic` but its name is `base`. */
  name: string;
  /** The module key its features require (spec §3). */
  moduleKey: string;
  defaultPort: number;
  /** The module's own PostgreSQL schema and its migrations (prisma/<owner>/migrations). */
  data: { schema: string; migrationsDir: URL };
  permissions: PermissionCatalog;
  /** Who may see each type the module owns and the rule of each entry point; the module documents and the edge-walk test read it. */
  access: ModuleAccess;
  open(runtime: SubgraphRuntime): Promise<OpenedSubgraph>;
}

export interface SubgraphRuntime {
  target: DatabaseTarget;
  services: PlatformServices;
  /** How the module reads Base's shared entities with the caller's credentials. */
  baseReaderFactory: BaseReaderFactory;
}

export interface OpenedSubgraph {
  module: SubgraphModule<RequestContext>;
  /** Counts the SQL statements the module's client sends (tests prove batching with it). */
  queryCount(): number;
  close(): Promise<void>;
}
