// The benchmark's world: one promoter with 50 members, 20 artists and 1,000 events, each
// event with two expenses and one income, a deal, a confirmed venue booking and a stop on
// its headliner's tour. It is written with plain SQL as the database administrator, a
// statement per table (a second, where writing through the API would take minutes), and
// every row is one the modules' own mutations could have written: each table's
// constraints (prisma/<owner>/migrations) hold, the deal points at its first version, the
// booking comes from a first-ranked hold that it closed, blocks carry the space's turnaround.
// Ids are made from each row's number, so the expected answers are computed here,
// independently of either gateway.
import pg from "pg";

export const eventCount = 1_000;
export const userCount = 50;
const artistCount = 20;
const pastEvents = eventCount / 2;
/** Every event's expenses are in one currency, so its totals are one entry. */
const currency = "EUR";
const ticketPriceCents = 3_500;
const turnaroundMinutes = 60;
const dayMs = 86_400_000;

/** A UUID numbered within its kind of row (version 4 layout, so any UUID check accepts it). */
const idOf = (kind: number, index: number) => `00000000-0000-4000-8${kind.toString(16).padStart(3, "0")}-${index.toString(16).padStart(12, "0")}`;
const kinds = { user: 1, membership: 2, artist: 3, event: 4, expense: 5, income: 6, deal: 7, version: 8, tour: 9, stop: 10, hold: 11, booking: 12, venue: 13, space: 14, layout: 15 };

export const company = { id: "00000000-0000-4000-8000-00000000c0de", name: "Bench Promotions", slug: "bench-promotions" };
export const users = Array.from({ length: userCount }, (_, index) => ({
  id: idOf(kinds.user, index),
  email: `member-${index}@bench.test`,
  displayName: `Bench Member ${index}`,
}));
const modules = ["basic", "finance", "market", "touring", "venue", "ai"];

const money = (cents: number) => `${cents < 0 ? "-" : ""}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, "0")}`;

export interface BenchEvent {
  index: number;
  id: string;
  name: string;
  startsAt: Date;
  endsAt: Date;
  status: "COMPLETED" | "ON_SALE";
  capacity: number;
  ticketsSold: number;
  artistIndex: number;
  expenseCents: [number, number];
  incomeCents: number;
  guaranteeCents: number;
}

/**
 * Half the events lie in the past (1 to 500 days before `seedDay`), half ahead (2 to 501 days
 * after): none ends or starts near the run, so "upcoming" cannot change while it lasts.
 */
