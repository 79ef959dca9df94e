// Hive Gateway's configuration for the benchmark (`hive-gateway supergraph … -c <this file>`):
// the same supergraph and subgraphs as Marquee's gateway, at its best. It answers the same
// queries the same way because it sends each subgraph what Marquee's gateway sends: the
// caller's token and company, and the gateway secret without which a subgraph refuses the
// call (shared/src/subgraph/create-subgraph.ts). The header names are spelled out rather than
// imported from the kit, so that this process loads nothing of Marquee.
//
// The options are typed here, not with Hive's `GatewayCLIConfig`: its declarations pull in
// @whatwg-node/fetch's, which add the DOM library to the globals of the whole type check
// (and so break Node's own fetch types elsewhere). Their names and shapes are those of
// @graphql-hive/gateway-runtime 2.x (dist/index.d.ts: GatewayConfigBase).
interface HiveGatewayOptions {
  transportEntries: Record<string, { location?: string; options?: { deduplicateInflightRequests?: boolean } }>;
  inboundInflightRequestDeduplication: boolean;
  propagateHeaders: { fromClientToSubgraphs: (payload: { request: { headers: { get(name: string): string | null } } }) => Record<string, string | null> };
  landingPage: boolean;
  graphiql: boolean;
  logging: "debug" | "info" | "warn" | "error";
}

const subgraphs = ["base", "finance", "market", "touring", "venue", "ai"];

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required: the benchmark sets it.`);
  return value;
}

const gatewaySecret = required("GATEWAY_SECRET");

export const gatewayConfig: HiveGatewayOptions = {
  transportEntries: {
    // The subgraphs run on the benchmark's ports, as <NAME>_ROUTING_URL tells Marquee's gateway.
    ...Object.fromEntries(subgraphs.map((name) => [name, { location: required(`${name.toUpperCase()}_ROUTING_URL`) }])),
    // One fetch for identical subgraph requests in flight at once (same document, variables and headers).
    "*.http": { options: { deduplicateInflightRequests: true } },
  },
  // One execution for identical queries in flight at once; every header is in the key, so callers never share an answer.
  inboundInflightRequestDeduplication: true,
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({
      authorization: request.headers.get("authorization"),
      "x-company-id": request.headers.get("x-company-id"),
      "x-gateway-secret": gatewaySecret,
    }),
  },
  // Nothing here may reach the internet: no usage reporting or tracing is configured (both are
  // off unless given a target and token), and the landing page and GraphiQL, which load scripts
  // from a CDN in a browser, are off.
  landingPage: false,
  graphiql: false,
  logging: "warn",
};
