// The scalars every Marquee subgraph shares, with strict parsing: a bad value is a
// BAD_USER_INPUT that names the expected form, before any resolver runs.
import { GraphQLScalarType, Kind, type ValueNode } from "graphql";
import { badUserInput } from "../errors/errors.ts";
import { supportedCurrencies } from "../money/currencies.ts";
import { calendarDateProblem, earliestSupportedYear, isoInstantProblem, latestSupportedYear } from "../time/calendar-range.ts";

function stringScalar(name: string, description: string, check: (value: string) => string | null, serialize: (value: unknown) => string = String) {
  const parse = (value: unknown): string => {
    if (typeof value !== "string") throw badUserInput(`${name} must be a string: ${description}`);
    const problem = check(value);
    if (problem) throw badUserInput(`Invalid ${name} "${value.slice(0, 64)}": ${problem}`);
    return value;
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize,
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

export const DateTimeScalar = stringScalar(
  "DateTime",
  `An instant, ISO 8601 with an explicit offset, e.g. 2026-05-01T19:30:00Z or 2026-05-01T21:30:00+02:00; a real date and time of day, in the years ${earliestSupportedYear} to ${latestSupportedYear}.`,
  isoInstantProblem,
  (value) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString()),
);

export const DateScalar = stringScalar(
  "Date",
  `A calendar date, YYYY-MM-DD, in the time zone its field names; a real date in the years ${earliestSupportedYear} to ${latestSupportedYear}.`,
  calendarDateProblem,
);

export const DecimalScalar = stringScalar(
  "Decimal",
  "An exact decimal number as a string, e.g. \"1250.50\"; never a float.",
  (value) => (/^-?\d{1,15}(\.\d{1,6})?$/.test(value) ? null : "expected digits with an optional decimal point, e.g. 1250.50"),
  (value) => (typeof value === "string" ? value : (value as { toString(): string }).toString()),
);

export const CurrencyCodeScalar = stringScalar("CurrencyCode", "An ISO 4217 currency code, e.g. USD, EUR, JPY.", (value) =>
  supportedCurrencies.has(value) ? null : "not an ISO 4217 currency code",
);

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
export const CountryCodeScalar = stringScalar("CountryCode", "An ISO 3166-1 alpha-2 country code, e.g. US, DE, GB.", (value) =>
  /^[A-Z]{2}$/.test(value) && regionNames.of(value) !== undefined ? null : "not an ISO 3166-1 alpha-2 country code",
);

const timeZones = new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
export const TimeZoneScalar = stringScalar("TimeZone", "An IANA time zone name, e.g. Europe/Berlin or America/New_York.", (value) =>
  timeZones.has(value) || isKnownTimeZone(value) ? null : "not an IANA time zone",
);

function isKnownTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const UUIDScalar = stringScalar("UUID", "A UUID, e.g. 0b6f3c9e-6d55-4a8a-9a43-5f1f1d9c1e11.", (value) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ? null : "expected a UUID",
);

/** By name, so the subgraph factory can add those a schema declares. */
export const sharedScalars: Record<string, GraphQLScalarType> = Object.fromEntries(
  [DateTimeScalar, DateScalar, DecimalScalar, CurrencyCodeScalar, CountryCodeScalar, TimeZoneScalar, UUIDScalar].map((scalar) => [scalar.name, scalar]),
);