export function eventsOf(seedDay: Date): BenchEvent[] {
  return Array.from({ length: eventCount }, (_, index) => {
    const day = index < pastEvents ? index - pastEvents : index - pastEvents + 2;
    const startsAt = new Date(seedDay.getTime() + day * dayMs + 19 * 3_600_000);
    const capacity = 800 + (index % 5) * 100;
    return {
      index,
      id: idOf(kinds.event, index),
      name: `Bench Night ${String(index).padStart(4, "0")}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 4 * 3_600_000),
      status: day < 0 ? "COMPLETED" : "ON_SALE",
      capacity,
      ticketsSold: day < 0 ? capacity - (index % 7) * 10 : (index % 11) * 20,
      artistIndex: index % artistCount,
      expenseCents: [40_000 + (index % 50) * 1_000, 12_550],
      incomeCents: 200_000 + index * 100,
      guaranteeCents: 100_000 + (index % 10) * 10_000,
    };
  });
}

/** The event the benchmark's mutation records expenses on: the last, which no measured query reads. */
export const mutationEvent = (events: BenchEvent[]) => events[eventCount - 1]!;

/** `INSERT … SELECT * FROM unnest(…)`: one statement and one round trip for any number of rows. */
async function insertRows(client: pg.ClientBase, table: string, columns: [name: string, type: string][], rows: unknown[][]): Promise<void> {
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const arrays = columns.map(([, type], position) => `$${position + 1}::${type}[]`).join(", ");
  await client.query(`INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays})`, columns.map((_, position) => rows.map((row) => row[position])));
}

/** Writes the world into a database whose schemas the subgraphs have migrated; `permissions` are every module's catalog keys. */
export async function seedWorld(databaseUrl: string, events: BenchEvent[], permissions: readonly string[], seedDay: Date): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const creator = users[0]!.id;
  const iso = (date: Date) => date.toISOString();
  const dayOf = (date: Date) => iso(date).slice(0, 10);
  try {
    await client.query("BEGIN");
    await insertRows(client, `"access"."company"`, [["id", "uuid"], ["name", "text"], ["slug", "text"]], [[company.id, company.name, company.slug]]);
    await insertRows(client, `"access"."entitlement"`, [["company_id", "uuid"], ["module_key", "text"], ["status", `"access"."entitlement_status"`]], modules.map((key) => [company.id, key, "ACTIVE"]));
    await insertRows(client, `"access"."app_user"`, [["id", "uuid"], ["email", "text"], ["display_name", "text"]], users.map((user) => [user.id, user.email, user.displayName]));
    const memberships = users.map((user, index) => ({ id: idOf(kinds.membership, index), userId: user.id }));
    await insertRows(client, `"access"."membership"`, [["id", "uuid"], ["user_id", "uuid"], ["company_id", "uuid"], ["status", `"access"."membership_status"`]], memberships.map((membership) => [membership.id, membership.userId, company.id, "ACTIVE"]));
    await insertRows(client, `"access"."membership_module_grant"`, [["membership_id", "uuid"], ["module_key", "text"]], memberships.flatMap((membership) => modules.map((key) => [membership.id, key])));
    await insertRows(
      client,
      `"access"."membership_permission"`,
      [["membership_id", "uuid"], ["module_key", "text"], ["permission", "text"]],
      memberships.flatMap((membership) => permissions.map((permission) => [membership.id, permission.split(".")[0], permission])),
    );

    const artists = Array.from({ length: artistCount }, (_, index) => ({ id: idOf(kinds.artist, index), name: `Bench Artist ${String(index).padStart(2, "0")}` }));
    await insertRows(client, `"base"."artist"`, [["id", "uuid"], ["company_id", "uuid"], ["name", "text"]], artists.map((artist) => [artist.id, company.id, artist.name]));
    await insertRows(
      client,
      `"base"."event"`,
      [["id", "uuid"], ["company_id", "uuid"], ["name", "text"], ["status", `"base"."event_status"`], ["starts_at", "timestamptz"], ["ends_at", "timestamptz"], ["time_zone", "text"], ["venue_name", "text"], ["city", "text"], ["country", "text"], ["latitude", "float8"], ["longitude", "float8"], ["capacity", "int4"], ["tickets_sold", "int4"], ["ticket_price", "numeric"], ["currency", "text"]],
      // UTC: an event's local date is its date in UTC, which the expected tour stops rely on.
      events.map((event) => [event.id, company.id, event.name, event.status, iso(event.startsAt), iso(event.endsAt), "UTC", "Bench Hall", "Leeds", "GB", 53.8, -1.55, event.capacity, event.ticketsSold, money(ticketPriceCents), currency]),
    );
    await insertRows(client, `"base"."event_lineup"`, [["company_id", "uuid"], ["event_id", "uuid"], ["artist_id", "uuid"], ["position", "int4"]], events.map((event) => [company.id, event.id, artists[event.artistIndex]!.id, 0]));

    await insertRows(
      client,
      `"finance"."expense"`,
      [["id", "uuid"], ["company_id", "uuid"], ["event_id", "uuid"], ["category", `"finance"."expense_category"`], ["description", "text"], ["amount", "numeric"], ["currency", "text"], ["incurred_on", "date"], ["created_by", "uuid"]],
      events.flatMap((event) => [
        [idOf(kinds.expense, event.index * 2), company.id, event.id, "PRODUCTION", "Stage and sound", money(event.expenseCents[0]), currency, dayOf(event.startsAt), creator],
        [idOf(kinds.expense, event.index * 2 + 1), company.id, event.id, "MARKETING", "Posters", money(event.expenseCents[1]), currency, dayOf(event.startsAt), creator],
      ]),
    );
    await insertRows(
      client,
      `"finance"."income"`,
      [["id", "uuid"], ["company_id", "uuid"], ["event_id", "uuid"], ["source", `"finance"."income_source"`], ["description", "text"], ["amount", "numeric"], ["currency", "text"], ["received_on", "date"], ["created_by", "uuid"]],
      events.map((event) => [idOf(kinds.income, event.index), company.id, event.id, "TICKETING", "Box office", money(event.incomeCents), currency, dayOf(event.startsAt), creator]),
    );

    // A deal and its first version point at each other: the deal first, then the version, then the deal's pointer.
    await insertRows(
      client,
      `"market"."deal"`,
      [["id", "uuid"], ["company_id", "uuid"], ["artist_id", "uuid"], ["event_id", "uuid"], ["status", `"market"."deal_status"`], ["created_by", "uuid"]],
      events.map((event) => [idOf(kinds.deal, event.index), company.id, artists[event.artistIndex]!.id, event.id, "DRAFT", creator]),
    );
    await insertRows(
      client,
      `"market"."deal_terms_version"`,
      [["id", "uuid"], ["company_id", "uuid"], ["deal_id", "uuid"], ["number", "int4"], ["kind", `"market"."terms_version_kind"`], ["side", `"market"."negotiating_side"`], ["currency", "text"], ["deal_type", `"market"."deal_type"`], ["guarantee", "numeric"], ["created_by", "uuid"]],
      events.map((event) => [idOf(kinds.version, event.index), company.id, idOf(kinds.deal, event.index), 1, "DRAFT", "PROMOTER", currency, "FLAT_GUARANTEE", money(event.guaranteeCents), creator]),
    );
    await client.query(`UPDATE "market"."deal" AS deal SET "current_version_id" = version."id" FROM "market"."deal_terms_version" AS version WHERE version."deal_id" = deal."id" AND deal."company_id" = $1`, [company.id]);

    // One tour per artist, its shows in date order.
    await insertRows(
      client,
      `"touring"."tour"`,
      [["id", "uuid"], ["company_id", "uuid"], ["artist_id", "uuid"], ["name", "text"], ["status", `"touring"."tour_status"`], ["daily_drive_limit_km", "int4"], ["created_by", "uuid"]],
      artists.map((artist, index) => [idOf(kinds.tour, index), company.id, artist.id, `${artist.name} on the road`, "CONFIRMED", 600, creator]),
    );
    await insertRows(
      client,
      `"touring"."tour_stop"`,
      [["id", "uuid"], ["company_id", "uuid"], ["tour_id", "uuid"], ["position", "int4"], ["kind", `"touring"."stop_kind"`], ["event_id", "uuid"], ["date_fixed", "bool"]],
      events.map((event) => [idOf(kinds.stop, event.index), company.id, idOf(kinds.tour, event.artistIndex), tourStopPosition(event), "SHOW", event.id, true]),
    );

    const venueId = idOf(kinds.venue, 0);
    const spaceId = idOf(kinds.space, 0);
    const layoutId = idOf(kinds.layout, 0);
    await insertRows(
      client,
      `"venue"."venue"`,
      [["id", "uuid"], ["company_id", "uuid"], ["name", "text"], ["address", "text"], ["city", "text"], ["country", "text"], ["time_zone", "text"], ["created_by", "uuid"]],
      [[venueId, company.id, "Bench Hall", "1 Bench Street", "Leeds", "GB", "UTC", creator]],
    );
    await insertRows(client, `"venue"."space"`, [["id", "uuid"], ["company_id", "uuid"], ["venue_id", "uuid"], ["name", "text"], ["turnaround_minutes", "int4"]], [[spaceId, company.id, venueId, "Main Hall", turnaroundMinutes]]);
    await insertRows(client, `"venue"."layout"`, [["id", "uuid"], ["company_id", "uuid"], ["space_id", "uuid"], ["name", "text"], ["kind", `"venue"."layout_kind"`]], [[layoutId, company.id, spaceId, "Standing", "STANDING"]]);
    await insertRows(client, `"venue"."layout_section"`, [["company_id", "uuid"], ["layout_id", "uuid"], ["position", "int4"], ["name", "text"], ["capacity", "int4"]], [[company.id, layoutId, 0, "Floor", 2_000]]);
    // A confirmed booking is the first-ranked hold it closed; both blocks claim the show plus the turnaround.
    const blockedUntil = (event: BenchEvent) => iso(new Date(event.endsAt.getTime() + turnaroundMinutes * 60_000));
    const confirmedAt = iso(seedDay);
    await insertRows(
      client,
      `"venue"."hold"`,
      [["id", "uuid"], ["company_id", "uuid"], ["venue_id", "uuid"], ["space_id", "uuid"], ["event_id", "uuid"], ["starts_at", "timestamptz"], ["ends_at", "timestamptz"], ["rank", "int4"], ["status", `"venue"."hold_status"`], ["created_by", "uuid"], ["closed_at", "timestamptz"], ["closed_by", "uuid"]],
      events.map((event) => [idOf(kinds.hold, event.index), company.id, venueId, spaceId, event.id, iso(event.startsAt), iso(event.endsAt), 1, "CONFIRMED", creator, confirmedAt, creator]),
    );
    await insertRows(
      client,
      `"venue"."hold_block"`,
      [["company_id", "uuid"], ["hold_id", "uuid"], ["space_id", "uuid"], ["rank", "int4"], ["status", `"venue"."hold_status"`], ["blocked_from", "timestamptz"], ["blocked_until", "timestamptz"]],
      events.map((event) => [company.id, idOf(kinds.hold, event.index), spaceId, 1, "CONFIRMED", iso(event.startsAt), blockedUntil(event)]),
    );
    await insertRows(
      client,
      `"venue"."booking"`,
      [["id", "uuid"], ["company_id", "uuid"], ["venue_id", "uuid"], ["space_id", "uuid"], ["layout_id", "uuid"], ["event_id", "uuid"], ["hold_id", "uuid"], ["starts_at", "timestamptz"], ["ends_at", "timestamptz"], ["status", `"venue"."booking_status"`], ["confirmed_at", "timestamptz"], ["confirmed_by", "uuid"]],
      events.map((event) => [bookingIdOf(event), company.id, venueId, spaceId, layoutId, event.id, idOf(kinds.hold, event.index), iso(event.startsAt), iso(event.endsAt), "CONFIRMED", confirmedAt, creator]),
    );
    await insertRows(
      client,
      `"venue"."booking_block"`,
      [["company_id", "uuid"], ["booking_id", "uuid"], ["space_id", "uuid"], ["status", `"venue"."booking_status"`], ["blocked_from", "timestamptz"], ["blocked_until", "timestamptz"]],
      events.map((event) => [company.id, bookingIdOf(event), spaceId, "CONFIRMED", iso(event.startsAt), blockedUntil(event)]),
    );
    await client.query("COMMIT");

    // The planner's statistics, as autovacuum would gather them on a long-lived database.
    await client.query("ANALYZE");
    await verifyCounts(client, permissions.length);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function verifyCounts(client: pg.ClientBase, permissionCount: number): Promise<void> {
  const expected: Record<string, number> = {
    "access.membership": userCount,
    "access.membership_permission": userCount * permissionCount,
    "base.event": eventCount,
    "finance.expense": eventCount * 2,
    "finance.income": eventCount,
    "market.deal": eventCount,
    "touring.tour_stop": eventCount,
    "venue.booking": eventCount,
  };
  for (const [table, count] of Object.entries(expected)) {
    const [schema, name] = table.split(".");
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "${schema}"."${name}"`);
    if (Number(rows[0]!.count) !== count) throw new Error(`The seed wrote ${rows[0]!.count} rows to ${table}, not ${count}.`);
  }
}

