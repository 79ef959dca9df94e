// The rows behind Base's GraphQL types (codegen.ts maps them), as Prisma reads them.
import type { TicketTier } from "../__generated__/prisma/client.ts";

export type { Artist as ArtistRecord, Event as EventRecord, TicketTier as TicketTierRecord } from "../__generated__/prisma/client.ts";

/** A tier as the API shows it: its row and its event's currency, which is every tier's. */
export type PricedTicketTier = TicketTier & { currency: string };
