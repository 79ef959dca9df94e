import { describe, expect, it } from "vitest";
import { artistDeletionProblem, checkArtistDetails } from "../src/domain/artist-details.ts";

describe("artist details", () => {
  it("trims text, and keeps genres lower case and without repeats", () => {
    expect(checkArtistDetails({ name: " Aurora Lane ", genres: ["Indie Pop", " folk", "indie pop"], homeCity: " ", homeCountry: "US" })).toEqual({
      ok: true,
      value: { name: "Aurora Lane", genres: ["indie pop", "folk"], homeCity: null, homeCountry: "US" },
    });
  });

  it("reports every problem at once", () => {
    expect(checkArtistDetails({ name: "", genres: ["rock", "  "], homeCity: "x".repeat(101), homeCountry: null })).toEqual({
      ok: false,
      problems: ["name must not be empty.", "genres[1] must not be empty.", "homeCity must be at most 100 characters (got 101)."],
    });
  });

  it("allows ten genres at most", () => {
    const genres = Array.from({ length: 11 }, (_, index) => `genre ${index}`);
    expect(checkArtistDetails({ name: "Brass Republic", genres, homeCity: null, homeCountry: null })).toEqual({
      ok: false,
      problems: ["genres can hold at most 10 genres (got 11)."],
    });
  });

  it("refuses deleting an artist still billed, naming the events", () => {
    expect(artistDeletionProblem("Saga Nord", [])).toBeNull();
    expect(artistDeletionProblem("Saga Nord", ["Dublin"])).toBe('Saga Nord is in the lineup of 1 event ("Dublin"); remove them from those lineups first.');
    expect(artistDeletionProblem("Saga Nord", ["Dublin", "Chicago", "Brooklyn", "Stockholm", "Oslo"])).toBe(
      'Saga Nord is in the lineup of 5 events ("Dublin", "Chicago", "Brooklyn" and 2 more); remove them from those lineups first.',
    );
  });
});
