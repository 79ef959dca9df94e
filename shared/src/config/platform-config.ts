// Configuration shared by every Marquee process, read and validated once at start.
// Each problem is reported with the variable that causes it, all at once, so that an
// operator fixes a broken deployment in one pass.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export type Environment = "development" | "test" | "production";

export interface AuthConfig {
  /** `jwks`: tokens from the identity provider; `development`: the local signing key. */
  mode: "jwks" | "development";
  jwksUrl?: URL;
  /** Where the development signing key lives (created on first start). */
  devKeyFile?: string;
  issuer: string;
  audience: string;
  algorithms: string[];
  clockToleranceSeconds: number;
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

export function loadPlatformConfig(env: Env = process.env, options: { cwd?: string } = {}): PlatformConfig {
  const problems: string[] = [];
  const environment = readEnvironment(env, problems);
  const production = environment === "production";
  const dataDir = resolve(options.cwd ?? process.cwd(), env["MARQUEE_DATA_DIR"] ?? ".data");

  const jwksUrl = readUrl(env, "AUTH_JWKS_URL", problems);
  if (production && !jwksUrl) problems.push("AUTH_JWKS_URL is required in production (the development signing key is never enabled there).");
  const auth: AuthConfig = {
    mode: jwksUrl ? "jwks" : "development",
    ...(jwksUrl ? { jwksUrl } : { devKeyFile: join(dataDir, "dev-auth-key.json") }),
    issuer: env["AUTH_ISSUER"] ?? (production ? missing(problems, "AUTH_ISSUER", "in production") : developmentIssuer),
    audience: env["AUTH_AUDIENCE"] ?? (production ? missing(problems, "AUTH_AUDIENCE", "in production") : developmentAudience),
    algorithms: readAlgorithms(env, problems, jwksUrl ? ["RS256", "ES256", "EdDSA"] : ["ES256"]),
    clockToleranceSeconds: readInteger(env, "AUTH_CLOCK_TOLERANCE_SECONDS", 30, problems, { min: 0, max: 300 }),
    maxTokenBytes: readInteger(env, "AUTH_MAX_TOKEN_BYTES", 8192, problems, { min: 512, max: 65536 }),
  };

  const authAccessUrl = readUrl(env, "AUTH_ACCESS_URL", problems);
  const access: AccessConfig = {
    ...(authAccessUrl ? { authAccessUrl } : {}),
    requestTimeoutMs: readInteger(env, "AUTH_ACCESS_TIMEOUT_MS", 2000, problems, { min: 100, max: 30000 }),
    cacheTtlMs: readInteger(env, "ACCESS_CACHE_TTL_MS", 30_000, problems, { min: 0, max: 600_000 }),
    denialCacheTtlMs: readInteger(env, "ACCESS_DENIAL_CACHE_TTL_MS", 5_000, problems, { min: 0, max: 60_000 }),
    cacheMaxEntries: readInteger(env, "ACCESS_CACHE_MAX_ENTRIES", 10_000, problems, { min: 1, max: 1_000_000 }),
  };

  let gatewaySecret = env["GATEWAY_SECRET"];
  if (gatewaySecret !== undefined && gatewaySecret.length < 32) problems.push("GATEWAY_SECRET must be at least 32 characters.");
  if (gatewaySecret === undefined && production) problems.push("GATEWAY_SECRET is required in production.");

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
  };
}

function readEnvironment(env: Env, problems: string[]): Environment {
  const value = env["NODE_ENV"] ?? "development";
  if (value === "development" || value === "test" || value === "production") return value;
  problems.push(`NODE_ENV must be development, test or production (got "${value}").`);
  return "development";
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
