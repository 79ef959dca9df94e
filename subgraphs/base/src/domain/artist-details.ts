import { verdict, type Checked } from "./checked.ts";
import { checkOptionalText, checkText } from "./text.ts";

/** An artist's own details. The home country is a valid code by the time it gets here (API scalar). */
export interface ArtistDetails {
  name: string;
  genres: string[];
  homeCity: string | null;
  homeCountry: string | null;
}

/** Changes to an artist: absent fields stay; null clears `homeCity` and `homeCountry`. */
export type ArtistChanges = Partial<ArtistDetails>;

const maxGenres = 10;

/**
 * The details with text trimmed and genres made lower case without repeats (so that
 * "Indie Rock" and "indie rock" are one genre to filter by), or every rule they break.
 */
export function checkArtistDetails(details: ArtistDetails): Checked<ArtistDetails> {
  const problems: string[] = [];
  const name = checkText("name", details.name, { min: 1, max: 200 }, problems);
  const genres = [...new Set(details.genres.map((genre, index) => checkText(`genres[${index}]`, genre, { min: 1, max: 50 }, problems).toLowerCase()))];
  if (genres.length > maxGenres) problems.push(`genres can hold at most ${maxGenres} genres (got ${genres.length}).`);
  const homeCity = checkOptionalText("homeCity", details.homeCity, 100, problems);
  return verdict({ ...details, name, genres, homeCity }, problems);
}

/**
 * Why the artist cannot be deleted, given the events whose lineups bill them; null when
 * they can. Lineups point at the artist, and an event's billing must not silently change.
 */
export function artistDeletionProblem(artistName: string, lineupEventNames: readonly string[]): string | null {
  if (lineupEventNames.length === 0) return null;
  const shown = lineupEventNames.slice(0, 3).map((name) => `"${name}"`);
  const more = lineupEventNames.length - shown.length;
  const events = more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
  const count = lineupEventNames.length === 1 ? "1 event" : `${lineupEventNames.length} events`;
  return `${artistName} is in the lineup of ${count} (${events}); remove them from those lineups first.`;
}
