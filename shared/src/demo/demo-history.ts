// Two years of Northwind Live's past shows, so that analytics and predictions have a
// history to speak about (README, "Demo data"). The figures are generated, not invented
// one by one: a seeded pseudo-random generator draws each show's date, city, capacity,
// headliner and announcement lead time, and its sell-through follows a KNOWN signal
// (`demoHistorySignal`) plus noise. The same seed day always gives the same history, and
// a model fitted on it can be checked against the effects that made it.
//
// Days are counted from the seed day, like the other demo events, so the history always
// ends just before the demo's own past shows. Weekday and season are those of the show's
// actual local date, which is why the generator needs the seed day.
import { demoArtists, demoEvents, type DemoEvent } from "./demo-entities.ts";
import { demoCompanies } from "./demo-tenants.ts";

/** A completed show of the generated history. */
export interface DemoPastEvent extends DemoEvent {
  status: "COMPLETED";
  /** How many days before the show it was announced (its record created). */
  announcedDaysBefore: number;
}

type ArtistKey = "auroraLane" | "luaMoreno" | "kasimirVale" | "midnightTide" | "deepSignal" | "neonHarbor" | "brassRepublic" | "sagaNord";
type VenueKey = "portland" | "newYork" | "london" | "berlin" | "madrid" | "losAngeles" | "stockholm" | "dublin" | "munich";

/** The effects the history is generated from, added to a show's sell-through (tickets sold / capacity). */
export const demoHistorySignal = {
  baseSellThrough: 0.6,
  /** How strongly each headliner draws. */
  artist: { luaMoreno: 0.15, auroraLane: 0.12, kasimirVale: 0.07, midnightTide: 0.04, deepSignal: 0, neonHarbor: -0.03, brassRepublic: -0.08, sagaNord: -0.11 } satisfies Record<ArtistKey, number>,
  city: { portland: 0.05, newYork: 0.04, london: 0.03, berlin: 0.02, madrid: 0, losAngeles: -0.01, stockholm: -0.03, dublin: 0.01, munich: -0.02 } satisfies Record<VenueKey, number>,
  /** By local weekday, Sunday first: weekend nights sell, early-week nights do not. */
  weekday: [-0.02, -0.1, -0.07, -0.05, 0, 0.06, 0.08],
  /** A yearly season peaking in December and bottoming out in June (cosine of the month). */
  seasonAmplitude: 0.06,
  /** Each day of announcement lead time adds this much (more time to sell). */
  perLeadDay: 0.0008,
  /** Each doubling of capacity over 1,500 takes this much (bigger rooms are harder to fill). */
  perCapacityDoubling: -0.07,
  /** Standard deviation of the show-to-show noise. */
  noiseSd: 0.05,
} as const;

export const demoHistorySize = 150;
const firstDay = -730;
const lastDay = -45;
const randomSeed = 20_261_124;
const dayMs = 86_400_000;

/** The venues Northwind tours most, each with the capacities its rooms are sold at. */
const circuit: Record<VenueKey, { event: DemoEvent; capacities: number[] }> = {
  portland: { event: demoEvents.portlandWarmUp, capacities: [900, 1200, 1500] },
  newYork: { event: demoEvents.brooklyn, capacities: [1200, 1800] },
  london: { event: demoEvents.london, capacities: [1700, 3300] },
  berlin: { event: demoEvents.berlin, capacities: [2000, 3500] },
  madrid: { event: demoEvents.madrid, capacities: [4000, 8000, 15000] },
  losAngeles: { event: demoEvents.losAngeles, capacities: [1850] },
  stockholm: { event: demoEvents.stockholm, capacities: [700, 1000] },
  dublin: { event: demoEvents.dublin, capacities: [1000] },
  munich: { event: demoEvents.munich, capacities: [1200, 1500] },
};

/** mulberry32: a small, fast, seedable generator of uniform numbers in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function generatorOf(seed: number) {
  const uniform = mulberry32(seed);
  return {
    uniform,
    integer: (min: number, max: number) => min + Math.floor(uniform() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(uniform() * items.length)]!,
    // Box–Muller: two uniforms make one standard normal draw.
    normal: (sd: number) => sd * Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform()),
  };
}

/** `count` distinct days in [from, to], in ascending order (a partial Fisher–Yates shuffle). */
function distinctDays(random: ReturnType<typeof generatorOf>, count: number, from: number, to: number): number[] {
  const days = Array.from({ length: to - from + 1 }, (_, index) => from + index);
  for (let index = 0; index < count; index += 1) {
    const other = random.integer(index, days.length - 1);
    [days[index], days[other]] = [days[other]!, days[index]!];
  }
  return days.slice(0, count).sort((left, right) => left - right);
}

/** The sell-through the signal gives a show, before noise. */
function signalSellThrough(show: { headliner: ArtistKey; venue: VenueKey; localDate: Date; capacity: number; announcedDaysBefore: number }): number {
  const signal = demoHistorySignal;
  const month = show.localDate.getUTCMonth() + 1;
  return (
    signal.baseSellThrough +
    signal.artist[show.headliner] +
    signal.city[show.venue] +
    signal.weekday[show.localDate.getUTCDay()]! +
    signal.seasonAmplitude * Math.cos((2 * Math.PI * (month - 12)) / 12) +
    signal.perLeadDay * show.announcedDaysBefore +
    signal.perCapacityDoubling * Math.log2(show.capacity / 1500)
  );
}

const pastEventId = (index: number) => `6c2d9e41-7b3a-4f58-8e11-${(index + 1).toString(16).padStart(12, "0")}`;

/** Northwind Live's generated past shows, earliest first, placed relative to `seedDay`. */
export function demoHistory(seedDay: Date): DemoPastEvent[] {
  const random = generatorOf(randomSeed);
  const artists = Object.keys(demoHistorySignal.artist) as ArtistKey[];
  const venues = Object.keys(circuit) as VenueKey[];
  return distinctDays(random, demoHistorySize, firstDay, lastDay).map((day, index) => {
    const headliner = random.pick(artists);
    const venue = random.pick(venues);
    const { event: model, capacities } = circuit[venue];
    const capacity = random.pick(capacities);
    const announcedDaysBefore = random.integer(21, 180);
    const support = random.uniform() < 0.3 ? random.pick(artists.filter((artist) => artist !== headliner)) : null;
    // The local calendar date is the UTC date `day` days after the seed day, as Base's seed places it.
    const localDate = new Date(seedDay.getTime() + day * dayMs);
    const sellThrough = signalSellThrough({ headliner, venue, localDate, capacity, announcedDaysBefore }) + random.normal(demoHistorySignal.noiseSd);
    const ticketsSold = Math.round(Math.min(1, Math.max(0.05, sellThrough)) * capacity);
    return {
      id: pastEventId(index),
      companyId: demoCompanies.northwind.id,
      name: `${demoArtists[headliner].name} — ${model.location.city}`,
      description: null,
      status: "COMPLETED",
      day,
      localStart: "20:00",
      hours: 3,
      location: model.location,
      capacity,
      ticketsSold,
      ticketPrice: model.ticketPrice,
      lineup: support ? [demoArtists[headliner].id, demoArtists[support].id] : [demoArtists[headliner].id],
      announcedDaysBefore,
    };
  });
}
