// Ticket scaling: an event's tickets are sold in tiers (general admission, balcony, VIP),
// each with a price, an allocation of seats, kills (seats taken out of sale for the
// production: a camera riser, a blocked view), comps (complimentary tickets: issued, no
// revenue) and paid tickets sold. The event's capacity, tickets sold and price are figures
// the database derives from the tiers (prisma/base/migrations/20261127181000_ticket_tiers):
//   capacity = Σ (allocation − kills), tickets sold = Σ sold, price = the lowest price of a
//   tier with tickets to sell.
// Sales are measured against what can be sold: allocation − kills − comps.
import { Decimal } from "decimal.js";
import { verdict, type Checked } from "./checked.ts";
import { ticketPriceProblem, type Money } from "./money.ts";
import { checkText } from "./text.ts";

/** One tier as given or stored: its price is in the event's currency. */
export interface TicketTierDetails {
  name: string;
  price: Money;
  allocation: number;
  kills: number;
  comps: number;
  sold: number;
}

/**
 * How an event's tickets are given: `ticketTiers`, the whole set, or the one-tier
 * shortcut `capacity` + `ticketPrice` (+ `ticketsSold`) that clients wrote before tiers.
 * Absent fields are undefined.
 */
export interface EventTickets {
  ticketTiers?: readonly TicketTierDetails[] | undefined;
  capacity?: number | undefined;
  ticketsSold?: number | undefined;
  ticketPrice?: Money | undefined;
}

/**
 * More than any stadium or festival ground holds. GraphQL's Int and PostgreSQL's integer
 * end at 2^31 − 1, and a capacity near that is a typing error whose sums (a dashboard's,
 * an analysis's) overflow; bounded here, they stay far from it. A tier's allocation and
 * the event's capacity (over all tiers) both stay within it.
 */
export const maxCapacity = 1_000_000;

/** A seating chart has a handful of price levels; twenty leaves room for any of them. */
export const maxTicketTiers = 20;

/** The tier the one-tier shortcut creates, and the migration gave every event it found. */
export const generalAdmission = "General admission";

const shortcutFields = ["capacity", "ticketsSold", "ticketPrice"] as const;

// A price below 10^15 times a million tickets, summed over the tiers, has more digits
// than decimal.js's default 20 significant ones: exact sums need more.
const Exact = Decimal.clone({ precision: 50 });

const refusal = (problem: string): Checked<never> => ({ ok: false, problems: [problem] });

/** The tiers of a new event, or every problem: given as `ticketTiers`, or as the one-tier shortcut, never both. */
export function newEventTiers(tickets: EventTickets): Checked<TicketTierDetails[]> {
  const shortcut = shortcutFields.filter((field) => tickets[field] !== undefined);
  if (tickets.ticketTiers !== undefined) {
    if (shortcut.length > 0) return refusal(eitherOr(shortcut));
    return checkTicketTiers(tickets.ticketTiers);
  }
  const { capacity, ticketPrice } = tickets;
  if (capacity === undefined || ticketPrice === undefined) {
    const missing = (["capacity", "ticketPrice"] as const).filter((field) => tickets[field] === undefined);
    return refusal(`Give the tickets as ticketTiers, or as capacity and ticketPrice (missing: ${missing.join(", ")}).`);
  }
  const blank: TicketTierDetails = { name: generalAdmission, price: ticketPrice, allocation: 0, kills: 0, comps: 0, sold: 0 };
  return oneTierOf(checkShortcut(blank, { capacity, ticketsSold: tickets.ticketsSold ?? 0, ticketPrice }));
}

/**
 * An event's new tiers after an update, null when the update leaves them alone, or every
 * problem. `ticketTiers` replaces the whole set. The shortcut changes the one tier of an
 * event that has exactly one (its allocation becomes capacity + its kills); an event
 * with several has no single capacity or price to set, so it is refused. `current` is
 * never empty: an event stored without tiers is read as `legacyTiers` of its figures.
 */
export function changedTicketTiers(current: readonly TicketTierDetails[], tickets: EventTickets): Checked<TicketTierDetails[] | null> {
  const shortcut = shortcutFields.filter((field) => tickets[field] !== undefined);
  if (tickets.ticketTiers !== undefined) {
    if (shortcut.length > 0) return refusal(eitherOr(shortcut));
    return checkTicketTiers(tickets.ticketTiers);
  }
  if (shortcut.length === 0) return { ok: true, value: null };
  const [tier, ...others] = current;
  if (!tier || others.length > 0) {
    return refusal(
      `This event has ${current.length} ticket tiers, so ${shortcut.join(", ")} cannot be set on their own: ` +
        "they are figures of the whole set. Send ticketTiers, the whole new set, instead.",
    );
  }
  return oneTierOf(checkShortcut(tier, tickets));
}

