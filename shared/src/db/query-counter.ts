// Counts the SQL statements a Prisma client sends, so that a test can prove a resolver
// issues a bounded number of them (no N+1) however many rows it returns.

/**
 * A Prisma client created with `log: [{ emit: "event", level: "query" }]`. Without that
 * option Prisma emits no query events (its types do not catch it) and the count stays
 * at zero, so a test bounding the count from above should also expect it above zero.
 */
export interface QueryEventSource {
  $on(eventType: "query", callback: (event: { query: string }) => void): unknown;
}

export interface QueryCounter {
  /** Statements sent since the counter was made or last reset. */
  count(): number;
  reset(): void;
  /** Their SQL, in the order sent. */
  statements(): string[];
}

/**
 * Counts every statement the client reports in a `query` event, with nothing filtered
 * out. Prisma 7 reports a transaction's COMMIT (but not its BEGIN) as one such event,
 * so a transaction counts one more than the statements inside it; a relation loaded
 * with `include`/`select` is one more statement, however many rows it returns. Prisma
 * offers no way to unsubscribe, so the counter listens for the client's lifetime; make
 * one per client.
 */
export function countQueries(client: QueryEventSource): QueryCounter {
  let statements: string[] = [];
  client.$on("query", (event) => {
    statements.push(event.query);
  });
  return {
    count: () => statements.length,
    reset: () => {
      statements = [];
    },
    statements: () => [...statements],
  };
}
