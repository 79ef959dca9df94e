// The access directory opened on a database target: its Prisma client (which sees only
// the `access` schema), the access source over it, and the feed of its announced changes.
import { PrismaClient } from "./__generated__/prisma/client.ts";
import type { DatabaseTarget } from "../db/database-target.ts";
import { createPrismaAdapter } from "../db/prisma-adapter.ts";
import { listenForAccessChanges, type AccessChangeFeed, type AccessChangeFeedOptions, type AccessChangeSubscriber } from "./access-change-feed.ts";
import type { AccessSource } from "./access-source.ts";
import { createDirectoryAccessSource } from "./directory-source.ts";

export const accessDirectoryMigrations = {
  schema: "access",
  migrationsDir: new URL("../../../prisma/access/migrations/", import.meta.url),
};

export interface AccessDirectory {
  prisma: PrismaClient;
  source: AccessSource;
  listenForChanges(subscriber: AccessChangeSubscriber, options: AccessChangeFeedOptions): Promise<AccessChangeFeed>;
  close(): Promise<void>;
}

export async function openAccessDirectory(target: DatabaseTarget): Promise<AccessDirectory> {
  const prisma = new PrismaClient({ adapter: createPrismaAdapter(target, "access") });
  return {
    prisma,
    source: createDirectoryAccessSource(prisma),
    listenForChanges: (subscriber, options) => listenForAccessChanges(target, subscriber, options),
    close: () => prisma.$disconnect(),
  };
}
