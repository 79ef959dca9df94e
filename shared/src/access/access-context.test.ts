import { describe, expect, it } from "vitest";
import { accessContextFromFacts } from "./access-context.ts";

describe("accessContextFromFacts", () => {
  it("opens a module only where the company is entitled and the membership granted, and keeps permissions only inside open modules", () => {
    const access = accessContextFromFacts({
      userId: "u",
      company: { id: "c", name: "Northwind Live" },
      entitlements: ["basic", "finance", "venue"],
      grants: ["finance", "market", "venue"],
      permissions: ["finance.expense.view", "market.deal.view", "basic.event.view", "venue.hold.create"],
    });
    expect([...access.modules].sort()).toEqual(["finance", "venue"]);
    expect([...access.permissions].sort()).toEqual(["finance.expense.view", "venue.hold.create"]);
    expect(access).toMatchObject({ userId: "u", companyId: "c", companyName: "Northwind Live" });
  });
});
