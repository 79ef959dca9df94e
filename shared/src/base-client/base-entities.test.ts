import { describe, expect, it } from "vitest";
import { assertExistInBase } from "./base-entities.ts";
import type { BaseEntityType, BaseReader } from "./base-reader.ts";

const known = "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0004";
const unknown = "00000000-0000-4000-8000-000000000000";

/** A Base that knows one event and records what it was asked. */
function fakeBase() {
  const asked: [BaseEntityType, readonly string[]][] = [];
  const base: BaseReader = {
    query: () => Promise.reject(new Error("not used")),
    load: () => Promise.reject(new Error("not used")),
    async existing(type, ids) {
      asked.push([type, ids]);
      return new Set(ids.filter((id) => type === "Event" && id === known));
    },
  };
  return { base, asked };
}

describe("assertExistInBase", () => {
  it("accepts ids Base knows in the caller's company, asking once", async () => {
    const { base, asked } = fakeBase();
    await expect(assertExistInBase(base, "Event", [known, known])).resolves.toBeUndefined();
    expect(asked).toEqual([["Event", [known, known]]]);
  });

  it("refuses the first id Base does not know, naming it", async () => {
    const { base } = fakeBase();
    await expect(assertExistInBase(base, "Event", [known, unknown])).rejects.toMatchObject({
      message: `There is no event "${unknown}" in this company.`,
      extensions: { code: "BAD_USER_INPUT", type: "Event", id: unknown },
    });
    await expect(assertExistInBase(base, "Artist", [known])).rejects.toThrow(`There is no artist "${known}" in this company.`);
  });

  it("refuses an id that is no uuid without asking Base", async () => {
    const { base, asked } = fakeBase();
    await expect(assertExistInBase(base, "Event", ["42"])).rejects.toThrow('There is no event "42" in this company.');
    expect(asked).toEqual([]);
  });
});