const bookingIdOf = (event: BenchEvent) => idOf(kinds.booking, event.index);
/** Each artist plays every 20th event, in date order: its stops are numbered along. */
const tourStopPosition = (event: BenchEvent) => Math.floor(event.index / artistCount);

const totalsOf = (event: BenchEvent) => [
  {
    currency,
    totalExpenses: { amount: money(event.expenseCents[0] + event.expenseCents[1]) },
    totalIncome: { amount: money(event.incomeCents) },
    net: { amount: money(event.incomeCents - event.expenseCents[0] - event.expenseCents[1]) },
  },
];

/** A fixed operation, and the answer the seed implies for it. */
export interface BenchQuery {
  key: string;
  label: string;
  query: string;
  mutation: boolean;
  expected: unknown;
}

export function benchQueries(events: BenchEvent[], seedDay: Date): BenchQuery[] {
  const first = events.slice(0, 20);
  const upcoming = events.slice(pastEvents, pastEvents + 10);
  const target = mutationEvent(events);
  return [
    {
      key: "Q1",
      label: "Q1 events(first: 20) with financeTotals (Base + Finance)",
      query: "query EventsWithTotals { events(first: 20) { edges { node { id name startsAt financeTotals { currency totalExpenses { amount } totalIncome { amount } net { amount } } } } } }",
      mutation: false,
      expected: { data: { events: { edges: first.map((event) => ({ node: { id: event.id, name: event.name, startsAt: event.startsAt.toISOString(), financeTotals: totalsOf(event) } })) } } },
    },
    {
      key: "Q2",
      label: "Q2 dashboard(upcomingCount: 10) with totals, deals, booking, tour stop (5 subgraphs)",
      query:
        "query Dashboard { dashboard(upcomingCount: 10) { upcomingEvents { id name startsAt financeTotals { currency net { amount } } " +
        "deals(first: 5) { edges { node { id status currentTerms { dealType guarantee { amount currency } } } } } " +
        "venueBooking { id status startsAt endsAt } tourStop { position kind date tour { name } } } } }",
      mutation: false,
      expected: {
        data: {
          dashboard: {
            upcomingEvents: upcoming.map((event) => ({
              id: event.id,
              name: event.name,
              startsAt: event.startsAt.toISOString(),
              financeTotals: totalsOf(event).map(({ currency: code, net }) => ({ currency: code, net })),
              deals: { edges: [{ node: { id: idOf(kinds.deal, event.index), status: "DRAFT", currentTerms: { dealType: "FLAT_GUARANTEE", guarantee: { amount: money(event.guaranteeCents), currency } } } }] },
              venueBooking: { id: bookingIdOf(event), status: "CONFIRMED", startsAt: event.startsAt.toISOString(), endsAt: event.endsAt.toISOString() },
              tourStop: { position: tourStopPosition(event), kind: "SHOW", date: event.startsAt.toISOString().slice(0, 10), tour: { name: `Bench Artist ${String(event.artistIndex).padStart(2, "0")} on the road` } },
            })),
          },
        },
      },
    },
    {
      key: "Q3",
      label: "Q3 events(first: 20), Base's fields only (1 subgraph)",
      query: "query Events { events(first: 20) { edges { node { id name status startsAt endsAt capacity ticketsSold ticketPrice { amount currency } } } } }",
      mutation: false,
      expected: {
        data: {
          events: {
            edges: first.map((event) => ({
              node: {
                id: event.id,
                name: event.name,
                status: event.status,
                startsAt: event.startsAt.toISOString(),
                endsAt: event.endsAt.toISOString(),
                capacity: event.capacity,
                ticketsSold: event.ticketsSold,
                ticketPrice: { amount: money(ticketPriceCents), currency },
              },
            })),
          },
        },
      },
    },
    {
      key: "M",
      label: "M recordExpense on an event no query reads (Finance, which checks the event in Base)",
      query: `mutation RecordExpense { recordExpense(input: { eventId: "${target.id}", category: OTHER, description: "Bench expense", amount: { amount: "1.00", currency: "${currency}" }, incurredOn: "${seedDay.toISOString().slice(0, 10)}" }) { category description amount { amount currency } } }`,
      mutation: true,
      expected: { data: { recordExpense: { category: "OTHER", description: "Bench expense", amount: { amount: "1.00", currency } } } },
    },
  ];
}
