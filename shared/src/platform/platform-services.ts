// The services a Marquee process builds once at start and hands to each subgraph:
// the token verifier, the access resolver (source + cache) and the logger. The cache hears
// of every change of access, so that a revoked grant stops working in this process as soon
// as it is made: from the directory's own announcements (LISTEN), or with an Auth service
// from Redis, where the gateway's webhook publishes what the service reports.
import type { DestinationStream } from "pino";
import { AccessCache } from "../access/access-cache.ts";
import type { AccessChangeFeed } from "../access/access-change-feed.ts";
import type { AccessChange } from "../access/access-changes.ts";
import { subscribeToAccessChanges } from "../access/redis-access-changes.ts";
import type { AccessDirectory } from "../access/access-directory.ts";
import type { AccessSource } from "../access/access-source.ts";
import { createHttpAccessSource } from "../access/http-source.ts";
import { createAccessResolver } from "../access/resolve-access-context.ts";
import { tokenVerifierFor, type TokenVerifier } from "../auth/token-verifier.ts";
import type { PlatformConfig } from "../config/platform-config.ts";
import { createLogger } from "../logging/logger.ts";
import { createObservability, type Observability } from "../observability/observability.ts";
import type { PlatformServices } from "../subgraph/create-subgraph.ts";

export interface PlatformServicesOptions {
  config: PlatformConfig;
  /** The access directory; used unless AUTH_ACCESS_URL names an Auth service. */
  directory: () => Pick<AccessDirectory, "source" | "listenForChanges">;
  tokenVerifier?: TokenVerifier;
  logDestination?: DestinationStream;
  name?: string;
  /** Made by the caller when it needs it before the services (to observe database pools); made here otherwise. */
  observability?: Observability;
}

export async function createPlatformServices(options: PlatformServicesOptions): Promise<PlatformServices> {
  const { config } = options;
  const name = options.name ?? "marquee";
  const logger = createLogger({ name, level: config.logLevel, ...(options.logDestination ? { destination: options.logDestination } : {}) });
  const observability = options.observability ?? (await createObservability(config.observability));
  const cache = new AccessCache({
    ttlMs: config.access.cacheTtlMs,
    denialTtlMs: config.access.denialCacheTtlMs,
    maxEntries: config.access.cacheMaxEntries,
    observer: observability.metrics.accessCacheObserver(name),
  });
  let source: AccessSource;
  let changeFeed: AccessChangeFeed | undefined;
  const forgetOnChange = { changed: (change: AccessChange) => cache.forget(change), lost: () => cache.pause(), restored: () => cache.resume() };
  if (config.access.authAccessUrl) {
    source = createHttpAccessSource({ baseUrl: config.access.authAccessUrl, timeoutMs: config.access.requestTimeoutMs });
    // The Auth service announces changes through the gateway's webhook, passed on over Redis.
    if (config.redisUrl) changeFeed = await subscribeToAccessChanges(config.redisUrl, forgetOnChange, logger);
    else if (config.environment === "production") {
      logger.warn(`REDIS_URL is not set: a change of access made in the Auth service is seen here only when the cached context expires (ACCESS_CACHE_TTL_MS, ${config.access.cacheTtlMs} ms).`);
    }
  } else {
    const directory = options.directory();
    source = directory.source;
    changeFeed = await directory.listenForChanges(forgetOnChange, { logger });
  }
  return {
    config,
    tokenVerifier: options.tokenVerifier ?? (await tokenVerifierFor(config.auth, config.environment)),
    accessResolver: createAccessResolver(source, cache),
    logger,
    observability,
    close: async () => {
      await changeFeed?.close();
      await observability.close();
    },
  };
}
