// The demo world's events and artists (README, "Demo data"), with fixed ids so that
// other modules' seeds can point at them (Finance books expenses against
// `demoEvents.chicago.id`, say) and stay in step with Base's.
//
// Dates are not fixed: each event is placed a number of days after the day the demo is
// seeded, at a wall-clock time in its venue's time zone. A fixed calendar would turn
// every "upcoming" event into a past one a few months after it was written; relative
// days keep a freshly started demo's dashboard full, while the local times (20:00 in
// Berlin, in New York) stay what a promoter would book, on either side of a
// daylight-saving change.
//
// They live in the kit, beside the demo tenants, so that a module's seed reads Base's
// demo ids without depending on Base's code (spec §5.2: no module-to-module coupling).
import { demoCompanies } from "./demo-tenants.ts";

/** The event statuses of Base's lifecycle, as Base's seed writes them. */
type DemoEventStatus = "DRAFT" | "ANNOUNCED" | "ON_SALE" | "SOLD_OUT" | "CANCELLED" | "COMPLETED";

interface DemoMoney {
  amount: string;
  currency: string;
}

interface DemoLocation {
  venueName: string;
  city: string;
  country: string;
  latitude: number;
  longitude: number;
  timeZone: string;
}

export interface DemoArtist {
  id: string;
  companyId: string;
  name: string;
  genres: readonly string[];
  homeCity: string;
  homeCountry: string;
}

export interface DemoEvent {
  id: string;
  companyId: string;
  name: string;
  description: string | null;
  status: DemoEventStatus;
  /** Days after the seed day (negative: before it) of the local calendar date it starts on. */
  day: number;
  /** Local wall-clock start, HH:mm, in the venue's time zone. */
  localStart: string;
  hours: number;
  location: DemoLocation;
  capacity: number;
  ticketsSold: number;
  ticketPrice: DemoMoney;
  /** Artist ids in billing order. */
  lineup: readonly string[];
}

const northwind = demoCompanies.northwind.id;
const harbor = demoCompanies.harbor.id;

export const demoArtists = {
  auroraLane: { id: "3f1a7c52-8d4e-4b6a-9c21-5a0e8b7d0001", companyId: northwind, name: "Aurora Lane", genres: ["indie pop", "folk"], homeCity: "Portland", homeCountry: "US" },
  midnightTide: { id: "3f1a7c52-8d4e-4b6a-9c21-5a0e8b7d0002", companyId: northwind, name: "The Midnight Tide", genres: ["indie rock"], homeCity: "Manchester", homeCountry: "GB" },
  kasimirVale: { id: "3f1a7c52-8d4e-4b6a-9c21-5a0e8b7d0003", companyId: northwind, name: "Kasimir Vale", genres: ["electronic", "techno"], homeCity: "Berlin", homeCountry: "DE" },
  luaMoreno: { id: "3f1a7c52-8d4e-4b6a-9c21-5a0e8b7d0004", companyId: northwind, name: "Lúa Moreno", genres: ["latin pop", "pop"], homeCity: "Madrid", homeCountry: "ES" },
  brassRepublic: { id: "3f1a7c52-8d4e-4b6a-9c21-5a0e8b7d0005", companyId: northwind, name: "Brass Republic", genres: ["jazz", "funk"], homeCity: "New Orleans", homeCountry: "US" },
  neonHarbor: { id: "3f1a7c52-8d4e-4b6a-9c21-5a0e8b7d0006", companyId: northwind, name: "Neon Harbor", genres: ["synthwave", "electronic"], homeCity: "Los Angeles", homeCountry: "US" },
  sagaNord: { id: "3f1a7c52-8d4e-4b6a-9c21-5a0e8b7d0007", companyId: northwind, name: "Saga Nord", genres: ["folk", "indie pop"], homeCity: "Stockholm", homeCountry: "SE" },
  deepSignal: { id: "3f1a7c52-8d4e-4b6a-9c21-5a0e8b7d0008", companyId: northwind, name: "Deep Signal", genres: ["hip hop"], homeCity: "Atlanta", homeCountry: "US" },
  elbeQuartet: { id: "3f1a7c52-8d4e-4b6a-9c21-5a0e8b7d0101", companyId: harbor, name: "Elbe Quartet", genres: ["jazz", "chamber"], homeCity: "Hamburg", homeCountry: "DE" },
  nordlichtCollective: { id: "3f1a7c52-8d4e-4b6a-9c21-5a0e8b7d0102", companyId: harbor, name: "Nordlicht Collective", genres: ["electronic", "house"], homeCity: "Hamburg", homeCountry: "DE" },
} as const satisfies Record<string, DemoArtist>;

