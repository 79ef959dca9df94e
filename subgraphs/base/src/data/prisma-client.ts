import { createPrismaAdapter, type DatabaseTarget } from "@marquee/kit";
import { PrismaClient } from "../__generated__/prisma/client.ts";

export type BasePrismaClient = PrismaClient<"query">;

/** Base's client on its own schema; it reports every statement so that batching can be counted. */
export function createBasePrismaClient(target: DatabaseTarget): BasePrismaClient {
  return new PrismaClient({ adapter: createPrismaAdapter(target, "base"), log: [{ emit: "event", level: "query" }] });
}
