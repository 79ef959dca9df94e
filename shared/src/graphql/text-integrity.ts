// What no text may contain, wherever it arrives: the NUL character, which PostgreSQL
// refuses in text (the insert fails, a 500 instead of a 400), and broken UTF-16 (a lone
// surrogate), which is no character at all and cannot be stored as UTF-8.

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be accepted; null when it can. */
export function textProblem(text: string): string | null {
  if (text.includes("\u0000")) return "contains a NUL character";
  if (loneSurrogate.test(text)) return "contains broken Unicode (a lone surrogate)";
  return null;
}
