// Issue #9, step 7: with an OTLP endpoint configured, one request through the gateway is
// one trace, in the gateway and in every subgraph it reaches, each subgraph's span the
// child of the gateway's call to it, and each database query a span under the subgraph's;
// the operation log line carries the trace id. The
// collector is a plain HTTP server here that keeps what the exporters send (OTLP/JSON).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "@marquee/gateway/testing";

interface ExportedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Record<string, unknown>;
}

interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: string | number; boolValue?: boolean };
}
interface OtlpBody {
  resourceSpans: {
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: { spans: { traceId: string; spanId: string; parentSpanId?: string; name: string; attributes?: OtlpAttribute[] }[] }[];
  }[];
}

const attributes = (list: OtlpAttribute[] = []) => Object.fromEntries(list.map(({ key, value }) => [key, value.stringValue ?? value.intValue ?? value.boolValue]));

const spans: ExportedSpan[] = [];
const contentTypes = new Set<string>();
let collector: Server;
let collectorUrl: string;
let stack: TestStack;
const callerTraceId = "0af7651916cd43dd8448eb211c80319c";
const callerSpanId = "b7ad6b7169203331";

beforeAll(async () => {
  collector = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (request.method === "POST" && request.url === "/v1/traces") {
        contentTypes.add(String(request.headers["content-type"]));
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as OtlpBody;
        for (const resourceSpan of body.resourceSpans) {
          const service = String(attributes(resourceSpan.resource.attributes)["service.name"]);
          for (const scope of resourceSpan.scopeSpans) {
            for (const span of scope.spans) {
              spans.push({ service, traceId: span.traceId, spanId: span.spanId, ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}), name: span.name, attributes: attributes(span.attributes) });
            }
          }
        }
      }
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;

  stack = await startTestStack({ config: { observability: { tracesUrl: new URL(`${collectorUrl}/v1/traces`) } } });
  const first = await stack.query("query FirstExpenses { expenses(first: 2) { edges { node { id event { name } } } } }", {
    as: "alice@northwind.test",
    company: "northwind",
    headers: { "x-request-id": "trace-own" },
  });
  expect(first.status).toBe(200);
  const second = await stack.query("{ events(first: 1) { edges { node { id } } } }", {
    as: "alice@northwind.test",
    company: "northwind",
    headers: { "x-request-id": "trace-caller", traceparent: `00-${callerTraceId}-${callerSpanId}-01` },
  });
  expect(second.status).toBe(200);
  // Closing the stack sends what the batch processors still hold.
  await stack.close();
});
afterAll(async () => {
  await new Promise((resolve) => collector?.close(resolve));
});

/** The spans of the trace whose gateway server span served the request with this id. */
function traceOf(requestId: string) {
  const logLine = stack.logs.lines().find((line) => line.msg === "operation" && line.requestId === requestId);
  expect(logLine?.traceId).toMatch(/^[0-9a-f]{32}$/);
  return { traceId: logLine!.traceId as string, spans: spans.filter((span) => span.traceId === logLine!.traceId) };
}