const venues = {
  thaliaHall: { venueName: "Thalia Hall", city: "Chicago", country: "US", latitude: 41.8577, longitude: -87.6594, timeZone: "America/Chicago" },
  brooklynSteel: { venueName: "Brooklyn Steel", city: "New York", country: "US", latitude: 40.7195, longitude: -73.9386, timeZone: "America/New_York" },
  roundhouse: { venueName: "Roundhouse", city: "London", country: "GB", latitude: 51.5432, longitude: -0.1519, timeZone: "Europe/London" },
  columbiahalle: { venueName: "Columbiahalle", city: "Berlin", country: "DE", latitude: 52.4836, longitude: 13.3923, timeZone: "Europe/Berlin" },
  wizinkCenter: { venueName: "WiZink Center", city: "Madrid", country: "ES", latitude: 40.4241, longitude: -3.6717, timeZone: "Europe/Madrid" },
  tipitinas: { venueName: "Tipitina's", city: "New Orleans", country: "US", latitude: 29.9179, longitude: -90.1041, timeZone: "America/Chicago" },
  wiltern: { venueName: "The Wiltern", city: "Los Angeles", country: "US", latitude: 34.0617, longitude: -118.3089, timeZone: "America/Los_Angeles" },
  berns: { venueName: "Berns", city: "Stockholm", country: "SE", latitude: 59.3336, longitude: 18.0742, timeZone: "Europe/Stockholm" },
  tabernacle: { venueName: "The Tabernacle", city: "Atlanta", country: "US", latitude: 33.7589, longitude: -84.3915, timeZone: "America/New_York" },
  laCigale: { venueName: "La Cigale", city: "Paris", country: "FR", latitude: 48.8822, longitude: 2.3405, timeZone: "Europe/Paris" },
  kaufleuten: { venueName: "Kaufleuten", city: "Zürich", country: "CH", latitude: 47.3717, longitude: 8.5353, timeZone: "Europe/Zurich" },
  ziggoDome: { venueName: "Ziggo Dome", city: "Amsterdam", country: "NL", latitude: 52.3136, longitude: 4.9372, timeZone: "Europe/Amsterdam" },
  fillmoreMiami: { venueName: "The Fillmore Miami Beach", city: "Miami Beach", country: "US", latitude: 25.7958, longitude: -80.1313, timeZone: "America/New_York" },
  crystalBallroom: { venueName: "Crystal Ballroom", city: "Portland", country: "US", latitude: 45.5231, longitude: -122.6847, timeZone: "America/Los_Angeles" },
  muffatwerk: { venueName: "Muffatwerk", city: "Munich", country: "DE", latitude: 48.1322, longitude: 11.5880, timeZone: "Europe/Berlin" },
  vicarStreet: { venueName: "Vicar Street", city: "Dublin", country: "IE", latitude: 53.3427, longitude: -6.2796, timeZone: "Europe/Dublin" },
  harborHall: { venueName: "Harbor Hall", city: "Hamburg", country: "DE", latitude: 53.5453, longitude: 9.9666, timeZone: "Europe/Berlin" },
} as const satisfies Record<string, DemoLocation>;

const usd = (amount: string): DemoMoney => ({ amount, currency: "USD" });
const eur = (amount: string): DemoMoney => ({ amount, currency: "EUR" });
const a = demoArtists;

