// Lint: ESLint's and typescript-eslint's recommended rules, over every TypeScript file
// the project owns (generated code is regenerated and builds are rebuilt, not linted).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/__generated__/**", "**/dist/**", ".data/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The plain-JavaScript scripts run on Node; TypeScript files get their globals from @types/node.
    files: ["**/*.mjs", "**/*.js"],
    languageOptions: { globals: { process: "readonly", URL: "readonly", Buffer: "readonly", fetch: "readonly", setTimeout: "readonly" } },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "off",
      "no-console": "error",
    },
  },
);