describe("tracing", () => {
  it("exports OTLP/JSON to the configured endpoint", () => {
    expect([...contentTypes]).toEqual(["application/json"]);
  });

  it("makes one request one trace: the gateway's spans and each subgraph's share its id", () => {
    const { traceId, spans: trace } = traceOf("trace-own");
    const gatewayServer = trace.filter((span) => span.service === "marquee-gateway" && span.name === "POST /graphql");
    expect(gatewayServer).toHaveLength(1);
    // No traceparent came in: the gateway started the trace.
    expect(gatewayServer[0]!.parentSpanId).toBeUndefined();
    expect(trace.filter((span) => span.service === "marquee-gateway").map((span) => span.name)).toEqual(
      expect.arrayContaining(["gateway.request", "gateway.plan", "gateway.execute", "gateway.fetch"]),
    );
    expect(trace.filter((span) => span.service === "marquee-finance" && span.name === "POST /api/finance/graphql")).toHaveLength(1);
    expect(trace.filter((span) => span.service === "marquee-base" && span.name === "POST /api/base/graphql")).toHaveLength(1);
    // Every span of the request's services is in this one trace, and the other request's are not.
    const services = new Set(spans.filter((span) => span.traceId === traceId).map((span) => span.service));
    expect(services).toEqual(new Set(["marquee-gateway", "marquee-finance", "marquee-base"]));
  });

  it("makes each subgraph's span the child of the gateway's call to that subgraph", () => {
    const { spans: trace } = traceOf("trace-own");
    for (const subgraph of ["finance", "base"]) {
      const server = trace.find((span) => span.service === `marquee-${subgraph}` && span.name === `POST /api/${subgraph}/graphql`)!;
      const parent = trace.find((span) => span.spanId === server.parentSpanId);
      expect(parent, subgraph).toMatchObject({ service: "marquee-gateway", name: "gateway.fetch", attributes: { service: subgraph } });
    }
  });

  it("traces each database query under the subgraph's span that made it, with the statement and no values", () => {
    const { spans: trace } = traceOf("trace-own");
    const finance = trace.find((span) => span.service === "marquee-finance" && span.name === "POST /api/finance/graphql")!;
    const financeQueries = trace.filter((span) => span.service === "marquee-finance" && span.name === "prisma:client:db_query");
    expect(financeQueries.length).toBeGreaterThan(0);
    const byId = new Map(trace.map((span) => [span.spanId, span]));
    for (const query of financeQueries) {
      // Finance's own tables, and the access directory's, read for the caller's access.
      expect(String(query.attributes["db.query.text"])).toMatch(/^SELECT .*"(finance|access)"\./);
      expect(String(query.attributes["db.query.text"])).not.toContain("0b0c6a2e-2f1d-4a3e-9a55-1d0a7c1e0001");
      // Up the chain of Prisma's spans to the request that ran the query.
      let ancestor = byId.get(query.parentSpanId!);
      while (ancestor && ancestor.name.startsWith("prisma:")) ancestor = byId.get(ancestor.parentSpanId!);
      expect(ancestor).toBe(finance);
    }
    expect(trace.some((span) => span.service === "marquee-base" && span.name === "prisma:client:db_query")).toBe(true);
  });

  it("records the operation type on the server spans", () => {
    const { spans: trace } = traceOf("trace-own");
    const finance = trace.find((span) => span.service === "marquee-finance" && span.name === "POST /api/finance/graphql")!;
    expect(finance.attributes["graphql.operation.type"]).toBe("query");
  });

  it("continues the caller's trace when a traceparent comes in", () => {
    const { traceId, spans: trace } = traceOf("trace-caller");
    expect(traceId).toBe(callerTraceId);
    const gatewayServer = trace.find((span) => span.service === "marquee-gateway" && span.name === "POST /graphql");
    expect(gatewayServer?.parentSpanId).toBe(callerSpanId);
    expect(trace.some((span) => span.service === "marquee-base")).toBe(true);
  });

  it("traces a second stack started in the same process just as well", async () => {
    // The hooks of @apollo/gateway and Prisma are once per process: they must serve whichever stack is running.
    const second = await startTestStack({ config: { observability: { tracesUrl: new URL(`${collectorUrl}/v1/traces`) } } });
    try {
      const response = await second.query("{ expenses(first: 1) { edges { node { id } } } }", { as: "alice@northwind.test", company: "northwind", headers: { "x-request-id": "trace-second" } });
      expect(response.status).toBe(200);
    } finally {
      await second.close();
    }
    const traceId = second.logs.lines().find((line) => line.msg === "operation" && line.requestId === "trace-second")?.traceId as string;
    const names = spans.filter((span) => span.traceId === traceId).map((span) => `${span.service} ${span.name}`);
    expect(names).toEqual(expect.arrayContaining(["marquee-gateway POST /graphql", "marquee-gateway gateway.fetch", "marquee-finance POST /api/finance/graphql", "marquee-finance prisma:client:db_query"]));
  });

  it("writes the trace id into every subgraph's operation log line", () => {
    const { traceId } = traceOf("trace-own");
    const lines = stack.logs.lines().filter((line) => line.msg === "operation" && line.requestId === "trace-own");
    expect(lines.map((line) => line.endpoint).sort()).toEqual(["/api/base/graphql", "/api/finance/graphql"]);
    for (const line of lines) expect(line.traceId).toBe(traceId);
  });
});
