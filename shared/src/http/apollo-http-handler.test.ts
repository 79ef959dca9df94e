// Apollo Server on node:http (handleGraphQLRequest): a body is read whole before Apollo sees
// it, a body over the limit is refused with 413 and one that is not JSON with 400, and
// neither costs the caller its keep-alive connection.
import { ApolloServer } from "@apollo/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleGraphQLRequest } from "./apollo-http-handler.ts";
import { createHttpClient } from "./http-client.ts";
import { listen, type RunningServer } from "./listen.ts";

let apollo: ApolloServer;
let server: RunningServer;
let connections = 0;
const client = createHttpClient();

beforeAll(async () => {
  apollo = new ApolloServer({ typeDefs: "type Query { echo(text: String!): String! }", resolvers: { Query: { echo: (_: unknown, { text }: { text: string }) => text } } });
  await apollo.start();
  server = await listen((request, response) => void handleGraphQLRequest(apollo, request, response, async () => ({}), new URL(request.url ?? "/", "http://localhost")), 0);
  server.server.on("connection", () => connections++);
});
afterAll(async () => {
  client.close();
  await server?.close();
  await apollo?.stop();
});

const post = async (body: string) => {
  const answer = await client.send(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body }, false);
  return { status: answer.status, body: JSON.parse(answer.body.toString()) as unknown };
};

describe("handleGraphQLRequest", () => {
  it("answers a body read in many chunks", async () => {
    const text = "é".repeat(200_000);
    expect(await post(JSON.stringify({ query: "query ($text: String!) { echo(text: $text) }", variables: { text } }))).toEqual({ status: 200, body: { data: { echo: text } } });
  });

  it("refuses a body over 1 MB with 413 and one that is not JSON with 400, and keeps the connection", async () => {
    const before = connections;
    expect(await post(JSON.stringify({ query: "{ echo(text: \"x\") }", variables: { padding: "x".repeat(1_000_001) } }))).toEqual({
      status: 413,
      body: { errors: [{ message: "Request body over 1000000 bytes.", extensions: { code: "BAD_REQUEST" } }] },
    });
    expect(await post("{ not json")).toEqual({ status: 400, body: { errors: [{ message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }] } });
    expect(await post(JSON.stringify({ query: "{ echo(text: \"still here\") }" }))).toEqual({ status: 200, body: { data: { echo: "still here" } } });
    expect(connections - before).toBeLessThanOrEqual(1);
  });
});
