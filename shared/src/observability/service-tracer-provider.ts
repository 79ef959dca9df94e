// The process-wide tracer provider. Two things make spans through a process-wide hook:
// @apollo/gateway (plan, execute, one fetch per subgraph call) through @opentelemetry/api's
// global provider, and Prisma 7's client (an operation span and one `prisma:client:db_query`
// per SQL statement, with its text and placeholders, never the values) through
// @prisma/instrumentation's. But the local stack runs every service in one process, each
// with a provider of its own (its `service.name`), and tests start several stacks in one
// process. So the hooks are given this provider, which starts each span with the provider
// of the service whose request is running, kept in the trace context by tracing.ts.
// Outside such a request (or with tracing off) a span records nothing and passes its
// parent's trace context on unchanged, as the API's no-op tracer does.
import { context, createContextKey, trace, INVALID_SPAN_CONTEXT, type Context, type Span, type SpanOptions, type Tracer, type TracerProvider } from "@opentelemetry/api";

const serviceProviderKey = createContextKey("marquee service tracer provider");

/** The context with the provider that spans made inside it belong to. */
export const withServiceProvider = (parent: Context, provider: TracerProvider): Context => parent.setValue(serviceProviderKey, provider);

function nonRecordingSpan(within: Context, options: SpanOptions | undefined): Span {
  const parent = options?.root ? undefined : trace.getSpanContext(within);
  return trace.wrapSpanContext(parent && trace.isSpanContextValid(parent) ? parent : INVALID_SPAN_CONTEXT);
}

export const runningServiceTracerProvider: TracerProvider = {
  getTracer(name, version, options): Tracer {
    const startSpan = (spanName: string, spanOptions?: SpanOptions, within: Context = context.active()): Span => {
      const provider = within.getValue(serviceProviderKey) as TracerProvider | undefined;
      return provider ? provider.getTracer(name, version, options).startSpan(spanName, spanOptions, within) : nonRecordingSpan(within, spanOptions);
    };
    return {
      startSpan,
      // The API's overloads: (name, fn), (name, options, fn), (name, options, context, fn).
      startActiveSpan(spanName: string, ...rest: unknown[]) {
        const run = rest.pop() as (span: Span) => unknown;
        const [spanOptions, within = context.active()] = rest as [SpanOptions | undefined, Context | undefined];
        const span = startSpan(spanName, spanOptions, within);
        return context.with(trace.setSpan(within, span), run, undefined, span);
      },
    } as Tracer;
  },
};
