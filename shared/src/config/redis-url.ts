// REDIS_URL: the Redis server a deployment's instances share. The gateways count rate
// limits in it together, and with an Auth service (AUTH_ACCESS_URL) every process hears of
// access changes through it. Unset, each process keeps both to itself.

export function readRedisUrl(env: Record<string, string | undefined>, problems: string[]): URL | undefined {
  const value = env["REDIS_URL"];
  if (value === undefined || value === "") return undefined;
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url?.protocol === "redis:" || url?.protocol === "rediss:") return url;
  // The value may carry a password: it is not repeated in the message.
  problems.push("REDIS_URL must be a redis:// or rediss:// URL.");
  return undefined;
}
