// The API's inputs read into validated values. Each refusal names the input field at fault.
import { badUserInput, textInputs } from "@marquee/kit";
import type { VenueLayoutSectionInput } from "./__generated__/resolvers-types.ts";
import type { Section, TimeRange } from "./domain/index.ts";

const maxSections = 50;
/**
 * The most one section takes: more than any stand or field holds. With at most 50
 * sections, a layout's capacity (their sum, computed on every read) stays below
 * 50,000,000, far from GraphQL's and PostgreSQL's 2^31 − 1: a layout that could pass it
 * was once stored and then failed every read of its space.
 */
const maxSectionCapacity = 1_000_000;
const maxTurnaroundMinutes = 1440;
/** A hold covers a show, a festival weekend or a residency week, not a season. */
const maxHoldDays = 14;

export const { requiredText, optionalText } = textInputs(200);

export function turnaroundMinutes(value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > maxTurnaroundMinutes) {
    throw badUserInput(`turnaroundMinutes must be a whole number from 0 to ${maxTurnaroundMinutes} (got ${value}).`, { field: "turnaroundMinutes" });
  }
  return value;
}

/** None for a plain space; two or more distinct spaces for a combination. */
export function partIds(ids: readonly string[] | null | undefined): string[] {
  const parts = [...new Set(ids ?? [])];
  if (parts.length === 1) throw badUserInput("A combination space is made of at least two spaces.", { field: "partIds" });
  return parts;
}

export function sections(inputs: readonly VenueLayoutSectionInput[]): Section[] {
  if (inputs.length === 0) throw badUserInput("A layout needs at least one section.", { field: "sections" });
  if (inputs.length > maxSections) throw badUserInput(`A layout takes at most ${maxSections} sections.`, { field: "sections" });
  return inputs.map((input, index) => {
    if (!Number.isInteger(input.capacity) || input.capacity < 1 || input.capacity > maxSectionCapacity) {
      throw badUserInput(`sections[${index}].capacity must be a whole number from 1 to ${maxSectionCapacity} (got ${input.capacity}).`, { field: `sections[${index}].capacity` });
    }
    return { name: requiredText(input.name, `sections[${index}].name`), capacity: input.capacity };
  });
}

/** The range given, or the event's own times when neither end is given. */
export function holdRange(given: { startsAt?: string | null; endsAt?: string | null }, event: { startsAt: string; endsAt: string }): TimeRange {
  if ((given.startsAt == null) !== (given.endsAt == null)) {
    throw badUserInput("Give both startsAt and endsAt, or neither to hold the event's own times.", { field: given.startsAt == null ? "startsAt" : "endsAt" });
  }
  const startsAt = given.startsAt ?? event.startsAt;
  const endsAt = given.endsAt ?? event.endsAt;
  const range = { start: new Date(startsAt), end: new Date(endsAt) };
  if (range.end <= range.start) throw badUserInput(`endsAt (${endsAt}) must be after startsAt (${startsAt}).`, { field: "endsAt" });
  if (range.end.getTime() - range.start.getTime() > maxHoldDays * 86_400_000) {
    throw badUserInput(`A hold covers at most ${maxHoldDays} days.`, { field: "endsAt" });
  }
  return range;
}
