// The services a Marquee process builds once at start and hands to each subgraph:
// the token verifier, the access resolver (source + cache) and the logger.
import type { DestinationStream } from "pino";
import { AccessCache } from "../access/access-cache.ts";
import type { AccessSource } from "../access/access-source.ts";
import { createHttpAccessSource } from "../access/http-source.ts";
import { createAccessResolver } from "../access/resolve-access-context.ts";
import { tokenVerifierFor, type TokenVerifier } from "../auth/token-verifier.ts";
import type { PlatformConfig } from "../config/platform-config.ts";
import { createLogger } from "../logging/logger.ts";
import type { PlatformServices } from "../subgraph/create-subgraph.ts";

export interface PlatformServicesOptions {
  config: PlatformConfig;
  /** The access directory source; used unless AUTH_ACCESS_URL names an Auth service. */
  directorySource: () => AccessSource;
  tokenVerifier?: TokenVerifier;
  logDestination?: DestinationStream;
  name?: string;
}

export async function createPlatformServices(options: PlatformServicesOptions): Promise<PlatformServices> {
  const { config } = options;
  const source = config.access.authAccessUrl
    ? createHttpAccessSource({ baseUrl: config.access.authAccessUrl, timeoutMs: config.access.requestTimeoutMs })
    : options.directorySource();
  const cache = new AccessCache({
    ttlMs: config.access.cacheTtlMs,
    denialTtlMs: config.access.denialCacheTtlMs,
    maxEntries: config.access.cacheMaxEntries,
  });
  return {
    config,
    tokenVerifier: options.tokenVerifier ?? (await tokenVerifierFor(config.auth, config.environment)),
    accessResolver: createAccessResolver(source, cache),
    logger: createLogger({ name: options.name ?? "marquee", level: config.logLevel, ...(options.logDestination ? { destination: options.logDestination } : {}) }),
  };
}
