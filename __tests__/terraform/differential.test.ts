/**
 * Differential test: seeded random inputs through the TypeScript constructs and through the
 * exported module (planned offline with real Terraform), which must agree on accepting or
 * refusing each input, on the rule ids and messages, and on the planned values of accepted ones.
 * What exactly is compared, and why, is in `support/differential/engine.ts`.
 *
 * DIFF_SEED sets the seed (a random one is used and printed otherwise), DIFF_CASES the number of
 * cases (default 100; every combination of the generator appears from 45 cases on, every edge
 * value in any number of cases).
 * Every disagreement is a bug in one of the two paths; it is reported shrunk to a minimal input.
 * DIFF_KEEP=1 keeps the Terraform root (`.work/terraform/differential-<pid>`) for a look inside.
 */
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { MODULE_DIR } from "../../tools/hcl-module/export-module";
import { MODULE_VARIABLE_SPECS } from "../../tools/hcl-module/module-variables";
import { DOMAINS } from "./support/differential/domains";
import { CaseInput, DifferentialEngine, Verdict, shrink } from "./support/differential/engine";
import { COMBINATIONS, EDGES, GeneratedCase, describeDrawn, generateCases } from "./support/differential/generate";
import { ModuleModel, moduleModel } from "./support/differential/module-model";
import { randomSeed } from "./support/differential/rng";
import { SlotRoot } from "./support/differential/slot-root";
import { BAD_CASES, BRIDGE_BASE, ModuleInputs, VALID_CASES } from "./support/hcl-module-cases";
import { TO_PROPS } from "./support/module-translation";
import { describeWithTerraform, terraformWorkspace } from "./support/terraform-available";
import { TERRAFORM_WORK_DIR } from "./support/terraform-settings";

const SEED = process.env.DIFF_SEED ? Number(process.env.DIFF_SEED) : randomSeed();
const CASES = process.env.DIFF_CASES ? Number(process.env.DIFF_CASES) : 100;
/** Module calls per plan: one plan for the default run; larger runs are planned in batches. */
const SLOTS = 150;
/** Disagreements shrunk to a minimal input (each shrink plans a few times). */
const SHRINK_AT_MOST = 3;
const REPO = resolve(__dirname, "../..");
const ROOT_DIR = join(TERRAFORM_WORK_DIR, `differential-${process.pid}`);

jest.setTimeout(180_000 + CASES * 1_000);

if (!Number.isInteger(SEED) || !Number.isInteger(CASES) || CASES < 1) {
  throw new Error(`DIFF_SEED and DIFF_CASES must be integers (got ${process.env.DIFF_SEED}, ${process.env.DIFF_CASES})`);
}

const log = (line: string) => process.stderr.write(`differential [seed ${SEED}]: ${line}\n`);

/**
 * Inputs the outside differential run of issue 9 found the two paths disagreeing on, with the
 * rule ids both must now report (and a part of the module's message, where the text was wrong).
 */
const REGRESSIONS: readonly { id: string; inputs: ModuleInputs; errors: string[]; message?: [string, string] }[] = [
  {
    id: "bridge with assign_public_ip = true: SD024 as well as SD025",
    inputs: { ...BRIDGE_BASE, assign_public_ip: true },
    errors: ["SD024", "SD025"],
    message: ["SD024", '[SD024] var.assign_public_ip is true, but tasks in network mode "bridge"'],
  },
  {
    id: "A records on bridge: SD013 only, not SD016 (whose advice would not fix it)",
    inputs: { ...BRIDGE_BASE, dns_record_type: "A" },
    errors: ["SD013"],
  },
  {
    id: "bridge with only security_group_ids: SD024 names security_group_ids",
    inputs: { ...BRIDGE_BASE, security_group_ids: ["sg-0123456789abcdef0"] },
    errors: ["SD024"],
    message: ["SD024", "[SD024] var.security_group_ids is not empty, but tasks in network mode"],
  },
  {
    id: "host with subnets, security groups and a public IP: SD024 names all three",
    inputs: { ...BRIDGE_BASE, network_mode: "host", subnet_ids: ["subnet-0a"], security_group_ids: ["sg-0a"], assign_public_ip: true },
    errors: ["SD024", "SD025"],
    message: ["SD024", "Fix: remove var.subnet_ids and var.security_group_ids and var.assign_public_ip, or switch"],
  },
];

