// What leaves a server: coded errors pass unchanged; anything else (a bug, a database
// error with SQL in it, a hostname in a connection error) becomes a generic internal
// error, logged in full on the server side and never shown to the client.
import type { GraphQLFormattedError } from "graphql";
import { ErrorCode } from "./errors.ts";

/** Codes a module or the kit raises on purpose; their messages are written for clients. */
const clientFacingCodes = new Set<string>([
  ErrorCode.Unauthenticated,
  ErrorCode.Forbidden,
  ErrorCode.ServiceUnavailable,
  ErrorCode.BadUserInput,
  ErrorCode.NotFound,
  // Apollo Server's own request errors: their messages describe the query, not the server.
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

export function maskError(formatted: GraphQLFormattedError, options: { includeStacktrace: boolean }): GraphQLFormattedError {
  const code = formatted.extensions?.["code"];
  if (typeof code === "string" && clientFacingCodes.has(code)) {
    if (options.includeStacktrace) return formatted;
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: "Internal server error",
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: {
      code: ErrorCode.InternalServerError,
      ...(options.includeStacktrace ? { stacktrace: formatted.extensions?.["stacktrace"], originalMessage: formatted.message } : {}),
    },
  };
}
