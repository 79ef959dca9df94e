import { describe, expect, it } from "vitest";
import { textProblem } from "./text-integrity.ts";

describe("textProblem", () => {
  it("accepts any text made of characters, emoji and other scripts included", () => {
    for (const text of ["", "Hamburg", "Zürich", "東京ドーム", "Show 🎸🎤", "tab\tand\nnew line"]) expect(textProblem(text), text).toBeNull();
  });

  it("refuses the NUL character, which PostgreSQL cannot store in text", () => {
    expect(textProblem("Main\u0000Hall")).toBe("contains a NUL character");
  });

  it("refuses lone surrogates, which are no characters", () => {
    for (const text of ["\uD83C", "a\uDFB8b", "\uDFB8\uD83C", "ok 🎸 then \uD83C"]) expect(textProblem(text), JSON.stringify(text)).toBe("contains broken Unicode (a lone surrogate)");
  });
});
