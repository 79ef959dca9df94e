// What the gateway keeps from its clients. @apollo/gateway adds `serviceName` to every
// error a subgraph returns: the name of an internal service, of no use to a client and
// a map of the system to an attacker. graphql's "Did you mean …?" suggestions (in
// validation and in variable coercion) spell out field, argument and enum names of a
// schema whose introspection is closed.
import type { GraphQLFormattedError } from "graphql";

export interface HiddenInternals {
  /** Drop `extensions.serviceName`. */
  subgraphNames: boolean;
  /** Drop "Did you mean …?" from messages. */
  schemaHints: boolean;
}

const suggestion = / ?Did you mean .+\?$/;

export function withoutInternals(formatted: GraphQLFormattedError, hide: HiddenInternals): GraphQLFormattedError {
  const message = hide.schemaHints ? formatted.message.replace(suggestion, "") : formatted.message;
  if (!hide.subgraphNames || formatted.extensions?.["serviceName"] === undefined) return { ...formatted, message };
  const { serviceName: _serviceName, ...extensions } = formatted.extensions;
  return { ...formatted, message, extensions };
}
