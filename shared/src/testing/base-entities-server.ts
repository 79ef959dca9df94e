// Base's `_entities` over real HTTP, answered from tables the tests hold: for unit tests of
// a module's logic that reads Base's fields (ticket counts, ticket tiers) through the kit's
// BaseReader without starting Base and seeding its database. One server per test file; each
// test opens a Base of its own on it (its own path, table and record of calls), so that it
// can assert how the module batches its reads. End-to-end tests run the real Base.
import { listen } from "../http/listen.ts";

/** One test's Base: where to send reads, and every call received there. */
export interface BaseEntities {
  url: string;
  /** Every call received: its document and the ids of its representations. */
  calls: { query: string; ids: string[] }[];
}

export interface BaseEntitiesServer {
  /** A Base answering `entityOf(id)` for each id: the entity, or null when the caller's company has none. */
  open(entityOf: (id: string) => Record<string, unknown> | null): BaseEntities;
  close(): Promise<void>;
}

export async function startBaseEntitiesServer(): Promise<BaseEntitiesServer> {
  const bases: { entityOf: (id: string) => Record<string, unknown> | null; calls: BaseEntities["calls"] }[] = [];
  const server = await listen(
    (request, response) => {
      const base = bases[Number(/^\/base\/(\d+)\/graphql$/.exec(request.url ?? "")?.[1] ?? -1)];
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        if (!base) {
          response.writeHead(404).end();
          return;
        }
        const { query, variables } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { query: string; variables: { representations: { id: string }[] } };
        const ids = variables.representations.map((representation) => representation.id);
        base.calls.push({ query, ids });
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify({ data: { _entities: ids.map(base.entityOf) } }));
      });
    },
    0,
    "127.0.0.1",
  );
  return {
    open(entityOf) {
      const calls: BaseEntities["calls"] = [];
      bases.push({ entityOf, calls });
      return { url: `${server.url}/base/${bases.length - 1}/graphql`, calls };
    },
    close: () => server.close(),
  };
}
