// Free text from the API's inputs, trimmed and required where the data needs it. Each
// refusal is BAD_USER_INPUT naming the input field at fault, with a message a form can
// show. How long a text may be is the module's choice, made once for all its fields.
// What no text may contain (NUL, broken Unicode) is refused earlier, once per request, for
// every argument and variable alike (text-input-plugin.ts).
import { badUserInput } from "../errors/errors.ts";

export interface TextInputs {
  /** The trimmed text; refused when blank or longer than the module allows. */
  requiredText(value: string, field: string): string;
  /** Text that may be left out; blank counts as left out. */
  optionalText(value: string | null | undefined, field: string): string | null;
}

/** The text readers of a module whose texts are at most `maxLength` characters. */
export function textInputs(maxLength: number): TextInputs {
  function requiredText(value: string, field: string): string {
    const text = value.trim();
    if (text === "") throw badUserInput(`${field} cannot be empty.`, { field });
    if (text.length > maxLength) throw badUserInput(`${field} can be at most ${maxLength} characters.`, { field });
    return text;
  }
  return {
    requiredText,
    optionalText: (value, field) => (value == null || value.trim() === "" ? null : requiredText(value, field)),
  };
}
