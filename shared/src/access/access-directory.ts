// The access directory opened on a database target, as a serving process reads it: the
// access source over plain-SQL reads (see directory-source.ts for why not Prisma), and the
// feed of its announced changes. What writes the directory (the demo's seed, tests) opens
// a Prisma client of its own with access-directory-client.ts.
import type { DatabaseTarget } from "../db/database-target.ts";
import { openSqlPool } from "../db/sql-executor.ts";
import { listenForAccessChanges, type AccessChangeFeed, type AccessChangeFeedOptions, type AccessChangeSubscriber } from "./access-change-feed.ts";
import type { AccessSource } from "./access-source.ts";
import { createDirectoryAccessSource } from "./directory-source.ts";

export const accessDirectoryMigrations = {
  schema: "access",
  migrationsDir: new URL("../../../prisma/access/migrations/", import.meta.url),
};

export interface AccessDirectory {
  source: AccessSource;
  listenForChanges(subscriber: AccessChangeSubscriber, options: AccessChangeFeedOptions): Promise<AccessChangeFeed>;
  close(): Promise<void>;
}

export function openAccessDirectory(target: DatabaseTarget): AccessDirectory {
  const reads = openSqlPool(target, "access");
  return {
    source: createDirectoryAccessSource(reads),
    listenForChanges: (subscriber, options) => listenForAccessChanges(target, subscriber, options),
    close: () => reads.close(),
  };
}
