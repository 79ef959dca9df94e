// What the frontend does: POST a GraphQL document over HTTP with its headers.
import { companyHeader } from "../auth/company-context.ts";

export interface GraphQLResponse<Data = Record<string, any>> {
  status: number;
  headers: Headers;
  body: { data?: Data | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[] };
}

export interface GraphQLRequestOptions {
  variables?: Record<string, unknown>;
  token?: string;
  companyId?: string;
  headers?: Record<string, string>;
}

export async function postGraphQL<Data = Record<string, any>>(url: string, query: string, options: GraphQLRequestOptions = {}): Promise<GraphQLResponse<Data>> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.companyId ? { [companyHeader]: options.companyId } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });
  const text = await response.text();
  let body: GraphQLResponse<Data>["body"];
  try {
    body = JSON.parse(text) as GraphQLResponse<Data>["body"];
  } catch {
    throw new Error(`Not a GraphQL response (HTTP ${response.status}): ${text.slice(0, 200)}`);
  }
  return { status: response.status, headers: response.headers, body };
}

/** The codes of a response's errors, for exact assertions. */
export const errorCodes = (response: GraphQLResponse) => (response.body.errors ?? []).map((error) => error.extensions?.["code"]);
