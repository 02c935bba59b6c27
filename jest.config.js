// Projects so the fast suite can run alone (`npm run test:unit`) while `npm test` runs them all.
// @swc/jest only strips types: type-checking is its own step (`npm run typecheck`).
const transform = {
  "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" } }],
};

const common = {
  testEnvironment: "node",
  transform,
  moduleFileExtensions: ["ts", "js", "json"],
  setupFilesAfterEnv: ["<rootDir>/jest.setup.js"],
  testPathIgnorePatterns: ["/node_modules/", "/\\.work/", "/dist/", "/lib/"],
};

/**
 * Projects named by `--selectProjects` on the command line (jest has no per-project worker count,
 * so the choice below is made from the invocation).
 */
function selectedProjects(argv) {
  const at = argv.findIndex((a) => a === "--selectProjects" || a.startsWith("--selectProjects="));
  if (at < 0) return [];
  if (argv[at].includes("=")) return argv[at].split("=")[1].split(",");
  const names = [];
  for (let i = at + 1; i < argv.length && !argv[i].startsWith("-"); i++) names.push(argv[i]);
  return names;
}

// Unit test files are independent and CPU-bound: one worker per core (2 here) cuts the unit run
// from ~13 s to ~9 s. Any run that may include Terraform test files keeps jest's default
// (cores - 1 = 1 worker): each of those files already runs 2 Terraform processes, and two files
// side by side would run 4 on 2 cores. `--maxWorkers` on the command line still wins.
const projects = selectedProjects(process.argv);
const unitOnly = projects.length > 0 && projects.every((p) => p === "unit");

/** @type {import('jest').Config} */
module.exports = {
  ...(unitOnly ? { maxWorkers: 2 } : {}),
  // Progress of the Terraform files, and the one message when their setup failed.
  reporters: ["default", "<rootDir>/__tests__/support/progress-reporter.js"],
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["<rootDir>/__tests__/**/*.test.ts"],
      testPathIgnorePatterns: [...common.testPathIgnorePatterns, "/__tests__/terraform/", "/__tests__/cli/"],
    },
    {
      // Commands as users run them (npm scripts, jest itself) in child processes: slower than
      // unit tests, so `npm run test:unit` leaves them out.
      ...common,
      displayName: "cli",
      testMatch: ["<rootDir>/__tests__/cli/**/*.test.ts"],
    },
    {
      ...common,
      displayName: "terraform",
      testMatch: ["<rootDir>/__tests__/terraform/**/*.test.ts"],
      // Never throws (a failing global setup would abort the unit tests too): see its header.
      globalSetup: "<rootDir>/__tests__/terraform/support/global-setup.ts",
    },
  ],
};
