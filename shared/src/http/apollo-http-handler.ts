// Apollo Server on node:http, without a web framework: the request is read (with a size
// limit), handed to Apollo as an HTTPGraphQLRequest, and Apollo's answer written back. The
// gateway reads and writes with the same two steps, and answers some requests in between
// without Apollo (gateway/src/shared-answers.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from "@apollo/server";

const maxBodyBytes = 1_000_000;

export class BodyTooLargeError extends Error {}

/**
 * The request's body as text. Read with the stream's events rather than its async iterator,
 * which costs a promise and an iterator result per chunk on every request.
 */
export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) return void chunks.push(chunk);
      // The rest is drained unread, so that the answer can still be written on this connection.
      request.removeAllListeners("data").resume();
      reject(new BodyTooLargeError(`Request body over ${maxBodyBytes} bytes.`));
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** An HTTP request as Apollo Server reads it, and its body's text as it came. */
export interface GraphQLHttpRequest {
  httpGraphQLRequest: HTTPGraphQLRequest;
  bodyText: string;
}

/**
 * Reads a request for Apollo Server: its headers (joined as Apollo reads them) and its body,
 * parsed when it is JSON. A body too large or not JSON is answered here (413, 400), and
 * nothing is returned.
 */
export async function readGraphQLRequest(request: IncomingMessage, response: ServerResponse, url: URL): Promise<GraphQLHttpRequest | undefined> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  let bodyText: string;
  let body: unknown;
  try {
    bodyText = await readBody(request);
    body = bodyText === "" ? undefined : headers.get("content-type")?.includes("application/json") ? JSON.parse(bodyText) : bodyText;
  } catch (error) {
    const status = error instanceof BodyTooLargeError ? 413 : 400;
    const message = error instanceof BodyTooLargeError ? error.message : "The request body is not valid JSON.";
    writeJson(response, status, { errors: [{ message, extensions: { code: "BAD_REQUEST" } }] });
    return undefined;
  }
  return { httpGraphQLRequest: { method: request.method?.toUpperCase() ?? "GET", headers, search: url.search, body }, bodyText };
}

/** Writes Apollo Server's answer: a whole body at once, or an incremental one part by part. */
export async function writeGraphQLResponse(response: ServerResponse, result: HTTPGraphQLResponse): Promise<void> {
  for (const [name, value] of result.headers) response.setHeader(name, value);
  response.statusCode = result.status ?? 200;
  if (result.body.kind === "complete") {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

export async function handleGraphQLRequest<Context extends BaseContext>(
  server: ApolloServer<Context>,
  request: IncomingMessage,
  response: ServerResponse,
  /** Builds the request's context from its headers (the ones Apollo sees, read once here). */
  context: (headers: HeaderMap) => Promise<Context>,
  url: URL,
): Promise<void> {
  const read = await readGraphQLRequest(request, response, url);
  if (!read) return;
  const { httpGraphQLRequest } = read;
  await writeGraphQLResponse(response, await server.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => context(httpGraphQLRequest.headers) }));
}

export function writeJson(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader("content-type", "application/json; charset=utf-8");
  response.end(JSON.stringify(body));
}
