// Writes of an event's ticket tiers, inside the event's transaction and under its row lock
// (row-locks.ts). The database derives the event's capacity, tickets sold and price from
// the tiers after each statement (the ticket_tier triggers), so nothing here writes them.
import { Prisma } from "../__generated__/prisma/client.ts";
import { legacyTiers, ticketTierReplacement, type StoredTicketTier, type TicketTierDetails } from "../domain/ticket-tiers.ts";
import type { EventRecord, TicketTierRecord } from "./records.ts";
import type { Transaction } from "./row-locks.ts";

/** The currency of a set of tiers: the domain has checked they share one, and that there is at least one. */
export function currencyOfTiers(tiers: readonly TicketTierDetails[]): string {
  const [first] = tiers;
  if (!first) throw new Error("An event has at least one ticket tier.");
  return first.price.currency;
}

function storedTier(tier: TicketTierRecord, currency: string): StoredTicketTier {
  const { id, position, name, allocation, kills, comps, sold } = tier;
  return { id, position, name, price: { amount: tier.price.toFixed(), currency }, allocation, kills, comps, sold };
}

/**
 * The locked event's tiers in display order, priced in its currency. An event stored
 * without tiers (written by SQL of its own, not by Base) stands for one tier of its figures.
 */
export async function tiersOfLockedEvent(tx: Transaction, event: EventRecord): Promise<{ stored: StoredTicketTier[]; current: TicketTierDetails[] }> {
  const rows = await tx.ticketTier.findMany({ where: { companyId: event.companyId, eventId: event.id }, orderBy: { position: "asc" } });
  const stored = rows.map((row) => storedTier(row, event.currency));
  const current =
    stored.length > 0
      ? stored
      : legacyTiers({ capacity: event.capacity, ticketsSold: event.ticketsSold, ticketPrice: { amount: event.ticketPrice.toFixed(), currency: event.currency } });
  return { stored, current };
}

/** The tiers of a new event, position 0 first. */
export async function insertTiers(tx: Transaction, companyId: string, eventId: string, tiers: readonly (TicketTierDetails & { position: number })[]): Promise<void> {
  if (tiers.length === 0) return;
  await tx.ticketTier.createMany({
    data: tiers.map(({ position, name, price, allocation, kills, comps, sold }) => ({ companyId, eventId, position, name, price: price.amount, allocation, kills, comps, sold })),
  });
}

/**
 * Replaces the event's tiers with `next`: names kept keep their ids. At most three
 * statements, in an order whose every intermediate capacity stays within the larger of
 * the old and the new one (the database checks the event's bound after each): deletions
 * only shrink it, the changed tiers take their new figures (and positions: the position
 * key is checked per statement, so a swap is fine) in one UPDATE, additions only grow it.
 */
export async function replaceTiers(tx: Transaction, companyId: string, eventId: string, stored: readonly StoredTicketTier[], next: readonly TicketTierDetails[]): Promise<void> {
  const { deleted, changed, added } = ticketTierReplacement(stored, next);
  if (deleted.length > 0) await tx.ticketTier.deleteMany({ where: { companyId, eventId, id: { in: deleted } } });
  if (changed.length > 0) {
    await tx.$executeRaw(Prisma.sql`
      UPDATE base.ticket_tier AS tier
      SET position = change.position, price = change.price, allocation = change.allocation, kills = change.kills,
          comps = change.comps, sold = change.sold, updated_at = CURRENT_TIMESTAMP
      FROM unnest(
        ${changed.map((tier) => tier.id)}::uuid[],
        ${changed.map((tier) => tier.position)}::int[],
        ${changed.map((tier) => tier.price.amount)}::numeric[],
        ${changed.map((tier) => tier.allocation)}::int[],
        ${changed.map((tier) => tier.kills)}::int[],
        ${changed.map((tier) => tier.comps)}::int[],
        ${changed.map((tier) => tier.sold)}::int[]
      ) AS change(id, position, price, allocation, kills, comps, sold)
      WHERE tier.company_id = ${companyId}::uuid AND tier.event_id = ${eventId}::uuid AND tier.id = change.id`);
  }
  await insertTiers(tx, companyId, eventId, added);
}
