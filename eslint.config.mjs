// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

// The barrel `@cdktf/provider-aws` loads ~2,200 modules (measured 3.1 s and ~450 MB per process);
// a deep import of the one class needed loads in ~0.1 s. This rule keeps it that way.
const barrelMessage =
  "Import provider classes by deep path, e.g. `import { EcsService } from \"@cdktf/provider-aws/lib/ecs-service\"`: the barrel loads ~2,200 modules (~3 s, ~450 MB).";

export default tseslint.config(
  { ignores: ["node_modules/**", "dist/**", "lib/**", "cdktf.out/**", ".work/**", "hcl/**", "coverage/**", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.js", "**/*.mjs"],
    languageOptions: { globals: { require: "readonly", module: "writable", process: "readonly", console: "readonly", __dirname: "readonly" } },
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "@cdktf/provider-aws", message: barrelMessage }] }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.name='require'][arguments.0.value='@cdktf/provider-aws']",
          message: barrelMessage,
        },
        {
          selector: "ImportExpression[source.value='@cdktf/provider-aws']",
          message: barrelMessage,
        },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    // Tests poke into parsed Terraform JSON, which is untyped by nature.
    files: ["__tests__/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["**/*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
