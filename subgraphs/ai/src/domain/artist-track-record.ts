// An artist's past sell-through as of a moment: the mean over the settled shows they
// headlined before it, pulled toward the company's own past mean when there are few
// (two shows' worth of prior), so one sold-out night does not make a star.

import { headlinerOf, isSettled, sellThroughOf, type Show } from "./show.ts";

/** Weight of the company's mean, in shows, against the artist's own. */
const priorShows = 2;
/** What is assumed before the company has any settled show at all. */
const neutralSellThrough = 0.5;

export interface TrackRecord {
  artistId: string | null;
  /** The artist's settled shows before the moment. */
  shows: number;
  /** The shrunk mean sell-through. */
  sellThrough: number;
}

/** The track record of `artistId` over the settled shows of `history` that started before `before`. */
export function trackRecordOf(history: readonly Show[], artistId: string | null, before: Date): TrackRecord {
  let companyTotal = 0;
  let companyCount = 0;
  let artistTotal = 0;
  let artistCount = 0;
  for (const show of history) {
    if (!isSettled(show) || show.startsAt >= before) continue;
    const sellThrough = sellThroughOf(show);
    companyTotal += sellThrough;
    companyCount += 1;
    if (artistId !== null && headlinerOf(show) === artistId) {
      artistTotal += sellThrough;
      artistCount += 1;
    }
  }
  const prior = companyCount === 0 ? neutralSellThrough : companyTotal / companyCount;
  return { artistId, shows: artistCount, sellThrough: (artistTotal + priorShows * prior) / (artistCount + priorShows) };
}
