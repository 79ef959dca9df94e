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
      "lifetime to the year 9999": { status: "invalid", reason: "token lifetime too long" },
      "issued in the year 3000": { status: "invalid", reason: "token issued in the future" },
      "older than the maximum age": { status: "invalid", reason: "token too old" },
      "no issued-at": { status: "invalid", reason: "token claim rejected: iat" },
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

  it("accepts a token as long-lived as the maximum age, and no longer", async () => {
    const signer = await createTestSigner(auth);
    const atMaximum = await signer.tokenFor("alice@northwind.test", { expiresIn: `${auth.maxTokenAgeSeconds}s` });
    expect(await validateJwt(`Bearer ${atMaximum}`, signer.verifier)).toMatchObject({ status: "authenticated" });
    const longer = await signer.tokenFor("alice@northwind.test", { expiresIn: `${auth.maxTokenAgeSeconds + auth.clockToleranceSeconds + 60}s` });
    expect(await validateJwt(`Bearer ${longer}`, signer.verifier)).toEqual({ status: "invalid", reason: "token lifetime too long" });
  });

  it("knows a user by one spelling of their id: uuids and email-like subjects in lower case, opaque ids as they are", async () => {
    const signer = await createTestSigner(auth);
    const userIdOf = async (subject: string) => {
      const authentication = await validateJwt(`Bearer ${await signer.tokenFor(subject)}`, signer.verifier);
      return authentication.status === "authenticated" ? authentication.userId : authentication;
    };
    expect(await userIdOf("5E1F0A8B-7C2D-4E6F-8A9B-0C1D2E3F0001")).toBe("5e1f0a8b-7c2d-4e6f-8a9b-0c1d2e3f0001");
    expect(await userIdOf("Alice@Example.COM")).toBe("alice@example.com");
    expect(await userIdOf("auth0|AbC123")).toBe("auth0|AbC123");
  });

  it("refuses a scheme other than Bearer", async () => {
    const signer = await createTestSigner(auth);
    const token = await signer.tokenFor("alice@northwind.test");
    expect(await validateJwt(`Basic ${token}`, signer.verifier)).toEqual({ status: "invalid", reason: "malformed Authorization header (expected: Bearer <JWT>)" });
  });
});
