// A Prisma client on the access directory, for what writes it in Core's and Auth's
// place: the demo's seed and tests. Serving processes only read the directory, without
// one (access-directory.ts).
import type { DatabaseTarget } from "../db/database-target.ts";
import { createPrismaAdapter } from "../db/prisma-adapter.ts";
import { PrismaClient } from "./__generated__/prisma/client.ts";

export type AccessDirectoryClient = PrismaClient;

export function createAccessDirectoryClient(target: DatabaseTarget): AccessDirectoryClient {
  return new PrismaClient({ adapter: createPrismaAdapter(target, "access") });
}
