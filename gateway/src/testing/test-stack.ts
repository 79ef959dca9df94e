// The end-to-end test harness: the local stack on a throwaway database (PGlite, or a
// fresh PostgreSQL database when DATABASE_URL is set), seeded with the demo world, with
// ephemeral ports, an in-memory signing key and captured logs.
import { type DatabaseTarget, type PlatformConfig, type SubgraphPackage } from "@marquee/kit";
import { demoCompanies } from "@marquee/kit/demo";
import { captureLogs, createTestDatabaseTarget, createTestSigner, postGraphQL, testPlatformConfig, type GraphQLRequestOptions, type GraphQLResponse } from "@marquee/kit/testing";
import { startLocalStack, type LocalStack } from "../local-stack.ts";

export type DemoCompany = keyof typeof demoCompanies;

export interface TestStack {
  stack: LocalStack;
  gatewayUrl: string;
  config: PlatformConfig;
  /** The one database every data owner of the stack lives in, to look at its tables as they are. */
  database: DatabaseTarget;
  logs: ReturnType<typeof captureLogs>;
  tokenFor(emailOrSubject: string, options?: { expiresIn?: string | number }): Promise<string>;
  /** A request through the gateway as a demo user (by email) in a demo company (or any company id). */
  query<Data = Record<string, any>>(
    query: string,
    options?: { as?: string; company?: DemoCompany | string; variables?: Record<string, unknown>; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<Data>>;
  /** A request straight to a subgraph, carrying the gateway secret (as a caller inside the network could). */
  querySubgraph<Data = Record<string, any>>(name: string, query: string, options?: GraphQLRequestOptions): Promise<GraphQLResponse<Data>>;
  close(): Promise<void>;
}

export interface TestStackOptions {
  packages?: SubgraphPackage[];
  config?: Partial<PlatformConfig>;
}

export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const config = testPlatformConfig(options.config);
  const signer = await createTestSigner(config.auth);
  const logs = captureLogs();
  const database = await createTestDatabaseTarget();
  let stack: LocalStack;
  try {
    stack = await startLocalStack({
      config,
      ...(options.packages ? { packages: options.packages } : {}),
      targetFor: async () => database.target,
      ports: "ephemeral",
      seedDemo: true,
      tokenVerifier: signer.verifier,
      logDestination: logs.destination,
    });
  } catch (error) {
    await database.drop();
    throw error;
  }

  const companyIdOf = (company: DemoCompany | string) => (company in demoCompanies ? demoCompanies[company as DemoCompany].id : company);

  return {
    stack,
    gatewayUrl: stack.gatewayUrl,
    config,
    database: database.target,
    logs,
    tokenFor: (emailOrSubject, tokenOptions) => signer.tokenFor(emailOrSubject, tokenOptions),
    async query(query, { as, company, variables, headers } = {}) {
      return postGraphQL(stack.gatewayUrl, query, {
        ...(as ? { token: await signer.tokenFor(as) } : {}),
        ...(company ? { companyId: companyIdOf(company) } : {}),
        ...(variables ? { variables } : {}),
        ...(headers ? { headers } : {}),
      });
    },
    async querySubgraph(name, query, requestOptions = {}) {
      const subgraph = stack.subgraphs.get(name);
      if (!subgraph) throw new Error(`No subgraph "${name}" in this stack.`);
      return postGraphQL(subgraph.url, query, { ...requestOptions, headers: { "x-gateway-secret": config.gatewaySecret, ...requestOptions.headers } });
    },
    async close() {
      await stack.close();
      await database.drop();
    },
  };
}
