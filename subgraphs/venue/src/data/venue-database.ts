// Venue's Prisma client on a database target. It logs every statement as an event so
// that `countQueries` can prove the resolvers batch.
import { createPrismaAdapter, type DatabaseTarget } from "@marquee/kit";
import { PrismaClient, type Prisma } from "../__generated__/prisma/client.ts";

/** Venue's PostgreSQL schema: its tables and its migration history live there. */
export const venueSchema = "venue";

export function createVenuePrisma(target: DatabaseTarget) {
  return new PrismaClient({ adapter: createPrismaAdapter(target, venueSchema), log: [{ emit: "event", level: "query" }] });
}

export type VenuePrisma = ReturnType<typeof createVenuePrisma>;

/** The client inside an interactive transaction. */
export type VenueTransaction = Prisma.TransactionClient;
