// The domain reports a broken business rule as a DomainError (src/domain/errors.ts); for a
// client that is bad input: BAD_USER_INPUT with the domain's message, its stable reason
// and its details (the field or item at fault). Every other error passes on unchanged.
import { badUserInput } from "@marquee/kit";
import { DomainError } from "./domain/index.ts";

type FieldResolver = (...args: unknown[]) => unknown;

/** The same resolver map, each resolver reporting domain errors as BAD_USER_INPUT. */
export function reportDomainErrorsAsUserInput<Resolvers extends Record<string, object>>(resolvers: Resolvers): Resolvers {
  return Object.fromEntries(
    Object.entries(resolvers).map(([typeName, fields]) => [
      typeName,
      Object.fromEntries(
        Object.entries(fields).map(([fieldName, resolve]) => [fieldName, typeof resolve === "function" ? reporting(resolve as FieldResolver) : resolve]),
      ),
    ]),
  ) as Resolvers;
}

function reporting(resolve: FieldResolver): FieldResolver {
  return (...args) => {
    try {
      const result = resolve(...args);
      return result instanceof Promise ? result.catch(asUserInput) : result;
    } catch (error) {
      return asUserInput(error);
    }
  };
}

function asUserInput(error: unknown): never {
  if (error instanceof DomainError) {
    const { name: _name, ...details } = error;
    throw badUserInput(error.message, details);
  }
  throw error;
}
