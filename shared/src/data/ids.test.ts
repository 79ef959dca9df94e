import { describe, expect, it } from "vitest";
import { isUuid, sameId, uuidsOf } from "./ids.ts";

const id = "6c2d9e41-7b3a-4f58-8e10-2b9c4a6f0004";

describe("ids", () => {
  it("takes a uuid as the database writes it, and nothing else", () => {
    expect(isUuid(id)).toBe(true);
    expect(isUuid("00000000-0000-4000-8000-000000000000")).toBe(true);
    for (const other of ["", "42", "not-a-uuid", id.toUpperCase(), `${id} `, `{${id}}`, id.replaceAll("-", ""), `${id}0`]) {
      expect(isUuid(other)).toBe(false);
    }
  });

  it("keeps only the uuids of a list, in order", () => {
    expect(uuidsOf(["x", id, "42", "00000000-0000-4000-8000-000000000000"])).toEqual([id, "00000000-0000-4000-8000-000000000000"]);
  });

  it("turns an id that is no uuid into a condition that matches nothing", () => {
    expect(sameId(id)).toBe(id);
    expect(sameId("x")).toEqual({ in: [] });
  });
});
