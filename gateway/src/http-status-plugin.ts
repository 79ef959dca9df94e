// The error contract at the edge (spec §10): when a request yields no data, the HTTP
// status says why (401, 403, 503, 400); with partial data the answer stays 200 and the
// errors carry their codes. Subgraphs always answer 200, so the status is set once, here.
import type { ApolloServerPlugin } from "@apollo/server";
import { httpStatusOf, type ErrorCode } from "@marquee/kit";
import type { GraphQLFormattedError } from "graphql";
import type { GatewayContext } from "./gateway-context.ts";

/** When errors of several kinds stop a request, the one the caller must fix first wins. */
const precedence: ErrorCode[] = ["UNAUTHENTICATED", "FORBIDDEN", "BAD_USER_INPUT", "QUERY_TOO_COMPLEX", "NOT_FOUND", "SERVICE_UNAVAILABLE", "INTERNAL_SERVER_ERROR"];

export function httpStatusPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.length || hasData(data)) return;
          const status = statusFor(errors);
          if (status) response.http.status = status;
        },
      };
    },
  };
}

function hasData(data: Record<string, unknown> | null | undefined): boolean {
  return !!data && Object.values(data).some((value) => value !== null);
}

function statusFor(errors: readonly GraphQLFormattedError[]): number | undefined {
  const codes = new Set(errors.map((error) => error.extensions?.["code"]));
  const code = precedence.find((candidate) => codes.has(candidate));
  return code ? httpStatusOf[code] : undefined;
}
