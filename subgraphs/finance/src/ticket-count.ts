// A deal paid by the paid tickets (PER_TICKET, or any deal with ticket bonuses), and a
// deduction per paid ticket, are worked out from the event's count as Base keeps it
// (`Event.ticketsSold`), read with the caller's credentials through the request's
// BaseReader, which batches the events of one request into one call. Finance keeps no
// count of its own but the one frozen at approval.
import { badUserInput, type BaseReader } from "@marquee/kit";
import type { FinanceData } from "./data/finance-data.ts";
import type { SettlementRecord } from "./data/records.ts";
import { settlementNeedsTicketCount } from "./domain/index.ts";

/**
 * The event's paid tickets, for a draft with some act's deal or some deduction worked out
 * from them; null for any other settlement, and then Base is not asked (an approved one shows
 * the count it froze). A draft's deductions are read through the request's batched loader,
 * which its sheet reads anyway.
 */
export async function ticketCountFor({ base, finance }: { base: BaseReader; finance: FinanceData }, settlement: SettlementRecord): Promise<number | null> {
  if (settlement.status !== "DRAFT") return null;
  const deductions = await finance.settlements.deductions(settlement);
  if (!settlementNeedsTicketCount(settlement.bill, deductions.map((record) => record.deduction))) return null;
  return paidTicketsOf(base, settlement.eventId);
}

/** The event's paid tickets as Base counts them now (a contract's terms worked on a sheet that froze no count, say). */
export async function paidTicketsOf(base: BaseReader, eventId: string): Promise<number> {
  const [event] = await base.load<{ id: string; ticketsSold: number }>("Event", "ticketsSold", [eventId]);
  if (!event) {
    throw badUserInput(`There is no event "${eventId}" in this company, so the paid tickets the deal is paid by cannot be read.`, { eventId });
  }
  return event.ticketsSold;
}
