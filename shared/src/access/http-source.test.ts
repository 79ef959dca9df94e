import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSigner, startFakeAuthService, testPlatformConfig, type FakeAuthService } from "../testing/index.ts";
import { AccessSourceUnavailableError } from "./access-source.ts";
import { createHttpAccessSource } from "./http-source.ts";

const alice = "5e1f0a8b-7c2d-4e6f-8a9b-0c1d2e3f0001";
const northwind = { id: "0b0c6a2e-2f1d-4a3e-9a55-1d0a7c1e0001", name: "Northwind Live" };
const facts = { userId: alice, company: northwind, entitlements: ["basic"], grants: ["basic"], permissions: ["basic.event.view"] };

let auth: FakeAuthService;
let token: string;
beforeAll(async () => {
  auth = await startFakeAuthService([facts]);
  token = await (await createTestSigner(testPlatformConfig().auth)).tokenFor("alice@northwind.test");
});
afterAll(() => auth.close());

const source = () => createHttpAccessSource({ baseUrl: new URL(auth.url), timeoutMs: 500 });

describe("createHttpAccessSource", () => {
  it("reads the facts of a membership", async () => {
    expect(await source().loadAccessFacts({ userId: alice, companyId: northwind.id, token })).toEqual(facts);
  });

  it("reads every membership of the caller", async () => {
    expect(await source().listAccessFacts({ userId: alice, token })).toEqual([facts]);
  });

  it("reads a 404 as no membership", async () => {
    expect(await source().loadAccessFacts({ userId: alice, companyId: "0b0c6a2e-2f1d-4a3e-9a55-1d0a7c1e0002", token })).toBeNull();
  });

  it("refuses an answer about another user", async () => {
    await expect(source().loadAccessFacts({ userId: "someone-else", companyId: northwind.id, token })).rejects.toBeInstanceOf(AccessSourceUnavailableError);
  });

  it("reports a failing service as unavailable", async () => {
    auth.healthy = false;
    try {
      await expect(source().loadAccessFacts({ userId: alice, companyId: northwind.id, token })).rejects.toThrow("The Auth service answered HTTP 503.");
    } finally {
      auth.healthy = true;
    }
  });

  it("reports an unreachable service as unavailable", async () => {
    const unreachable = createHttpAccessSource({ baseUrl: new URL("http://127.0.0.1:1"), timeoutMs: 500 });
    await expect(unreachable.loadAccessFacts({ userId: alice, companyId: northwind.id, token })).rejects.toThrow("The Auth service did not answer.");
  });
});
