// Hears the access directory announce changes (LISTEN on its PostgreSQL channel) and tells
// the process what to forget. On a PostgreSQL server the feed holds one connection of its
// own; when that connection is lost, the process is told so (`lost`) and keeps trying to
// reconnect, because every change made meanwhile goes unheard: the cache must serve nothing
// until the feed is back (`restored`). The embedded database lives in this process, so its
// feed cannot be lost.
import pg from "pg";
import type { Logger } from "pino";
import type { DatabaseTarget } from "../db/database-target.ts";
import { accessChangesChannel, parseAccessChange, type AccessChange } from "./access-changes.ts";

/** The PostgreSQL application_name of a feed's connection. */
export const accessChangeFeedApplicationName = "marquee-access-changes";

export interface AccessChangeSubscriber {
  changed(change: AccessChange): void;
  /** Changes can no longer be heard. */
  lost(): void;
  /** Changes are heard again; anything may have changed in between. */
  restored(): void;
}

export interface AccessChangeFeed {
  close(): Promise<void>;
}

export interface AccessChangeFeedOptions {
  logger: Logger;
  /**
   * How often the feed's connection is proved alive. A connection dropped by the server
   * is seen at once; one that silently went away (a network partition) only by a probe
   * that gets no answer within `probeTimeoutMs`.
   */
  probeIntervalMs?: number;
  probeTimeoutMs?: number;
  /** The first wait before reconnecting; it doubles up to `maxReconnectDelayMs`. */
  reconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
}

/** Starts listening; rejects if the first connection fails (the directory is unreachable). */
export async function listenForAccessChanges(
  target: DatabaseTarget,
  subscriber: AccessChangeSubscriber,
  options: AccessChangeFeedOptions,
): Promise<AccessChangeFeed> {
  if (target.kind === "embedded") {
    const unlisten = await target.pglite.listen(accessChangesChannel, (payload) => subscriber.changed(parseAccessChange(payload)));
    return { close: unlisten };
  }
  const feed = new PostgresAccessChangeFeed(target.url, subscriber, options);
  await feed.connect();
  return feed;
}

class PostgresAccessChangeFeed implements AccessChangeFeed {
  private client: pg.Client | undefined;
  private closed = false;
  private reconnecting = false;
  private probe: NodeJS.Timeout | undefined;
  private readonly probeIntervalMs: number;
  private readonly probeTimeoutMs: number;
  private readonly reconnectDelayMs: number;
  private readonly maxReconnectDelayMs: number;

  constructor(
    private readonly url: string,
    private readonly subscriber: AccessChangeSubscriber,
    private readonly options: AccessChangeFeedOptions,
  ) {
    this.probeIntervalMs = options.probeIntervalMs ?? 5_000;
    this.probeTimeoutMs = options.probeTimeoutMs ?? 2_000;
    this.reconnectDelayMs = options.reconnectDelayMs ?? 100;
    this.maxReconnectDelayMs = options.maxReconnectDelayMs ?? 5_000;
  }

  async connect(): Promise<void> {
    // Named, so that an operator sees in pg_stat_activity which connections are feeds.
    const client = new pg.Client({ connectionString: this.url, keepAlive: true, query_timeout: this.probeTimeoutMs, application_name: accessChangeFeedApplicationName });
    client.on("notification", (message) => {
      if (message.channel === accessChangesChannel) this.subscriber.changed(parseAccessChange(message.payload));
    });
    // Either event means the connection is gone; `error` alone would leave the process to crash.
    client.on("error", (error) => this.connectionLost(client, error));
    client.on("end", () => this.connectionLost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${accessChangesChannel}`);
    } catch (error) {
      client.removeAllListeners();
      client.on("error", () => undefined);
      void client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.probe = setInterval(() => void this.proveAlive(client), this.probeIntervalMs).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.probe);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async proveAlive(client: pg.Client): Promise<void> {
    try {
      await client.query("SELECT 1");
    } catch (error) {
      this.connectionLost(client, error);
    }
  }

  private connectionLost(client: pg.Client, error?: unknown): void {
    if (this.closed || this.client !== client) return;
    this.client = undefined;
    clearInterval(this.probe);
    client.removeAllListeners();
    client.on("error", () => undefined);
    void client.end().catch(() => undefined);
    this.subscriber.lost();
    this.options.logger.warn({ err: error }, "access change feed lost: access contexts are read from the directory on every request until it is back");
    void this.reconnect();
  }

  private async reconnect(): Promise<void> {
    if (this.reconnecting) return;
    this.reconnecting = true;
    let delay = this.reconnectDelayMs;
    while (!this.closed) {
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
      if (this.closed) break;
      try {
        await this.connect();
        this.subscriber.restored();
        this.options.logger.info("access change feed restored");
        break;
      } catch {
        delay = Math.min(delay * 2, this.maxReconnectDelayMs);
      }
    }
    this.reconnecting = false;
  }
}
