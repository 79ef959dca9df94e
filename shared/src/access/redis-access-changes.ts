// Access changes over Redis pub/sub, for processes that take access facts from an Auth
// service (AUTH_ACCESS_URL) rather than from the directory's tables, whose changes they
// cannot LISTEN to. The Auth service tells the gateway's webhook (gateway/src/access-change-webhook.ts),
// the webhook publishes here, and every subscribed process drops what the change covers.
// A subscriber that loses Redis is told so (`lost`), because every change published
// meanwhile is gone for it; ioredis reconnects and subscribes again by itself (`restored`).
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { AccessChangeFeed, AccessChangeSubscriber } from "./access-change-feed.ts";
import { parseAccessChange, type AccessChange } from "./access-changes.ts";

/** The Redis client, loaded by the processes that use Redis alone: most run without it. */
const redisClient = async (): Promise<typeof Redis> => (await import("ioredis")).Redis;

/** The Redis channel access changes are published on. */
export const redisAccessChangesChannel = "marquee:access-changes";

/** Subscribes; rejects if Redis cannot be reached at start. */
export async function subscribeToAccessChanges(redisUrl: URL, subscriber: AccessChangeSubscriber, logger: Logger): Promise<AccessChangeFeed> {
  const Client = await redisClient();
  const redis = new Client(redisUrl.href, { lazyConnect: true, maxRetriesPerRequest: null, retryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 5_000) });
  let live = false;
  let started = false;
  redis.on("message", (channel: string, payload: string) => {
    if (channel === redisAccessChangesChannel) subscriber.changed(parseAccessChange(payload));
  });
  redis.on("close", () => {
    if (!live) return;
    live = false;
    subscriber.lost();
    logger.warn("access change subscription lost: access contexts are read from the Auth service on every request until it is back");
  });
  // After a reconnection the cache resumes only once the subscription is confirmed: a
  // change published before that would otherwise go unheard by a cache already serving.
  redis.on("ready", () => {
    if (live || !started) return;
    redis.subscribe(redisAccessChangesChannel).then(
      () => {
        if (live) return;
        live = true;
        subscriber.restored();
        logger.info("access change subscription restored");
      },
      (error: unknown) => logger.warn({ err: error }, "access change subscription failed"),
    );
  });
  redis.on("error", (error: Error) => logger.debug({ err: error }, "access change subscription error"));
  await redis.connect();
  await redis.subscribe(redisAccessChangesChannel);
  live = true;
  started = true;
  return {
    close: async () => {
      live = false;
      redis.disconnect();
    },
  };
}

export interface AccessChangePublisher {
  publish(changes: readonly AccessChange[]): Promise<number>;
  close(): Promise<void>;
}

export function createAccessChangePublisher(redisUrl: URL, logger: Logger): AccessChangePublisher {
  const connection = redisClient().then((Client) => {
    // A publish waits for at most one reconnection: the caller answers 503 and its sender retries.
    const redis = new Client(redisUrl.href, { lazyConnect: true, maxRetriesPerRequest: 1 });
    redis.on("error", (error: Error) => logger.debug({ err: error }, "access change publisher error"));
    return redis;
  });
  return {
    async publish(changes) {
      const pipeline = (await connection).pipeline();
      for (const change of changes) pipeline.publish(redisAccessChangesChannel, JSON.stringify(change));
      const results = await pipeline.exec();
      const failed = results?.find(([error]) => error);
      if (failed) throw failed[0];
      return changes.length;
    },
    close: async () => {
      (await connection).disconnect();
    },
  };
}
