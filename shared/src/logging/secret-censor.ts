// Tokens and secrets never reach a log line, whatever a caller passes along: a field named
// like a credential, in any object a line carries (its headers, a request's options, an
// error), is written as "[redacted]". pino's own `redact` does this with the wildcard path
// `*.authorization`, but a wildcard runs its redaction over every value of every line, some
// 40 % of an operation line's cost (issue #8); this looks at each value once and copies
// only an object that holds a credential.
import { gatewaySecretHeader } from "../subgraph/gateway-secret.ts";

const censored = "[redacted]";

/** The fields that carry a credential: the bearer token header, a token, the gateway's secret header. */
const credentialFields = ["authorization", "token", gatewaySecretHeader] as const;

/** `fields` with every credential field of its object values censored; `fields` itself when it has none. */
export function withoutCredentials(fields: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (typeof value !== "object" || value === null || !credentialFields.some((field) => Object.hasOwn(value, field))) continue;
    copy ??= { ...fields };
    copy[key] = censoredCopy(value);
  }
  return copy ?? fields;
}

/** A copy of `value` (an Error stays an Error, with its message and stack) whose credential fields read "[redacted]"; `value` is left as it is, frozen or not. */
function censoredCopy(value: object): object {
  const descriptors = Object.getOwnPropertyDescriptors(value) as Record<string, PropertyDescriptor>;
  for (const field of credentialFields) {
    if (Object.hasOwn(descriptors, field)) descriptors[field] = { value: censored, enumerable: true, writable: true, configurable: true };
  }
  return Object.create(Object.getPrototypeOf(value) as object | null, descriptors) as object;
}
