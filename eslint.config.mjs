import js from "@eslint/js";
import tseslint from "typescript-eslint";

// lib/ is the pure domain: only lib/db/ may talk to Prisma, and nothing in lib/ may depend on Next or React.
const frameworkImports = {
  patterns: [
    { group: ["next", "next/*"], message: "lib/ is framework-free: move Next.js code to app/." },
    { group: ["react", "react-dom", "react/*", "react-dom/*"], message: "lib/ is framework-free: move React code to app/." },
    { group: ["@prisma/*", "prisma", "prisma/*", "**/db/generated/**"], message: "Only lib/db/ may use Prisma." },
    { group: ["**/app/**", "@/app/*"], message: "lib/ must not import from app/." },
  ],
};

export default tseslint.config(
  {
    ignores: [".next/**", "node_modules/**", "lib/db/generated/**", "data/**", "next-env.d.ts", "bin/**", ".bench/**", "dist/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.object.name='it'][callee.property.name=/^(only|skip)$/]", message: "No focused or skipped tests." },
        { selector: "CallExpression[callee.object.name='test'][callee.property.name=/^(only|skip)$/]", message: "No focused or skipped tests." },
        { selector: "CallExpression[callee.object.name='describe'][callee.property.name=/^(only|skip)$/]", message: "No focused or skipped tests." },
      ],
    },
  },
  {
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    ignores: ["lib/db/**"],
    rules: {
      "no-restricted-imports": ["error", frameworkImports],
      // Determinism by injection: the domain takes its clock and randomness as arguments.
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "Pass a seeded rng into lib/ instead." },
        { object: "Date", property: "now", message: "Pass `now` into lib/ instead." },
      ],
    },
  },
  {
    files: ["lib/db/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [frameworkImports.patterns[0], frameworkImports.patterns[1], frameworkImports.patterns[3]] },
      ],
    },
  },
);
