// OpenTelemetry traces: one trace per client request, from the gateway through every
// subgraph it calls, joined by the W3C `traceparent` header. Off unless an OTLP endpoint
// is configured (observability-config.ts); then each service has a tracer provider of its
// own, named `marquee-<service>`, whose spans leave in batches (BatchSpanProcessor), so
// that a slow or absent collector never holds a request.
//
// What is traced: each GraphQL request a process serves (a server span, the child of the
// caller's `traceparent`); within it, at the gateway, @apollo/gateway's own spans (request,
// plan, execute, one fetch per subgraph call) and, in a subgraph, Prisma's spans of each
// database query (see service-tracer-provider.ts). A subgraph call carries the active span
// as its `traceparent`, so a subgraph's span is the child of the gateway's fetch span.
//
// Trace context follows a request through its async calls (AsyncLocalStorage) even when
// tracing is off: an incoming `traceparent` is then passed on as it came, so that the log
// lines of one request carry the same trace id in every service that logs it.
import type { IncomingHttpHeaders } from "node:http";
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span, type TextMapGetter, type Tracer } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
import { PrismaInstrumentation } from "@prisma/instrumentation";
import { runningServiceTracerProvider, withServiceProvider } from "./service-tracer-provider.ts";

const propagator = new W3CTraceContextPropagator();

const headerGetter: TextMapGetter<IncomingHttpHeaders> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key],
};

let contextPropagationEnabled = false;

/** Once per process: every service of it shares the context manager. */
function enableContextPropagation(): void {
  if (contextPropagationEnabled) return;
  contextPropagationEnabled = true;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  // The W3C format, for whatever else in the process propagates through the global API.
  propagation.setGlobalPropagator(propagator);
}

let processHooksEnabled = false;

/** Once per process, when a first service traces: the hooks of @apollo/gateway and Prisma. */
function enableProcessHooks(): void {
  if (processHooksEnabled) return;
  processHooksEnabled = true;
  trace.setGlobalTracerProvider(runningServiceTracerProvider);
  const prisma = new PrismaInstrumentation({ enabled: false });
  prisma.setTracerProvider(runningServiceTracerProvider);
  prisma.enable();
}

export interface ServiceTracing {
  /**
   * Runs `handle` as the server side of one request: in the trace context of its
   * `traceparent` header and, when tracing is on, inside a server span of its own.
   */
  serve<T>(name: string, headers: IncomingHttpHeaders, handle: () => Promise<T>): Promise<T>;
  /** Sends what is still batched and stops. */
  close(): Promise<void>;
}

/** `tracesUrl`: where spans go (OTLP/HTTP); tracing is off without it. */
export function createServiceTracing(service: string, tracesUrl: URL | undefined): ServiceTracing {
  enableContextPropagation();
  if (!tracesUrl) {
    return {
      serve: (_name, headers, handle) => context.with(propagator.extract(ROOT_CONTEXT, headers, headerGetter), handle),
      close: async () => {},
    };
  }
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: `marquee-${service}` }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl.href }))],
  });
  enableProcessHooks();
  const tracer: Tracer = provider.getTracer("@marquee/kit");
  return {
    serve: (name, headers, handle) => {
      const parent = withServiceProvider(propagator.extract(ROOT_CONTEXT, headers, headerGetter), provider);
      return tracer.startActiveSpan(name, { kind: SpanKind.SERVER }, parent, async (span) => {
        try {
          return await handle();
        } catch (error) {
          span.setStatus({ code: SpanStatusCode.ERROR });
          throw error;
        } finally {
          span.end();
        }
      });
    },
    close: () => provider.shutdown(),
  };
}

/** Writes the active trace context as `traceparent` (and `tracestate`) headers of an outgoing request. */
export function injectTraceContext(set: (name: string, value: string) => void): void {
  propagator.inject(context.active(), undefined, { set: (_carrier, name, value) => set(name, value) });
}

/** The trace id of the active context: this request's span, or the caller's `traceparent` when tracing is off. */
export function activeTraceId(): string | undefined {
  const spanContext = trace.getSpanContext(context.active());
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}

/** The active span, when tracing records one: a request's handlers add what they learn to it. */
export function activeSpan(): Span | undefined {
  const span = trace.getActiveSpan();
  return span?.isRecording() ? span : undefined;
}