export const demoEvents = {
  // Northwind Live: a promoter touring artists through US and European cities.
  portlandWarmUp: {
    id: "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0001", companyId: northwind, name: "Aurora Lane — Winter Warm-Up, Portland",
    description: "Hometown show before the spring tour.", status: "COMPLETED", day: -40, localStart: "20:00", hours: 3,
    location: venues.crystalBallroom, capacity: 1500, ticketsSold: 1432, ticketPrice: usd("40.00"), lineup: [a.auroraLane.id],
  },
  munich: {
    id: "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0002", companyId: northwind, name: "Kasimir Vale — Munich",
    description: null, status: "COMPLETED", day: -25, localStart: "22:00", hours: 5,
    location: venues.muffatwerk, capacity: 1200, ticketsSold: 1200, ticketPrice: eur("35.00"), lineup: [a.kasimirVale.id],
  },
  dublin: {
    id: "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0003", companyId: northwind, name: "The Midnight Tide — Dublin",
    description: "Support: Saga Nord.", status: "COMPLETED", day: -12, localStart: "20:00", hours: 3,
    location: venues.vicarStreet, capacity: 1000, ticketsSold: 870, ticketPrice: eur("39.50"), lineup: [a.midnightTide.id, a.sagaNord.id],
  },
  chicago: {
    id: "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0004", companyId: northwind, name: "Aurora Lane — Spring Tour, Chicago",
    description: "Opening night of the spring tour. Support: Saga Nord.", status: "ON_SALE", day: 14, localStart: "20:00", hours: 3,
    location: venues.thaliaHall, capacity: 800, ticketsSold: 612, ticketPrice: usd("45.00"), lineup: [a.auroraLane.id, a.sagaNord.id],
  },
  brooklyn: {
    id: "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0005", companyId: northwind, name: "Aurora Lane — Spring Tour, Brooklyn",
    description: null, status: "SOLD_OUT", day: 17, localStart: "20:00", hours: 3,
    location: venues.brooklynSteel, capacity: 1800, ticketsSold: 1800, ticketPrice: usd("52.50"), lineup: [a.auroraLane.id, a.sagaNord.id],
  },
  london: {
    id: "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0006", companyId: northwind, name: "The Midnight Tide at the Roundhouse",
    description: null, status: "ON_SALE", day: 24, localStart: "19:30", hours: 3,
    location: venues.roundhouse, capacity: 1700, ticketsSold: 940, ticketPrice: { amount: "38.50", currency: "GBP" }, lineup: [a.midnightTide.id],
  },
  miami: {
    id: "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0007", companyId: northwind, name: "Deep Signal — Miami Beach",
    description: "Cancelled: the venue closed for renovation.", status: "CANCELLED", day: 30, localStart: "21:00", hours: 3,
    location: venues.fillmoreMiami, capacity: 2000, ticketsSold: 0, ticketPrice: usd("55.00"), lineup: [a.deepSignal.id],
  },
  berlin: {
    id: "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0008", companyId: northwind, name: "Kasimir Vale — Columbiahalle Nights",
    description: "Runs past midnight: doors 22:00, close 04:00.", status: "ON_SALE", day: 31, localStart: "22:00", hours: 6,
    location: venues.columbiahalle, capacity: 3500, ticketsSold: 2100, ticketPrice: eur("42.00"), lineup: [a.kasimirVale.id, a.neonHarbor.id],
  },
  madrid: {
    id: "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0009", companyId: northwind, name: "Lúa Moreno en Madrid",
    description: null, status: "ON_SALE", day: 38, localStart: "21:00", hours: 3,
    location: venues.wizinkCenter, capacity: 15000, ticketsSold: 9800, ticketPrice: eur("55.00"), lineup: [a.luaMoreno.id],
  },
  newOrleans: {
    id: "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0010", companyId: northwind, name: "Brass Republic — Jazz Fest Warm-Up",
    description: null, status: "ANNOUNCED", day: 45, localStart: "19:00", hours: 4,
    location: venues.tipitinas, capacity: 1000, ticketsSold: 0, ticketPrice: usd("35.00"), lineup: [a.brassRepublic.id],
  },
  losAngeles: {
    id: "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0011", companyId: northwind, name: "Neon Harbor — Retrograde Tour, Los Angeles",
    description: null, status: "ANNOUNCED", day: 52, localStart: "20:00", hours: 3,
    location: venues.wiltern, capacity: 1850, ticketsSold: 0, ticketPrice: usd("48.00"), lineup: [a.neonHarbor.id, a.kasimirVale.id],
  },
  stockholm: {
    id: "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0012", companyId: northwind, name: "Saga Nord — Stockholm",
    description: null, status: "ON_SALE", day: 60, localStart: "20:00", hours: 2,
    location: venues.berns, capacity: 1000, ticketsSold: 430, ticketPrice: { amount: "450.00", currency: "SEK" }, lineup: [a.sagaNord.id],
  },
  atlanta: {
    id: "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0013", companyId: northwind, name: "Deep Signal Live — Atlanta",
    description: null, status: "ON_SALE", day: 67, localStart: "21:00", hours: 3,
    location: venues.tabernacle, capacity: 2600, ticketsSold: 1400, ticketPrice: usd("60.00"), lineup: [a.deepSignal.id],
  },
  paris: {
    id: "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0014", companyId: northwind, name: "The Midnight Tide — Paris",
    description: "Hold: waiting for the venue contract.", status: "DRAFT", day: 75, localStart: "20:00", hours: 3,
    location: venues.laCigale, capacity: 1400, ticketsSold: 0, ticketPrice: eur("40.00"), lineup: [a.midnightTide.id],
  },
  zurich: {
    id: "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0015", companyId: northwind, name: "Brass Republic — Zürich",
    description: null, status: "ANNOUNCED", day: 90, localStart: "20:00", hours: 3,
    location: venues.kaufleuten, capacity: 700, ticketsSold: 0, ticketPrice: { amount: "49.00", currency: "CHF" }, lineup: [a.brassRepublic.id],
  },
  amsterdamFestival: {
    id: "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0016", companyId: northwind, name: "Northwind Summer Sessions — Amsterdam",
    description: "All-day festival, four acts.", status: "DRAFT", day: 120, localStart: "14:00", hours: 10,
    location: venues.ziggoDome, capacity: 17000, ticketsSold: 0, ticketPrice: eur("89.00"),
    lineup: [a.luaMoreno.id, a.kasimirVale.id, a.auroraLane.id, a.neonHarbor.id],
  },

  // Harbor Hall: a venue operator in Hamburg. It has no `basic` module, yet its events
  // live here, where Finance and Venue read them.
  harborSeasonClosing: {
    id: "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0101", companyId: harbor, name: "Elbe Quartet — Season Closing",
    description: null, status: "COMPLETED", day: -18, localStart: "20:00", hours: 3,
    location: venues.harborHall, capacity: 900, ticketsSold: 880, ticketPrice: eur("29.00"), lineup: [a.elbeQuartet.id],
  },
  harborJazzNight: {
    id: "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0102", companyId: harbor, name: "Harbor Hall Jazz Night: Elbe Quartet",
    description: null, status: "ON_SALE", day: 10, localStart: "20:00", hours: 3,
    location: venues.harborHall, capacity: 900, ticketsSold: 455, ticketPrice: eur("29.00"), lineup: [a.elbeQuartet.id],
  },
  harborClubNight: {
    id: "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0103", companyId: harbor, name: "Nordlicht Collective — Club Night",
    description: null, status: "ON_SALE", day: 21, localStart: "23:00", hours: 5,
    location: venues.harborHall, capacity: 900, ticketsSold: 300, ticketPrice: eur("22.00"), lineup: [a.nordlichtCollective.id],
  },
  harborAnniversaryGala: {
    id: "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0104", companyId: harbor, name: "Harbor Hall Anniversary Gala",
    description: "Ten years of Harbor Hall.", status: "ANNOUNCED", day: 49, localStart: "19:00", hours: 4,
    location: venues.harborHall, capacity: 900, ticketsSold: 0, ticketPrice: eur("65.00"), lineup: [a.elbeQuartet.id, a.nordlichtCollective.id],
  },
} as const satisfies Record<string, DemoEvent>;

/**
 * Market's demo contracts that another module's demo names (a settlement act paid under
 * one): their ids are fixed, as the shared entities' are, so that each module seeds alone.
 */
export const demoContracts = {
  /** Aurora Lane at Thalia Hall, Chicago: signed; Finance's draft settlement of the show is paid under it. */
  chicagoAuroraLane: { id: "8a4e2c17-3d9b-4f60-a1c5-7e2b9d4c0001" },
} as const satisfies Record<string, { id: string }>;
