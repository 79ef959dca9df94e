// CORS for browsers: Apollo Sandbox (hosted by Apollo) and the configured frontend
// origins may call the gateway with credentials headers; other origins get no grant.
export const sandboxOrigin = "https://studio.apollographql.com";

export function corsHeaders(origin: string | undefined, allowedOrigins: string[]): Record<string, string> {
  if (!origin || !allowedOrigins.includes(origin)) return {};
  return {
    "access-control-allow-origin": origin,
    "access-control-allow-methods": "GET, POST, OPTIONS",
    "access-control-allow-headers": "authorization, content-type, x-company-id, x-request-id, apollo-require-preflight, apollographql-client-name, apollographql-client-version",
    "access-control-expose-headers": "x-request-id",
    "access-control-max-age": "600",
    vary: "Origin",
  };
}
