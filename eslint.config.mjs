import js from "@eslint/js";
import tseslint from "typescript-eslint";

// lib/ is the pure domain: only lib/db/ may talk to Prisma, and nothing in lib/ may depend on Next or React.
const frameworkImports = {
  patterns: [
    { group: ["next", "next/*"], message: "lib/ is framework-free: move Next.js code to app/." },
    {
      group: ["react", "react-dom", "react/*", "react-dom/*"],
      message: "lib/ is framework-free: move React code to app/.",
    },
    {
      group: ["@prisma/*", "prisma", "prisma/*", "pg", "**/db/generated/**", "**/db/generated-pg/**"],
      message: "Only lib/db/ may use Prisma or a database driver.",
    },
    { group: ["**/app/**", "@/app/*"], message: "lib/ must not import from app/." },
  ],
};

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/db/generated/**",
      "lib/db/generated-pg/**",
      "data/**",
      "next-env.d.ts",
      "bin/**",
      ".bench/**",
      "dist/**",
    ],
  },
  js.configs.recommended,
  // Type-aware: the strictest preset typescript-eslint ships, with findings fixed in the code.
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { process: "readonly", console: "readonly", URL: "readonly" },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // Numbers in messages ("rule 100", "port 443") are the common, safe case; objects, undefined and
      // nullable values in a template stay errors.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      // `onClick={() => setOpen(false)}` is the React idiom; a void value used anywhere else stays an error.
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='it'][callee.property.name=/^(only|skip)$/]",
          message: "No focused or skipped tests.",
        },
        {
          selector: "CallExpression[callee.object.name='test'][callee.property.name=/^(only|skip)$/]",
          message: "No focused or skipped tests.",
        },
        {
          selector: "CallExpression[callee.object.name='describe'][callee.property.name=/^(only|skip)$/]",
          message: "No focused or skipped tests.",
        },
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
        {
          patterns: [
            frameworkImports.patterns[0],
            frameworkImports.patterns[1],
            frameworkImports.patterns[3],
          ],
        },
      ],
    },
  },
  {
    // Plain JavaScript (config files, bench and build scripts) is outside the TypeScript project.
    files: ["**/*.mjs", "**/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
);
