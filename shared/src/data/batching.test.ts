import { describe, expect, it } from "vitest";
import { rowPerKey, rowsPerKey } from "./batching.ts";

const rows = [
  { id: "a", parent: "p1" },
  { id: "b", parent: "p2" },
  { id: "c", parent: "p1" },
  { id: "d", parent: null },
];

describe("rowsPerKey", () => {
  it("groups the rows of each key in key order, keeping the rows' order within a key", () => {
    expect(rowsPerKey(["p2", "p3", "p1"], rows, (row) => row.parent)).toEqual([[rows[1]], [], [rows[0], rows[2]]]);
  });

  it("answers every key, repeated ones too, and leaves rows without a key out", () => {
    expect(rowsPerKey(["p1", "p1"], rows, (row) => row.parent).map((list) => list.map((row) => row.id))).toEqual([["a", "c"], ["a", "c"]]);
    expect(rowsPerKey([], rows, (row) => row.parent)).toEqual([]);
  });
});

describe("rowPerKey", () => {
  it("answers each key with its row, or null", () => {
    expect(rowPerKey(["c", "x", "a"], rows, (row) => row.id)).toEqual([rows[2], null, rows[0]]);
  });
});
