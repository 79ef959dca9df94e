// The platform's error contract (spec §10): every error a client can see is made here,
// with a stable `extensions.code`, so that the gateway can map it to an HTTP status
// and no module invents codes or messages of its own.
import { GraphQLError } from "graphql";

export const ErrorCode = {
  Unauthenticated: "UNAUTHENTICATED",
  Forbidden: "FORBIDDEN",
  ServiceUnavailable: "SERVICE_UNAVAILABLE",
  BadUserInput: "BAD_USER_INPUT",
  QueryTooComplex: "QUERY_TOO_COMPLEX",
  RateLimited: "RATE_LIMITED",
  NotFound: "NOT_FOUND",
  InternalServerError: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** HTTP status of each code, applied once at the gateway edge when a request yields no data. */
export const httpStatusOf: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  SERVICE_UNAVAILABLE: 503,
  BAD_USER_INPUT: 400,
  QUERY_TOO_COMPLEX: 400,
  RATE_LIMITED: 429,
  NOT_FOUND: 404,
  INTERNAL_SERVER_ERROR: 500,
};

type Details = Record<string, unknown>;

function coded(code: ErrorCode, message: string, details: Details = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...details, code } });
}

/** 401: no credentials, or credentials that cannot be trusted. */
export function unauthenticated(message = "Authentication required: send a valid bearer token.", details?: Details) {
  return coded(ErrorCode.Unauthenticated, message, details);
}

/** 403: the caller is known but may not do this; the message says what is missing. */
export function forbidden(message: string, details?: Details) {
  return coded(ErrorCode.Forbidden, message, details);
}

/** 503: a system this request depends on failed; retrying later may succeed. */
export function serviceUnavailable(message: string, details?: Details) {
  return coded(ErrorCode.ServiceUnavailable, message, details);
}

/** 400: the input is wrong; the message says which part and why. */
export function badUserInput(message: string, details?: Details) {
  return coded(ErrorCode.BadUserInput, message, details);
}

/**
 * 400: the operation asks for more than a request may (limits/operation-limits.ts); the
 * details name the limit, its maximum and the operation's figure.
 */
export function queryTooComplex(message: string, details: { limit: string; maximum: number; actual: number }) {
  return coded(ErrorCode.QueryTooComplex, message, details);
}

/**
 * 429: the caller has spent a request budget (the gateway's rate limits); the details name
 * the budget (`user` or `company`), its requests a minute and the whole seconds to wait.
 */
export function rateLimited(message: string, details: { budget: string; limit: number; retryAfterSeconds: number } & Details) {
  return coded(ErrorCode.RateLimited, message, details);
}

/** A referenced thing does not exist in the caller's company (or at all: the two are not told apart). */
export function notFound(message: string, details?: Details) {
  return coded(ErrorCode.NotFound, message, details);
}

export function codeOf(error: { extensions?: Record<string, unknown> } | undefined): string | undefined {
  const code = error?.extensions?.["code"];
  return typeof code === "string" ? code : undefined;
}
