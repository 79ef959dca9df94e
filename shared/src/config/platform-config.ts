// Configuration shared by every Marquee process, read and validated once at start.
// Each problem is reported with the variable that causes it, all at once, so that an
// operator fixes a broken deployment in one pass.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { readObservabilityConfig, type ObservabilityConfig } from "../observability/observability-config.ts";
import { loadRateLimits, type RateLimits } from "./rate-limits.ts";
import { readRedisUrl } from "./redis-url.ts";
import { loadRequestLimits, type RequestLimits } from "./request-limits.ts";

export type Environment = "development" | "test" | "production";

export interface AuthConfig {
  /** `jwks`: tokens from the identity provider; `development`: the local signing key (development only). */
  mode: "jwks" | "development";
  jwksUrl?: URL;
  /** Where the development signing key lives (created on first start). */
  devKeyFile?: string;
  issuer: string;
  audience: string;
  algorithms: string[];
  clockToleranceSeconds: number;
  /**
   * The oldest token accepted, counted from its `iat`; a token whose lifetime (`exp` − `iat`)
   * is longer is refused too, so that a token minted to last forever cannot be replayed forever.
   */
  maxTokenAgeSeconds: number;
  /** Longer tokens are refused before any parsing: a cheap guard against abuse. */
  maxTokenBytes: number;
}

export interface AccessConfig {
  /** When set, access facts come from the Auth service instead of the access directory tables. */
  authAccessUrl?: URL;
  requestTimeoutMs: number;
  cacheTtlMs: number;
  denialCacheTtlMs: number;
  cacheMaxEntries: number;
  /**
   * The secret an external Auth service signs its change notices with (the gateway's
   * webhook, gateway/src/access-change-webhook.ts); the webhook exists only when it is set.
   */
  webhookSecret?: string;
}

