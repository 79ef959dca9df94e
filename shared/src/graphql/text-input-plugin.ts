// One check of every text a request carries, before any resolver runs: each string in
// the variables and each string literal in the document (arguments, directive arguments,
// variable defaults). Done once per request here rather than in each module's input
// reading, so that no field, filter or search argument can be forgotten.
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { BREAK, Kind, visit, type DocumentNode, type ValueNode } from "graphql";
import { badUserInput } from "../errors/errors.ts";
import { textProblem } from "./text-integrity.ts";

interface TextFault {
  path: string;
  problem: string;
}

export function textInputPlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  // Apollo Server reuses the parsed document of a repeated query: its literals are checked once.
  const literalFaults = new WeakMap<DocumentNode, TextFault | null>();
  const faultOfDocument = (document: DocumentNode) => {
    if (!literalFaults.has(document)) literalFaults.set(document, firstLiteralFault(document));
    return literalFaults.get(document)!;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const fault = firstVariableFault(request.variables ?? {}) ?? faultOfDocument(document);
          if (fault) {
            throw badUserInput(`${fault.path} ${fault.problem}; text may contain neither NUL characters nor broken Unicode.`, { field: fault.path });
          }
        },
      };
    },
  };
}

function firstVariableFault(variables: Record<string, unknown>): TextFault | null {
  for (const [name, value] of Object.entries(variables)) {
    const fault = faultInValue(value, `$${name}`);
    if (fault) return fault;
  }
  return null;
}

function faultInValue(value: unknown, path: string): TextFault | null {
  if (typeof value === "string") {
    const problem = textProblem(value);
    return problem ? { path, problem } : null;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const fault = faultInValue(item, `${path}[${index}]`);
      if (fault) return fault;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const fault = faultInValue(item, `${path}.${key}`);
      if (fault) return fault;
    }
  }
  return null;
}

function firstLiteralFault(document: DocumentNode): TextFault | null {
  let fault: TextFault | null = null;
  const faultIn = (node: ValueNode, path: string): TextFault | null => {
    if (node.kind === Kind.STRING) {
      const problem = textProblem(node.value);
      return problem ? { path, problem } : null;
    }
    if (node.kind === Kind.LIST) return node.values.reduce<TextFault | null>((found, item, index) => found ?? faultIn(item, `${path}[${index}]`), null);
    if (node.kind === Kind.OBJECT) return node.fields.reduce<TextFault | null>((found, field) => found ?? faultIn(field.value, `${path}.${field.name.value}`), null);
    return null;
  };
  visit(document, {
    Argument(node) {
      fault = faultIn(node.value, node.name.value);
      return fault ? BREAK : false;
    },
    VariableDefinition(node) {
      fault = node.defaultValue ? faultIn(node.defaultValue, `$${node.variable.name.value}`) : null;
      return fault ? BREAK : undefined;
    },
  });
  return fault;
}
