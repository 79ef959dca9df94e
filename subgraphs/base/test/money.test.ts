import { describe, expect, it } from "vitest";
import { formatAmount } from "../src/domain/money.ts";

describe("money", () => {
  it("shows stored amounts with the currency's minor units, exactly", () => {
    expect(formatAmount("45.5", "EUR")).toBe("45.50");
    expect(formatAmount("4500", "JPY")).toBe("4500");
    expect(formatAmount("999999999999999.99", "USD")).toBe("999999999999999.99");
  });
});
