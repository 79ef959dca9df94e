// Modules read Base's shared entities (spec §5.1) through Base's own API, with the
// caller's credentials, so Base scopes every answer to the caller's company exactly as it
// does for the frontend. Within a request, reads are batched into one call per entity
// type and field selection. Across requests, a read identical to one in flight (the same
// document and variables, with the same credentials and company) waits for that call's
// answer instead of making its own (the kit's sharedReads, as the gateway's calls to
// subgraphs do): one caller's concurrent requests (widgets loading together, a batch of
// expenses sent at once) check the same events once. The answer is then as fresh as a
// read started a round trip earlier.
import DataLoader from "dataloader";
import { serviceUnavailable, forbidden, unauthenticated } from "../errors/errors.ts";
import { createHttpClient, type HttpAnswer } from "../http/http-client.ts";
import { sharedReads } from "../http/shared-reads.ts";
import { gatewaySecretHeader } from "../subgraph/gateway-secret.ts";
import type { RequestContext } from "../subgraph/request-context.ts";

export interface BaseReaderOptions {
  /** Base's GraphQL endpoint, e.g. http://localhost:4001/api/base/graphql. */
  url: string;
  gatewaySecret: string;
  timeoutMs?: number;
}

export type BaseEntityType = "Event" | "Artist";

export interface BaseReader {
  /** Any read of Base's API (e.g. the shared event listing), answered with Base's `data`. */
  query<Data>(document: string, variables?: Record<string, unknown>): Promise<Data>;
  /**
   * Loads entities by id with the given field selection (GraphQL, without braces);
   * an id unknown in the caller's company loads as null.
   */
  load<Entity extends { id: string }>(type: BaseEntityType, selection: string, ids: readonly string[]): Promise<(Entity | null)[]>;
  /** The ids among `ids` that exist in the caller's company. */
  existing(type: BaseEntityType, ids: readonly string[]): Promise<Set<string>>;
}

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export type BaseReaderFactory = (context: RequestContext) => BaseReader;

export function createBaseReaderFactory(options: BaseReaderOptions): BaseReaderFactory {
  // One pool of keep-alive connections to Base for every request's reader; a read changes
  // nothing in Base, so identical ones in flight share one call.
  const sendRead = sharedReads(createHttpClient());
  const timeoutMs = options.timeoutMs ?? 5_000;

  return (context) => {
    const loaders = new Map<string, DataLoader<string, { id: string } | null>>();

    /** Base's answer to one document; Base's 401/403 pass through, anything else unexpected is a 503. */
    async function query<Data>(document: string, variables: Record<string, unknown> = {}): Promise<Data> {
      let answer: HttpAnswer;
      try {
        answer = await sendRead(options.url, {
          method: "POST",
          headers: { "content-type": "application/json", [gatewaySecretHeader]: options.gatewaySecret, ...context.callerHeaders },
          body: JSON.stringify({ query: document, variables }),
          timeoutMs,
        }).answer;
      } catch (error) {
        context.logger.error({ err: error }, "Base did not answer");
        throw serviceUnavailable("The shared entities service (Base) is unavailable; please retry shortly.");
      }
      const body = graphQLAnswerOf(answer.body);
      const denial = body.errors?.find((error) => error.extensions?.code === "UNAUTHENTICATED" || error.extensions?.code === "FORBIDDEN");
      if (denial) throw denial.extensions?.code === "UNAUTHENTICATED" ? unauthenticated(denial.message) : forbidden(denial.message);
      if (answer.status < 200 || answer.status > 299 || !body.data || body.errors?.length) {
        context.logger.error({ status: answer.status, errors: body.errors }, "Base answered unexpectedly");
        throw serviceUnavailable("The shared entities service (Base) answered unexpectedly; please retry shortly.");
      }
      return body.data as Data;
    }

    async function fetchEntities(type: BaseEntityType, selection: string, ids: readonly string[]) {
      const document = `query BaseEntities($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${type} { id ${selection} } } }`;
      const { _entities: entities } = await query<{ _entities: ({ id: string } | null)[] }>(document, {
        representations: ids.map((id) => ({ __typename: type, id })),
      });
      if (!Array.isArray(entities) || entities.length !== ids.length) {
        context.logger.error({ expected: ids.length }, "Base answered with the wrong number of entities");
        throw serviceUnavailable("The shared entities service (Base) answered unexpectedly; please retry shortly.");
      }
      return entities;
    }

    function loaderFor(type: BaseEntityType, selection: string) {
      const key = `${type}\u0000${selection}`;
      let loader = loaders.get(key);
      if (!loader) {
        loader = new DataLoader((ids: readonly string[]) => fetchEntities(type, selection, ids), { maxBatchSize: 500 });
        loaders.set(key, loader);
      }
      return loader;
    }

    const reader: BaseReader = {
      query,
      async load<Entity extends { id: string }>(type: BaseEntityType, selection: string, ids: readonly string[]) {
        const results = await loaderFor(type, selection).loadMany(ids);
        return results.map((result) => {
          if (result instanceof Error) throw result;
          return result as Entity | null;
        });
      },
      async existing(type, ids) {
        const entities = await reader.load(type, "", ids);
        return new Set(entities.filter((entity) => entity !== null).map((entity) => entity.id));
      },
    };
    return reader;
  };
}

/** Base's answer as GraphQL over HTTP has it; a body that is not JSON reads as empty, which fails as unexpected. */
function graphQLAnswerOf(body: Buffer): GraphQLAnswer {
  try {
    return JSON.parse(body.toString("utf8")) as GraphQLAnswer;
  } catch {
    return {};
  }
}
