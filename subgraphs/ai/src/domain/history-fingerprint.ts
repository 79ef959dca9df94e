// The cache key of a company's model: what the model was fitted on, summed up. Any
// settled show added, removed or changed (Base moves `updatedAt` on every change) gives
// another fingerprint, and so another fit; an unchanged history reuses the stored one.

import { createHash } from "node:crypto";
import { settledShowsOf } from "./sell-through-model.ts";
import type { Show } from "./show.ts";

export function historyFingerprint(history: readonly Show[]): string {
  const settled = settledShowsOf(history);
  const hash = createHash("sha256");
  let latest = 0;
  for (const show of settled) {
    latest = Math.max(latest, show.updatedAt.getTime());
    hash.update(JSON.stringify([show.id, show.updatedAt.toISOString(), show.startsAt.toISOString(), show.createdAt.toISOString(), show.localDate, show.capacity, show.ticketsSold, show.city, show.lineup]));
  }
  return `${settled.length}:${new Date(latest).toISOString()}:${hash.digest("hex").slice(0, 32)}`;
}