/**
 * The module test's inputs: its bad ones (one per rule the module checks) and valid ones (the TTL
 * warning among them), so every rule and the warning are met whatever the seed.
 */
const FIXED: readonly CaseInput[] = [
  ...BAD_CASES.map((c) => ({ id: `bad input ${c.name}`, inputs: c.inputs })),
  ...Object.entries(VALID_CASES).map(([name, inputs]) => ({ id: `valid input ${name}`, inputs })),
];

function moduleCall(inputs: ModuleInputs): string {
  const width = Math.max(...Object.keys(inputs).map((k) => k.length));
  const lines = Object.entries(inputs).map(([k, v]) => `  ${k.padEnd(width)} = ${JSON.stringify(v)}`);
  return ['module "minimal" {', '  source = "./hcl/terraform-aws-ecs-service-discovery"', ...lines, "}"].join("\n      ");
}

function report(verdict: Verdict, generated: GeneratedCase | undefined, minimal: Verdict | undefined): string {
  const lines = [`${verdict.id}${generated ? ` (probes ${generated.probes.join(", ")})` : ""}:`];
  const shown = minimal ?? verdict;
  if (minimal) {
    lines.push(`  minimal input (${Object.keys(minimal.inputs).length} arguments; the original had ${Object.keys(verdict.inputs).length}):`);
  } else {
    lines.push("  input:");
  }
  lines.push(`      ${moduleCall(shown.inputs)}`);
  lines.push(...shown.disagreements.map((d) => `  - ${d}`));
  for (const [i, r] of shown.rounds.entries()) {
    lines.push(
      `  round ${i} (${r.stage}): constructs ${r.typescript.errors.join(",") || "-"} / warnings ${r.typescript.warnings.join(",") || "-"}; ` +
        `module ${r.module.errors.join(",") || "-"} / warnings ${r.module.warnings.join(",") || "-"}; hidden ${r.hidden.join(",") || "-"}`,
    );
  }
  return lines.join("\n");
}

/** A disagreement's kind: its text up to the first value. */
const kindOf = (disagreement: string): string =>
  disagreement.split("\n")[0].replace(/ \(round \d+, after repairs\)/, "").replace(/:.*$/, "");

/** How often each kind of disagreement occurs, most frequent first. */
function summary(all: readonly Verdict[]): string {
  const counts = new Map<string, number>();
  for (const kind of all.flatMap((v) => v.disagreements.map(kindOf))) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `  ${n} x ${kind}`).join("\n");
}

describe("differential test inputs", () => {
  it("translate and generate every module variable (add new ones to TO_PROPS and DOMAINS)", () => {
    const variables = MODULE_VARIABLE_SPECS.map((s) => s.name).sort();
    expect(Object.keys(TO_PROPS).sort()).toEqual(variables);
    expect(Object.keys(DOMAINS).sort()).toEqual(variables);
  });

  it("meet every combination and every edge value within the default case count", () => {
    expect(EDGES.length).toBeGreaterThan(80);
    const cases = generateCases(SEED, 100);
    const probes = new Set(cases.flatMap((c) => c.probes));
    for (const c of COMBINATIONS) {
      const key = `${c.networkMode}/${describeDrawn(c.launchType)}/${describeDrawn(c.dnsRecordType)}/`;
      expect({ combination: key, seen: [...probes].some((p) => p.startsWith(key)) }).toEqual({ combination: key, seen: true });
    }
    for (const [name, value] of EDGES) {
      const key = `${name}=${describeDrawn(value)}`;
      expect({ edge: key, seen: probes.has(key) }).toEqual({ edge: key, seen: true });
    }
    expect(cases.filter((c) => c.probes[0].endsWith("/reuse")).length).toBe(50);
  });

  it("are the same for the same seed", () => {
    expect(generateCases(SEED, 20)).toEqual(generateCases(SEED, 20));
    expect(generateCases(SEED + 1, 20)).not.toEqual(generateCases(SEED, 20));
  });
});