export interface PlatformConfig {
  environment: Environment;
  dataDir: string;
  auth: AuthConfig;
  access: AccessConfig;
  /** The header value the gateway sends and every subgraph demands. */
  gatewaySecret: string;
  introspection: boolean;
  logLevel: string;
  /** What one GraphQL operation may ask of the gateway and of each subgraph. */
  limits: RequestLimits;
  /** How many requests a user and a company may send the gateway a minute. */
  rateLimits: RateLimits;
  /** The Redis the instances share (see redis-url.ts); none in the embedded default. */
  redisUrl?: URL;
  /** Where metrics are served and traces sent. */
  observability: ObservabilityConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

const developmentIssuer = "marquee-dev";
const developmentAudience = "marquee";

export interface LoadConfigOptions {
  cwd?: string;
  /**
   * The environment when NODE_ENV is unset. Production unless the caller says otherwise:
   * a process started without NODE_ENV must never fall back to development's local
   * signing key, stack traces and introspection. `npm start`, `npm run token` and the
   * tests say development or test explicitly.
   */
  defaultEnvironment?: Environment;
}

export function loadPlatformConfig(env: Env = process.env, options: LoadConfigOptions = {}): PlatformConfig {
  const problems: string[] = [];
  const environment = readEnvironment(env, options.defaultEnvironment ?? "production", problems);
  const production = environment === "production";
  const development = environment === "development";
  const dataDir = resolve(options.cwd ?? process.cwd(), env["MARQUEE_DATA_DIR"] ?? ".data");

  const jwksUrl = readUrl(env, "AUTH_JWKS_URL", problems);
  if (!development && !jwksUrl) problems.push(`AUTH_JWKS_URL is required in ${environment} (the development signing key is enabled in development only).`);
  // Keys fetched over plain HTTP can be swapped on the way: whoever does so signs any token.
  if (production && jwksUrl && jwksUrl.protocol !== "https:") problems.push(`AUTH_JWKS_URL must be an https URL in production (got "${jwksUrl.href}").`);
  const auth: AuthConfig = {
    mode: jwksUrl ? "jwks" : "development",
    ...(jwksUrl ? { jwksUrl } : { devKeyFile: join(dataDir, "dev-auth-key.json") }),
    issuer: env["AUTH_ISSUER"] ?? (development ? developmentIssuer : missing(problems, "AUTH_ISSUER", `in ${environment}`)),
    audience: env["AUTH_AUDIENCE"] ?? (development ? developmentAudience : missing(problems, "AUTH_AUDIENCE", `in ${environment}`)),
    algorithms: readAlgorithms(env, problems, jwksUrl ? ["RS256", "ES256", "EdDSA"] : ["ES256"]),
    clockToleranceSeconds: readInteger(env, "AUTH_CLOCK_TOLERANCE_SECONDS", 30, problems, { min: 0, max: 300 }),
    maxTokenAgeSeconds: readInteger(env, "AUTH_MAX_TOKEN_AGE_SECONDS", 86_400, problems, { min: 60, max: 604_800 }),
    maxTokenBytes: readInteger(env, "AUTH_MAX_TOKEN_BYTES", 8192, problems, { min: 512, max: 65536 }),
  };

  const authAccessUrl = readUrl(env, "AUTH_ACCESS_URL", problems);
  // The caller's token travels to the Auth service: never in clear text in production.
  if (production && authAccessUrl && authAccessUrl.protocol !== "https:") problems.push(`AUTH_ACCESS_URL must be an https URL in production (got "${authAccessUrl.href}").`);
  const access: AccessConfig = {
    ...(authAccessUrl ? { authAccessUrl } : {}),
    requestTimeoutMs: readInteger(env, "AUTH_ACCESS_TIMEOUT_MS", 2000, problems, { min: 100, max: 30000 }),
    cacheTtlMs: readInteger(env, "ACCESS_CACHE_TTL_MS", 30_000, problems, { min: 0, max: 600_000 }),
    denialCacheTtlMs: readInteger(env, "ACCESS_DENIAL_CACHE_TTL_MS", 5_000, problems, { min: 0, max: 60_000 }),
    cacheMaxEntries: readInteger(env, "ACCESS_CACHE_MAX_ENTRIES", 10_000, problems, { min: 1, max: 1_000_000 }),
  };

  const integer = (name: string, fallback: number, range: { min: number; max: number }) => readInteger(env, name, fallback, problems, range);
  const limits = loadRequestLimits(integer);
  const rateLimits = loadRateLimits(env, integer, problems);
  const redisUrl = readRedisUrl(env, problems);
  const observability = readObservabilityConfig(env, problems);
  const webhookSecret = env["ACCESS_WEBHOOK_SECRET"] || undefined;
  if (webhookSecret !== undefined && webhookSecret.length < 32) problems.push("ACCESS_WEBHOOK_SECRET must be at least 32 characters.");
  // The webhook passes changes on through Redis; without it they would reach no instance.
  if (webhookSecret !== undefined && !redisUrl) problems.push("ACCESS_WEBHOOK_SECRET needs REDIS_URL: the webhook passes the changes on to every instance through Redis.");
  if (webhookSecret !== undefined) access.webhookSecret = webhookSecret;

  let gatewaySecret = env["GATEWAY_SECRET"];
  if (gatewaySecret !== undefined && gatewaySecret.length < 32) problems.push("GATEWAY_SECRET must be at least 32 characters.");
  if (gatewaySecret === undefined && !development) problems.push(`GATEWAY_SECRET is required in ${environment}.`);

  if (problems.length > 0) throw new ConfigError(problems);
  gatewaySecret ??= developmentGatewaySecret(dataDir);

  return {
    environment,
    dataDir,
    auth,
    access,
    gatewaySecret,
    introspection: readBoolean(env, "INTROSPECTION", !production),
    logLevel: env["LOG_LEVEL"] ?? (environment === "test" ? "silent" : "info"),
    limits,
    rateLimits,
    ...(redisUrl ? { redisUrl } : {}),
    observability,
  };
}

function readEnvironment(env: Env, fallback: Environment, problems: string[]): Environment {
  const value = env["NODE_ENV"] || fallback;
  if (value === "development" || value === "test" || value === "production") return value;
  problems.push(`NODE_ENV must be development, test or production (got "${value}").`);
  return fallback;
}

function missing(problems: string[], name: string, when: string): string {
  problems.push(`${name} is required ${when}.`);
  return "";
}

function readUrl(env: Env, name: string, problems: string[]): URL | undefined {
  const value = env[name];
  if (value === undefined || value === "") return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("not http");
    return url;
  } catch {
    problems.push(`${name} must be an http(s) URL (got "${value}").`);
    return undefined;
  }
}

function readInteger(env: Env, name: string, fallback: number, problems: string[], range: { min: number; max: number }): number {
  const value = env[name];
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < range.min || parsed > range.max) {
    problems.push(`${name} must be a whole number from ${range.min} to ${range.max} (got "${value}").`);
    return fallback;
  }
  return parsed;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const value = env[name];
  if (value === undefined || value === "") return fallback;
  return value === "true" || value === "1";
}

/** Asymmetric algorithms only: a shared-secret (HS*) or `none` token can never be accepted. */
const acceptableAlgorithms = new Set(["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"]);

function readAlgorithms(env: Env, problems: string[], fallback: string[]): string[] {
  const value = env["AUTH_ALGORITHMS"];
  if (value === undefined || value === "") return fallback;
  const algorithms = value.split(",").map((algorithm) => algorithm.trim()).filter(Boolean);
  const rejected = algorithms.filter((algorithm) => !acceptableAlgorithms.has(algorithm));
  if (rejected.length > 0 || algorithms.length === 0) {
    problems.push(`AUTH_ALGORITHMS may list only ${[...acceptableAlgorithms].join(", ")} (got "${value}").`);
    return fallback;
  }
  return algorithms;
}

/** Development only: a random secret kept under the data folder, shared by every local process. */
function developmentGatewaySecret(dataDir: string): string {
  const file = join(dataDir, "dev-gateway-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
