import { describe, expect, it } from "vitest";
import { createTestSigner, hostileTokens, testPlatformConfig } from "../testing/index.ts";
import { validateJwt } from "./validate-jwt.ts";

const { auth } = testPlatformConfig();

describe("validateJwt", () => {
  it("knows the caller from a valid token", async () => {
    const signer = await createTestSigner(auth);
    const token = await signer.tokenFor("alice@northwind.test");
    expect(await validateJwt(`Bearer ${token}`, signer.verifier)).toEqual({
      status: "authenticated",
      userId: "5e1f0a8b-7c2d-4e6f-8a9b-0c1d2e3f0001",
      email: "alice@northwind.test",
      token,
    });
  });

  it("treats a missing header as anonymous", async () => {
    const signer = await createTestSigner(auth);
    expect(await validateJwt(undefined, signer.verifier)).toEqual({ status: "anonymous" });
  });

  it("refuses every untrustworthy token with its own reason", async () => {
    const signer = await createTestSigner(auth);
    const tokens = await hostileTokens(signer, auth, "someone");
    const reasons: Record<string, unknown> = {};
    for (const [name, token] of Object.entries(tokens)) reasons[name] = await validateJwt(`Bearer ${token}`, signer.verifier);
    expect(reasons).toEqual({
      expired: { status: "invalid", reason: "token expired" },
      "not yet valid": { status: "invalid", reason: "token claim rejected: nbf" },
      "wrongly signed": { status: "invalid", reason: "token signature invalid" },
      "alg none": { status: "invalid", reason: "token algorithm not accepted" },
      "wrong issuer": { status: "invalid", reason: "token claim rejected: iss" },
      "wrong audience": { status: "invalid", reason: "token claim rejected: aud" },
      "no expiry": { status: "invalid", reason: "token claim rejected: exp" },
      malformed: { status: "invalid", reason: "token malformed" },
      oversized: { status: "invalid", reason: "token too large" },
    });
  });

  it("refuses a scheme other than Bearer", async () => {
    const signer = await createTestSigner(auth);
    const token = await signer.tokenFor("alice@northwind.test");
    expect(await validateJwt(`Basic ${token}`, signer.verifier)).toEqual({ status: "invalid", reason: "malformed Authorization header (expected: Bearer <JWT>)" });
  });
});
