// OpenTelemetry traces: one trace per client request, from the gateway through every
// subgraph it calls, joined by the W3C `traceparent` header. Off unless an OTLP endpoint
// is configured (observability-config.ts); then each service records its spans through
// recording-tracing.ts. This module is what both ways share, and the way of tracing off.
//
// What is traced: each GraphQL request a process serves (a server span, the child of the
// caller's `traceparent`); within it, at the gateway, @apollo/gateway's own spans (request,
// plan, execute, one fetch per subgraph call) and, in a subgraph, Prisma's spans of each
// database query (see service-tracer-provider.ts). A subgraph call carries the active span
// as its `traceparent`, so a subgraph's span is the child of the gateway's fetch span.
//
// Each request's handlers get its trace (RequestTrace): the trace id for its log lines, and
// the `traceparent` for its calls to other services. With tracing on, that is the active
// span's, which follows the request through its async calls (AsyncLocalStorage). With
// tracing off it is the caller's `traceparent`, passed on as it came, so that the log lines
// of one request carry the same trace id in every service that logs it; nothing then follows
// the request through AsyncLocalStorage, whose promise hooks cost every promise of every
// request CPU (Node.js 20 runs them for each promise made).
import type { IncomingHttpHeaders } from "node:http";
import { context, ROOT_CONTEXT, trace, type Context, type Span, type TextMapGetter } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";

export const propagator = new W3CTraceContextPropagator();

export const headerGetter: TextMapGetter<IncomingHttpHeaders> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key],
};

/** One request's trace, as its handlers pass it on: to their log lines and to their calls to other services. */
export interface RequestTrace {
  /** The trace id, for log lines; undefined when the caller sent none and tracing is off. */
  readonly traceId: string | undefined;
  /** Writes `traceparent` (and `tracestate`) for an outgoing request: the active span's when tracing is on, the caller's otherwise. */
  inject(set: (name: string, value: string) => void): void;
}

export interface ServiceTracing {
  /**
   * Runs `handle` as the server side of one request, with the trace of its `traceparent`
   * header: when tracing is on, inside a server span of its own, which is active in it.
   */
  serve<T>(name: string, headers: IncomingHttpHeaders, handle: (trace: RequestTrace) => Promise<T>): Promise<T>;
  /** Sends what is still batched and stops. */
  close(): Promise<void>;
}

/** A service's tracing with tracing off: each request's trace is its caller's. */
export const untracedService: ServiceTracing = {
  serve: (_name, headers, handle) => handle(callerTrace(propagator.extract(ROOT_CONTEXT, headers, headerGetter))),
  close: async () => {},
};

/** The trace of the caller's `traceparent` (in `caller`), passed on unchanged. */
function callerTrace(caller: Context): RequestTrace {
  const spanContext = trace.getSpanContext(caller);
  return {
    traceId: spanContext && trace.isSpanContextValid(spanContext) ? spanContext.traceId : undefined,
    inject: (set) => injectContext(caller, set),
  };
}

/** The trace of a request served in a span: each call goes out as the child of whatever span is active when it is made (a gateway's fetch span, say). */
export function activeTrace(traceId: string): RequestTrace {
  return { traceId, inject: (set) => injectContext(context.active(), set) };
}

function injectContext(within: Context, set: (name: string, value: string) => void): void {
  propagator.inject(within, undefined, { set: (_carrier, name, value) => set(name, value) });
}

/** The active span, when tracing records one: a request's handlers add what they learn to it. */
export function activeSpan(): Span | undefined {
  const span = trace.getActiveSpan();
  return span?.isRecording() ? span : undefined;
}