/** The one tier an event stored without tiers stands for: its figures as general admission. */
export function legacyTiers(figures: { capacity: number; ticketsSold: number; ticketPrice: Money }): TicketTierDetails[] {
  return [{ name: generalAdmission, price: figures.ticketPrice, allocation: figures.capacity, kills: 0, comps: 0, sold: figures.ticketsSold }];
}

function eitherOr(shortcut: readonly string[]): string {
  return `Give the tickets either as ticketTiers or as capacity, ticketsSold and ticketPrice, not both (got ticketTiers with ${shortcut.join(", ")}).`;
}

const oneTierOf = (checked: Checked<TicketTierDetails>): Checked<TicketTierDetails[]> => (checked.ok ? { ok: true, value: [checked.value] } : checked);

/**
 * The shortcut applied to one tier, checked in the words the client used: capacity is
 * what the tier can hold once its kills are out, ticketsSold its paid tickets.
 */
function checkShortcut(tier: TicketTierDetails, given: Pick<EventTickets, "capacity" | "ticketsSold" | "ticketPrice">): Checked<TicketTierDetails> {
  const problems: string[] = [];
  const capacity = given.capacity ?? tier.allocation - tier.kills;
  const sold = given.ticketsSold ?? tier.sold;
  const price = given.ticketPrice ?? tier.price;
  const capacityValid = isWhole(capacity) && capacity >= 0 && capacity <= maxCapacity;
  if (!capacityValid) problems.push(`capacity must be a whole number from 0 to ${maxCapacity} (got ${capacity}).`);
  if (!isWhole(sold) || sold < 0) {
    problems.push(`ticketsSold must be a whole number, 0 or more (got ${sold}).`);
  } else if (capacityValid && sold + tier.comps > capacity) {
    problems.push(
      tier.comps === 0
        ? `ticketsSold (${sold}) must not exceed capacity (${capacity}).`
        : `ticketsSold (${sold}) and the tier's comps (${tier.comps}) must not exceed capacity (${capacity}).`,
    );
  }
  const priceProblem = ticketPriceProblem(price);
  if (priceProblem) problems.push(priceProblem);
  if (capacityValid && capacity + tier.kills > maxCapacity) {
    problems.push(`capacity (${capacity}) and the tier's kills (${tier.kills}) must not add up to more than ${maxCapacity}.`);
  }
  return verdict({ ...tier, price, allocation: capacity + tier.kills, sold }, problems);
}

/**
 * A whole set of tiers, names trimmed, or every rule it breaks: 1 to 20 tiers with
 * distinct names, all priced in one currency (the event's), each within its allocation,
 * and together within an event's capacity.
 */
export function checkTicketTiers(tiers: readonly TicketTierDetails[]): Checked<TicketTierDetails[]> {
  const problems: string[] = [];
  if (tiers.length < 1 || tiers.length > maxTicketTiers) problems.push(`ticketTiers must hold 1 to ${maxTicketTiers} tiers (got ${tiers.length}).`);
  const checked = tiers.map((tier, index) => checkTier(tier, `ticketTiers[${index}]`, problems));
  const names = checked.map((tier) => tier.name);
  const repeated = [...new Set(names.filter((name, index) => name !== "" && names.indexOf(name) !== index))];
  if (repeated.length > 0) problems.push(`ticketTiers must have distinct names; more than once: ${repeated.map((name) => `"${name}"`).join(", ")}.`);
  const currencies = [...new Set(tiers.map((tier) => tier.price.currency))];
  if (currencies.length > 1) problems.push(`ticketTiers must all be priced in one currency, the event's (got ${currencies.join(", ")}).`);
  if (checked.every(hasWholeCounts)) {
    const capacity = capacityOf(checked);
    if (capacity > maxCapacity) {
      problems.push(`ticketTiers add up to a capacity of ${capacity} (allocation minus kills, over all tiers); an event holds at most ${maxCapacity}.`);
    }
  }
  return verdict(checked, problems);
}

function checkTier(tier: TicketTierDetails, field: string, problems: string[]): TicketTierDetails {
  const name = checkText(`${field}.name`, tier.name, { min: 1, max: 100 }, problems);
  const priceProblem = ticketPriceProblem(tier.price, `${field}.price`);
  if (priceProblem) problems.push(priceProblem);
  if (!isWhole(tier.allocation) || tier.allocation < 0 || tier.allocation > maxCapacity) {
    problems.push(`${field}.allocation must be a whole number from 0 to ${maxCapacity} (got ${tier.allocation}).`);
  }
  for (const count of ["kills", "comps", "sold"] as const) {
    if (!isWhole(tier[count]) || tier[count] < 0) problems.push(`${field}.${count} must be a whole number, 0 or more (got ${tier[count]}).`);
  }
  if (hasWholeCounts(tier) && tier.kills + tier.comps + tier.sold > tier.allocation) {
    problems.push(
      `${field} ("${name}"): kills (${tier.kills}), comps (${tier.comps}) and sold (${tier.sold}) add up to ` +
        `${tier.kills + tier.comps + tier.sold}, more than its allocation (${tier.allocation}).`,
    );
  }
  return { ...tier, name };
}

