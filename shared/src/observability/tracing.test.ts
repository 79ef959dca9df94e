// With tracing off, a request's trace is the caller's `traceparent`, handed to its handlers
// as it came: the trace id for the log lines, the same header (and `tracestate`) for every
// call the request makes. gateway/test/tracing.test.ts covers tracing on, end to end.
import { describe, expect, it } from "vitest";
import { untracedService, type RequestTrace } from "./tracing.ts";

const traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

/** What `serve` hands its handler, and the headers the handler's outgoing calls would carry. */
async function servedWith(headers: Record<string, string>): Promise<{ traceId: string | undefined; forwarded: Record<string, string> }> {
  const trace = await untracedService.serve("POST /api/finance/graphql", headers, async (each: RequestTrace) => {
    // After a turn of the event loop, as a resolver's call to Base would be.
    await new Promise((resolve) => setTimeout(resolve, 1));
    return each;
  });
  const forwarded: Record<string, string> = {};
  trace.inject((name, value) => (forwarded[name] = value));
  return { traceId: trace.traceId, forwarded };
}

describe("a request's trace with tracing off", () => {
  it("is the caller's traceparent and tracestate, passed on unchanged", async () => {
    expect(await servedWith({ traceparent, tracestate: "vendor=abc" })).toEqual({
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      forwarded: { traceparent, tracestate: "vendor=abc" },
    });
  });

  it("is nothing when the caller sent no traceparent, or a malformed one", async () => {
    expect(await servedWith({})).toEqual({ traceId: undefined, forwarded: {} });
    expect(await servedWith({ traceparent: "00-not-a-trace-01" })).toEqual({ traceId: undefined, forwarded: {} });
  });
});
