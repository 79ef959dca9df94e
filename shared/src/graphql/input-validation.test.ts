import { describe, expect, it } from "vitest";
import { textInputs } from "./input-validation.ts";

const { requiredText, optionalText } = textInputs(10);

const refusal = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    return { message: (error as Error).message, extensions: (error as { extensions: unknown }).extensions };
  }
  throw new Error("not refused");
};

describe("text inputs", () => {
  it("trims required text, and refuses it blank or too long, naming the field", () => {
    expect(requiredText("  Main stage ", "name")).toBe("Main stage");
    expect(refusal(() => requiredText("   ", "name"))).toEqual({ message: "name cannot be empty.", extensions: { field: "name", code: "BAD_USER_INPUT" } });
    expect(refusal(() => requiredText("x".repeat(11), "sections[2].name"))).toEqual({
      message: "sections[2].name can be at most 10 characters.",
      extensions: { field: "sections[2].name", code: "BAD_USER_INPUT" },
    });
  });

  it("reads optional text left out or blank as null, and checks the rest like required text", () => {
    expect(optionalText(null, "notes")).toBeNull();
    expect(optionalText(undefined, "notes")).toBeNull();
    expect(optionalText(" \t", "notes")).toBeNull();
    expect(optionalText(" Late ", "notes")).toBe("Late");
    expect(refusal(() => optionalText("x".repeat(11), "notes")).message).toBe("notes can be at most 10 characters.");
  });
});
