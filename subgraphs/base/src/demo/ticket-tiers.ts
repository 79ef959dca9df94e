// The demo events sold in several tiers, so that Sandbox shows ticket scaling: general
// admission, balcony or stands, VIP, with kills and comps. Every other demo event has one
// "General admission" tier of its figures. Each breakdown adds up to the figures the demo
// gives its event in demo-entities.ts (capacity = Σ allocation − kills, tickets sold =
// Σ sold, price = the lowest tier price), which other modules' seeds and tests rely on.
import { demoEvents, type DemoEvent } from "@marquee/kit/demo";

/** One tier of a demo event, priced in the event's currency. */
export interface DemoTicketTier {
  name: string;
  price: string;
  allocation: number;
  kills: number;
  comps: number;
  sold: number;
}

const tier = (name: string, price: string, allocation: number, counts: Partial<Pick<DemoTicketTier, "kills" | "comps" | "sold">> = {}): DemoTicketTier => ({
  name,
  price,
  allocation,
  kills: counts.kills ?? 0,
  comps: counts.comps ?? 0,
  sold: counts.sold ?? 0,
});

/** By demo event id. */
export const demoTicketTiers: Readonly<Record<string, readonly DemoTicketTier[]>> = {
  // 3500 seats (2800 + 600 − 24 + 124), 2100 sold (1760 + 300 + 40), from 42.00 EUR.
  [demoEvents.berlin.id]: [
    tier("Floor", "42.00", 2800, { comps: 40, sold: 1760 }),
    tier("Balcony", "55.00", 600, { kills: 24, comps: 16, sold: 300 }),
    tier("VIP lounge", "95.00", 124, { comps: 20, sold: 40 }),
  ],
  // 15000 seats (8000 + 6400 − 220 + 820), 9800 sold (6100 + 3400 + 300), from 55.00 EUR.
  [demoEvents.madrid.id]: [
    tier("Pista", "55.00", 8000, { comps: 150, sold: 6100 }),
    tier("Grada", "68.00", 6400, { kills: 220, comps: 80, sold: 3400 }),
    tier("VIP", "150.00", 820, { comps: 60, sold: 300 }),
  ],
  // A draft festival day: 17000 places (15000 + 1500 + 600 − 100), nothing sold yet, from 89.00 EUR.
  [demoEvents.amsterdamFestival.id]: [
    tier("Day ticket", "89.00", 15000),
    tier("Golden circle", "119.00", 1500),
    tier("VIP deck", "189.00", 600, { kills: 100 }),
  ],
};

/** The tiers Base seeds for a demo event: its breakdown, or one general admission tier of its figures. */
export function demoTiersOf(event: DemoEvent): readonly DemoTicketTier[] {
  return demoTicketTiers[event.id] ?? [tier("General admission", event.ticketPrice.amount, event.capacity, { sold: event.ticketsSold })];
}
