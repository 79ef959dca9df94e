// The value a field's argument has in one request: written in the document, or a
// variable's value (the request's, else the default the operation declares for it).
// The limits are checked before execution coerces anything, so values are read as sent.
import { valueFromASTUntyped, type FieldNode, type OperationDefinitionNode } from "graphql";

export type ArgumentReader = (field: FieldNode, name: string) => unknown;

export function argumentReader(operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>>): ArgumentReader {
  const values: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) values[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
  }
  Object.assign(values, variables);
  return (field, name) => {
    const argument = field.arguments?.find((candidate) => candidate.name.value === name);
    return argument ? valueFromASTUntyped(argument.value, values) : undefined;
  };
}
