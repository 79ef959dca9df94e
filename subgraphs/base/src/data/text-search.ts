import type { Prisma } from "../__generated__/prisma/client.ts";

/**
 * Prisma compares case-insensitively with ILIKE and passes the text into the pattern
 * as it is, so `%` and `_` typed by a user would match anything: they are escaped to
 * mean themselves.
 */
const literally = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/** Contains the text, ignoring case: "tide" finds "The Midnight Tide". */
export function containsText(text: string): Prisma.StringFilter {
  return { contains: literally(text), mode: "insensitive" };
}

/** Is the text, ignoring case: "berlin" finds "Berlin". */
export function equalsText(text: string): Prisma.StringFilter {
  return { equals: literally(text), mode: "insensitive" };
}

/** A search string worth searching for: trimmed, and null when nothing is left. */
export function searchTerm(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}
