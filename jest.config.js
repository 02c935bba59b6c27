// Two projects so the fast suite can run alone (`npm run test:unit`) while `npm test` runs both.
// @swc/jest only strips types: type-checking is its own step (`npm run typecheck`).
const transform = {
  "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" } }],
};

const common = {
  testEnvironment: "node",
  transform,
  moduleFileExtensions: ["ts", "js", "json"],
  setupFilesAfterEnv: ["<rootDir>/jest.setup.js"],
  testPathIgnorePatterns: ["/node_modules/", "/\\.work/", "/dist/"],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["<rootDir>/__tests__/**/*.test.ts"],
      testPathIgnorePatterns: [...common.testPathIgnorePatterns, "/__tests__/terraform/"],
    },
    {
      ...common,
      displayName: "terraform",
      testMatch: ["<rootDir>/__tests__/terraform/**/*.test.ts"],
      globalSetup: "<rootDir>/__tests__/terraform/support/global-setup.ts",
    },
  ],
};