describeWithTerraform("TypeScript constructs and the exported module agree (differential)", () => {
  const generated = generateCases(SEED, CASES);
  let verdicts: Verdict[] = [];
  let model: ModuleModel;
  const failures: string[] = [];

  beforeAll(async () => {
    const started = Date.now();
    log(`${CASES} cases (DIFF_CASES), seed ${SEED} (DIFF_SEED repeats this run)`);
    const ws = await terraformWorkspace();
    const slots = Math.min(SLOTS, REGRESSIONS.length + FIXED.length + CASES);
    const root = await SlotRoot.create(ws, ROOT_DIR, join(REPO, MODULE_DIR), slots);
    log(`root with ${slots} module calls initialized in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    model = moduleModel();
    const engine = new DifferentialEngine(root, model, log);
    const inputs: CaseInput[] = [...REGRESSIONS, ...FIXED, ...generated];
    verdicts = await engine.evaluate(inputs);

    const failing = verdicts.filter((v) => v.disagreements.length > 0);
    // Shrink one input of each kind of disagreement first.
    const shrunkKinds = new Set<string>();
    const toShrink = new Set<Verdict>();
    for (const verdict of failing) {
      const kinds = verdict.disagreements.map(kindOf);
      if (toShrink.size < SHRINK_AT_MOST && kinds.some((k) => !shrunkKinds.has(k))) {
        kinds.forEach((k) => shrunkKinds.add(k));
        toShrink.add(verdict);
      }
    }
    for (const verdict of [...toShrink, ...failing.filter((v) => !toShrink.has(v))]) {
      const source = generated.find((g) => g.id === verdict.id);
      let minimal: Verdict | undefined;
      if (toShrink.has(verdict)) {
        log(`shrinking ${verdict.id}`);
        minimal = await shrink(engine, verdict, log);
      }
      failures.push(report(verdict, source, minimal));
    }
    const s = engine.stats;
    const rounds = verdicts.reduce((sum, v) => sum + v.rounds.length, 0);
    const compared = verdicts.reduce((sum, v) => sum + v.valuesCompared, 0);
    log(
      `${verdicts.length} inputs (${REGRESSIONS.length + FIXED.length} fixed, ${generated.length} generated), ${rounds} compared plans of them, ` +
        `${compared} with planned values; ${s.plans} terraform plans of ${s.calls} module calls in ${(s.planMs / 1000).toFixed(1)} s, ` +
        `constructs ${(s.typescriptMs / 1000).toFixed(1)} s; ${failing.length} disagreeing; total ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });

  afterAll(() => {
    if (process.env.DIFF_KEEP !== "1") rmSync(ROOT_DIR, { recursive: true, force: true });
  });

  it(`agree on every input: accepted or refused, rule ids, messages, planned values`, () => {
    if (failures.length > 0) {
      throw new Error(
        `TypeScript and the exported module disagree on ${failures.length} of ${verdicts.length} inputs ` +
          `(repeat with DIFF_SEED=${SEED} DIFF_CASES=${CASES}):\n${summary(verdicts)}\n\n${failures.join("\n\n")}`,
      );
    }
    expect(verdicts).toHaveLength(REGRESSIONS.length + FIXED.length + CASES);
  });

  it("compare every rule the module checks, refused inputs after repairs, and the planned values of accepted ones", () => {
    const reported = new Set(verdicts.flatMap((v) => v.rounds.flatMap((r) => [...r.module.errors, ...r.module.warnings])));
    expect(model.placements.size).toBeGreaterThanOrEqual(22);
    for (const id of model.placements.keys()) expect({ rule: id, reported: reported.has(id) }).toEqual({ rule: id, reported: true });
    expect(verdicts.filter((v) => v.rounds.some((r) => r.hidden.length > 0)).length).toBeGreaterThan(0);
    expect(verdicts.reduce((sum, v) => sum + v.valuesCompared, 0)).toBeGreaterThanOrEqual(Math.min(20, CASES / 5));
  });

  describe("the differences issue 9 found", () => {
    it.each(REGRESSIONS.map((r) => [r.id, r] as const))("%s", (_id, regression) => {
      const verdict = verdicts.find((v) => v.id === regression.id)!;
      expect(verdict.disagreements).toEqual([]);
      expect(verdict.rounds[0].typescript.errors).toEqual(regression.errors);
      expect(verdict.rounds[0].module.errors).toEqual(regression.errors);
      if (regression.message) {
        const [ruleId, text] = regression.message;
        expect(verdict.rounds[0].moduleMessages[ruleId].join("\n")).toContain(text);
      }
    });
  });
});
