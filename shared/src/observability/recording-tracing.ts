// Tracing on: each service has a tracer provider of its own, named `marquee-<service>`,
// whose spans leave in batches (BatchSpanProcessor) for the OTLP endpoint, so that a slow or
// absent collector never holds a request. observability.ts loads this module only when an
// endpoint is configured: a process that sends no spans has no use for the SDK, its exporter
// and Prisma's instrumentation, which took about a quarter of the kit's loading time (the
// kit loaded in 0.94-1.16 s with them and ioredis, 0.63-0.67 s without).
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Tracer } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
import { PrismaInstrumentation } from "@prisma/instrumentation";
import { runningServiceTracerProvider, withServiceProvider } from "./service-tracer-provider.ts";
import { activeTrace, headerGetter, propagator, type ServiceTracing } from "./tracing.ts";

let contextPropagationEnabled = false;

/** Once per process, when a first service traces: every service of it shares the context manager. */
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

/** The tracing of `service`, whose spans go to `tracesUrl` (OTLP/HTTP). */
export function recordingServiceTracing(service: string, tracesUrl: URL): ServiceTracing {
  enableContextPropagation();
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
          return await handle(activeTrace(span.spanContext().traceId));
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
