// What leaves a server: coded errors pass unchanged (the kit's constructors' and a broken
// business rule's, a RuleViolation, which arrives as BAD_USER_INPUT); anything else (a
// bug, a database error with SQL in it, a hostname in a connection error) becomes a
// generic internal error, logged in full on the server side and never shown to the client.
import type { GraphQLFormattedError } from "graphql";
import { ErrorCode } from "./errors.ts";

/** Apollo Server's own request errors: their messages describe the query, not the server. */
export const apolloRequestErrorCodes = [
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
] as const;

/** Codes a module or the kit raises on purpose; their messages are written for clients. */
const clientFacingCodes = new Set<string>([
  ErrorCode.Unauthenticated,
  ErrorCode.Forbidden,
  ErrorCode.ServiceUnavailable,
  ErrorCode.BadUserInput,
  ErrorCode.QueryTooComplex,
  ErrorCode.RateLimited,
  ErrorCode.NotFound,
  ...apolloRequestErrorCodes,
]);

type ErrorLike = { extensions?: Record<string, unknown>; originalError?: unknown } | undefined;

/**
 * The code a client must see, where Apollo Server's formatting would tell it wrong:
 * - Apollo refuses some requests with an error that has an HTTP 4xx status but no code
 *   (an APQ hash that does not match its query); formatting calls it INTERNAL_SERVER_ERROR,
 *   a 500, yet it is the client's bad request.
 * - A literal that one of the kit's scalars refused (`startsFrom: "2030-02-31T10:00Z"`)
 *   fails validation; it is bad input like the same value sent as a variable.
 */
function clientCode(formatted: GraphQLFormattedError, original: unknown): unknown {
  const code = formatted.extensions?.["code"];
  const extensions = (original as ErrorLike)?.extensions;
  const status = (extensions?.["http"] as { status?: unknown } | undefined)?.status;
  if (extensions && extensions["code"] === undefined && typeof status === "number" && status >= 400 && status < 500) return "BAD_REQUEST";
  if (code === "GRAPHQL_VALIDATION_FAILED" && ((original as ErrorLike)?.originalError as ErrorLike)?.extensions?.["code"] === ErrorCode.BadUserInput) {
    return ErrorCode.BadUserInput;
  }
  return code;
}

export function maskError(formatted: GraphQLFormattedError, options: { includeStacktrace: boolean; original?: unknown }): GraphQLFormattedError {
  const code = clientCode(formatted, options.original);
  if (typeof code === "string" && clientFacingCodes.has(code)) {
    const { stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, ...(options.includeStacktrace ? { stacktrace } : {}), code } };
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
