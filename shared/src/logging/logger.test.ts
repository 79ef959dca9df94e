import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.ts";

/** A logger writing into an array of parsed lines, as the platform's tests read what was logged. */
function loggerWithLines() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ name: "finance", level: "info", destination }), lines };
}

describe("the logger", () => {
  it("writes a credential in any object a line carries as [redacted], leaving the logged objects as they were", () => {
    const { logger, lines } = loggerWithLines();
    const headers = { authorization: "Bearer eyJ.secret", "x-gateway-secret": "gateway-secret", "content-type": "application/json" };
    const caller = { token: "eyJ.other", userId: "user-1" };
    logger.info({ headers, caller, endpoint: "/api/finance/graphql" }, "operation");

    expect(lines).toEqual([
      expect.objectContaining({
        msg: "operation",
        service: "finance",
        endpoint: "/api/finance/graphql",
        headers: { authorization: "[redacted]", "x-gateway-secret": "[redacted]", "content-type": "application/json" },
        caller: { token: "[redacted]", userId: "user-1" },
      }),
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/eyJ|gateway-secret"?:"gateway/);
    expect(headers.authorization).toBe("Bearer eyJ.secret");
    expect(caller.token).toBe("eyJ.other");
  });

  it("censors an error's credential field and still writes it as an error, with its message and stack", () => {
    const { logger, lines } = loggerWithLines();
    const error = Object.assign(new Error("Base did not answer"), { authorization: "Bearer eyJ.secret", status: 503 });
    logger.error({ err: error }, "Base did not answer");

    const err = lines[0]!["err"] as Record<string, unknown>;
    expect(err).toMatchObject({ type: "Error", message: "Base did not answer", authorization: "[redacted]", status: 503 });
    expect(err["stack"]).toMatch(/^Error: Base did not answer\n/);
    expect(error.authorization).toBe("Bearer eyJ.secret");
  });

  it("censors a frozen object's credential field without throwing", () => {
    const { logger, lines } = loggerWithLines();
    const claims = Object.freeze({ sub: "user-1", token: "eyJ.secret" });
    logger.info({ claims }, "claims");

    expect(lines[0]).toMatchObject({ claims: { sub: "user-1", token: "[redacted]" } });
    expect(claims.token).toBe("eyJ.secret");
  });

  it("writes a line without credentials as it was given", () => {
    const { logger, lines } = loggerWithLines();
    logger.info({ userId: "user-1", companyId: null, action: "query events", result: "ok", durationMs: 1.5, tokenCount: 2 }, "operation");

    expect(lines[0]).toMatchObject({ userId: "user-1", companyId: null, action: "query events", result: "ok", durationMs: 1.5, tokenCount: 2 });
  });
});
