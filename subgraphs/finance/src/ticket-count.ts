// A deal paid by the paid tickets (PER_TICKET, or any deal with ticket bonuses) is paid by
// the event's count as Base keeps it (`Event.ticketsSold`), read with the caller's
// credentials through the request's BaseReader, which batches the events of one request
// into one call. Finance keeps no count of its own but the one frozen at approval.
import { badUserInput, dealNeedsTicketCount, type BaseReader } from "@marquee/kit";
import type { SettlementRecord } from "./data/records.ts";

/**
 * The event's paid tickets, for a draft with some act's deal paid by them; null for any
 * other settlement, and then Base is not asked (an approved one shows the count it froze).
 */
export async function ticketCountFor(base: BaseReader, settlement: SettlementRecord): Promise<number | null> {
  if (settlement.status !== "DRAFT" || !settlement.bill.some((act) => dealNeedsTicketCount(act.dealTerms))) return null;
  const [event] = await base.load<{ id: string; ticketsSold: number }>("Event", "ticketsSold", [settlement.eventId]);
  if (!event) {
    throw badUserInput(`There is no event "${settlement.eventId}" in this company, so the paid tickets the deal is paid by cannot be read.`, {
      eventId: settlement.eventId,
    });
  }
  return event.ticketsSold;
}