const isWhole = (count: number) => Number.isInteger(count);
const hasWholeCounts = (tier: TierCounts) => [tier.allocation, tier.kills, tier.comps, tier.sold].every((count) => isWhole(count) && count >= 0);

// ---------------------------------------------------------------------------------
// A replacement of an event's tiers, as rows to write.

/** A tier as stored: its id and display position besides its details. */
export interface StoredTicketTier extends TicketTierDetails {
  id: string;
  position: number;
}

export interface TicketTierReplacement {
  /** Ids of stored tiers whose names the new set no longer has. */
  deleted: string[];
  /** Stored tiers the new set names again, with their new position and details; only those that change. */
  changed: StoredTicketTier[];
  /** Tiers with names not stored before, with their position. */
  added: (TicketTierDetails & { position: number })[];
}

/**
 * How to turn the stored tiers into `next` (positions in its order): a tier named again
 * keeps its id, so what points at it (a report, a sales channel) keeps pointing at it;
 * new names are added and missing ones deleted.
 */
export function ticketTierReplacement(stored: readonly StoredTicketTier[], next: readonly TicketTierDetails[]): TicketTierReplacement {
  const byName = new Map(stored.map((tier) => [tier.name, tier]));
  const nextNames = new Set(next.map((tier) => tier.name));
  const changed: StoredTicketTier[] = [];
  const added: (TicketTierDetails & { position: number })[] = [];
  next.forEach((tier, position) => {
    const kept = byName.get(tier.name);
    if (!kept) added.push({ ...tier, position });
    else if (kept.position !== position || !sameTier(kept, tier)) changed.push({ ...tier, id: kept.id, position });
  });
  return { deleted: stored.filter((tier) => !nextNames.has(tier.name)).map((tier) => tier.id), changed, added };
}

function sameTier(left: TicketTierDetails, right: TicketTierDetails): boolean {
  return (
    left.price.currency === right.price.currency &&
    new Decimal(left.price.amount).equals(right.price.amount) &&
    left.allocation === right.allocation &&
    left.kills === right.kills &&
    left.comps === right.comps &&
    left.sold === right.sold
  );
}

// ---------------------------------------------------------------------------------
// The figures of tiers: exact decimals, never floats.

export interface TierCounts {
  allocation: number;
  kills: number;
  comps: number;
  sold: number;
}

/** A tier's counts and its price's amount, in the event's currency. */
export interface PricedTierCounts extends TierCounts {
  price: Decimal.Value;
}

/** The tickets a tier can sell for money: its allocation without kills and comps. */
export const sellableOf = (tier: TierCounts): number => tier.allocation - tier.kills - tier.comps;

/** The tickets a tier still has to sell. */
export const availableOf = (tier: TierCounts): number => sellableOf(tier) - tier.sold;

/** The event's capacity over its tiers: the seats that can be used, Σ (allocation − kills). */
export const capacityOf = (tiers: readonly TierCounts[]): number => tiers.reduce((sum, tier) => sum + tier.allocation - tier.kills, 0);

/** What the tier brings in if every sellable ticket sells: price × (allocation − kills − comps). */
export const grossPotentialOf = (tier: PricedTierCounts): Decimal => new Exact(tier.price).times(sellableOf(tier));

/** What the tier's paid tickets brought in: price × sold. */
export const grossSalesOf = (tier: PricedTierCounts): Decimal => new Exact(tier.price).times(tier.sold);

export interface TicketTotals {
  grossPotential: Decimal;
  grossSales: Decimal;
  /** Tickets sold as a percent of the sellable tickets, 2 decimals rounded half up; "0.00" when nothing is sellable. */
  sellThrough: string;
}

/** An event's ticket totals over its tiers. */
export function ticketTotalsOf(tiers: readonly PricedTierCounts[]): TicketTotals {
  const zero = new Exact(0);
  const grossPotential = tiers.reduce((sum, tier) => sum.plus(grossPotentialOf(tier)), zero);
  const grossSales = tiers.reduce((sum, tier) => sum.plus(grossSalesOf(tier)), zero);
  const sellable = tiers.reduce((sum, tier) => sum + sellableOf(tier), 0);
  const sold = tiers.reduce((sum, tier) => sum + tier.sold, 0);
  const sellThrough = sellable <= 0 ? "0.00" : new Exact(sold).times(100).dividedBy(sellable).toFixed(2, Decimal.ROUND_HALF_UP);
  return { grossPotential, grossSales, sellThrough };
}
