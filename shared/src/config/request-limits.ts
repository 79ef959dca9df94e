// How much one GraphQL operation may ask of a server before any of it runs (a bounded
// cost for every request). The gateway holds the client's operation to the `gateway`
// figures before it plans it; every subgraph holds what it is sent (the gateway's
// fetches, other modules' reads of Base) to the `subgraph` figures. The defaults leave
// every query of the README, the module documents and the tests well inside.

/** The figures one operation is held to. */
export interface OperationLimits {
  /** Lexical tokens in the document; parsing stops past it, so a huge document costs no more than this. */
  maxTokens: number;
  /** Fields nested inside one another (a root field is 1; introspection's type wrappers are not counted). */
  maxDepth: number;
  /** Fields given an alias: each one runs its field once more. */
  maxAliases: number;
  /** Fields at the operation's root. */
  maxRootFields: number;
  /** Fields to resolve, each counted once for every item of the lists it sits in (limits/operation-figures.ts). */
  maxCost: number;
}

export interface RequestLimits {
  /** The client's operation, at the gateway. */
  gateway: OperationLimits;
  /**
   * What a subgraph is sent. Its cost is counted on what the gateway really asks, one
   * entity per representation, where the gateway could only assume a list's size: so a
   * subgraph allows more than the gateway.
   */
  subgraph: OperationLimits;
  /** How many items a list without `first` (an event's lineup, a tour's stops) counts for in the cost. */
  assumedListSize: number;
}

/**
 * The largest operations of the README, the module documents and the tests: 11 deep (an
 * artist's tours with their routing legs' places), 2 aliases, 8 root fields, 183 tokens
 * (Apollo Sandbox's introspection), a cost of 136,082 (that same tour query: 20 artists ×
 * 20 tours × 10 stops, legs and flags). Events' lineups' events nested two levels deep,
 * 100 a page (the query that once ran the gateway out of memory), cost over 200 million.
 */
export const defaultRequestLimits: RequestLimits = {
  gateway: { maxTokens: 3_000, maxDepth: 15, maxAliases: 30, maxRootFields: 20, maxCost: 1_000_000 },
  subgraph: { maxTokens: 20_000, maxDepth: 20, maxAliases: 60, maxRootFields: 20, maxCost: 2_000_000 },
  assumedListSize: 10,
};

/** Reads one whole-number variable: its value when set and in range, else the fallback (reporting the problem). */
export type IntegerReader = (name: string, fallback: number, range: { min: number; max: number }) => number;

export function loadRequestLimits(readInteger: IntegerReader): RequestLimits {
  return {
    gateway: readOperationLimits(readInteger, "QUERY_", defaultRequestLimits.gateway),
    subgraph: readOperationLimits(readInteger, "SUBGRAPH_QUERY_", defaultRequestLimits.subgraph),
    assumedListSize: readInteger("QUERY_ASSUMED_LIST_SIZE", defaultRequestLimits.assumedListSize, { min: 1, max: 1_000 }),
  };
}

function readOperationLimits(readInteger: IntegerReader, prefix: string, defaults: OperationLimits): OperationLimits {
  return {
    maxTokens: readInteger(`${prefix}MAX_TOKENS`, defaults.maxTokens, { min: 500, max: 1_000_000 }),
    maxDepth: readInteger(`${prefix}MAX_DEPTH`, defaults.maxDepth, { min: 2, max: 100 }),
    maxAliases: readInteger(`${prefix}MAX_ALIASES`, defaults.maxAliases, { min: 0, max: 10_000 }),
    maxRootFields: readInteger(`${prefix}MAX_ROOT_FIELDS`, defaults.maxRootFields, { min: 1, max: 1_000 }),
    maxCost: readInteger(`${prefix}MAX_COST`, defaults.maxCost, { min: 100, max: 100_000_000 }),
  };
}
