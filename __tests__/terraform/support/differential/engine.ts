/**
 * The differential comparison of the TypeScript constructs and the exported module.
 *
 * Each input goes through both paths: the constructs (with module naming, see
 * `../module-translation.ts`) report every rule it breaks at once; Terraform plans the module
 * call. What is compared, per plan of an input:
 * - every rule id the module reports (errors and check warnings) is one the constructs report,
 *   with the same message;
 * - every rule id the constructs report is reported by the module, unless Terraform did not
 *   evaluate that check in this plan (see `module-model.ts`): a precondition or check waiting
 *   for a resource whose precondition failed, or any precondition or check when a variable
 *   validation failed. Such rules are "hidden", and the input is planned again with the reported
 *   problems repaired (their subject variables set to a canonical valid value, nothing else), and
 *   compared again, until nothing is hidden. A rule Terraform cannot show for an input is so
 *   compared on the nearest input where it can;
 * - an input both sides accept (at any round) is planned once more together with the resources
 *   the constructs synthesize for it: both must plan resources of the same types (namespace,
 *   Cloud Map service, ECS service) with equal values, unknown ("known after apply") ones included.
 * Any Terraform error without a rule id, or a crash of the constructs, is a disagreement too.
 */
import { TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { isDeepStrictEqual } from "node:util";
import { MODULE_VARIABLE_SPECS, REQUIRED } from "../../../../tools/hcl-module/module-variables";
import { withScratchApp } from "../../../../tools/hcl-module/terraform-json";
import { PlanJson, PlannedResource, plannedResources } from "../../../../src/terraform/terraform-cli";
import { ModuleInputs, TypescriptFindings, buildConstructs, moduleNamingStack, typescriptFindings } from "../module-translation";
import { ABSENT, DOMAINS } from "./domains";
import { ModuleModel } from "./module-model";
import { SlotDiagnostic, SlotRoot, slotName } from "./slot-root";

export interface CaseInput {
  readonly id: string;
  readonly inputs: ModuleInputs;
}

/** One plan of one input, and what both sides said. */
export interface Round {
  readonly inputs: ModuleInputs;
  readonly stage: "validation" | "plan";
  readonly typescript: { readonly errors: readonly string[]; readonly warnings: readonly string[] };
  readonly module: { readonly errors: readonly string[]; readonly warnings: readonly string[] };
  /** The module's error messages by rule id. */
  readonly moduleMessages: Readonly<Record<string, readonly string[]>>;
  /** Rule ids the constructs report that Terraform did not evaluate in this plan. */
  readonly hidden: readonly string[];
}

export interface Verdict {
  readonly id: string;
  readonly inputs: ModuleInputs;
  readonly rounds: readonly Round[];
  readonly disagreements: readonly string[];
  /** Inputs of this case whose planned values were compared (accepted by both sides). */
  readonly valuesCompared: number;
}

export interface EngineStats {
  plans: number;
  planMs: number;
  typescriptMs: number;
  calls: number;
}

const MAX_ROUNDS = 6;
const OPTIONAL = new Set(MODULE_VARIABLE_SPECS.filter((s) => s.default !== REQUIRED).map((s) => s.name));

interface Item {
  readonly index: number;
  readonly inputs: ModuleInputs;
  readonly round: number;
  /** Not evaluated in a plan stopped by another call's validation: plan it with the others next. */
  readonly deferred: boolean;
}

interface CaseState {
  readonly rounds: Round[];
  readonly disagreements: string[];
  valuesCompared: number;
}

const sortedIds = (ids: Iterable<string>) => [...new Set(ids)].sort();

/**
 * Terraform's `jsonencode` escapes `<`, `>` and `&` (Go's JSON encoder does); `JSON.stringify`
 * does not. The value is the same, so the module's text is read with them unescaped.
 */
function unescapeHtml(text: string): string {
  return text.replace(/\\u003c/g, "<").replace(/\\u003e/g, ">").replace(/\\u0026/g, "&");
}

function byRule(entries: readonly { ruleId: string; message: string }[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of entries) map.set(e.ruleId, [...(map.get(e.ruleId) ?? []), e.message].sort());
  return map;
}

export class DifferentialEngine {
  public readonly stats: EngineStats = { plans: 0, planMs: 0, typescriptMs: 0, calls: 0 };
  private readonly findings = new Map<string, TypescriptFindings>();

  constructor(
    private readonly root: SlotRoot,
    private readonly model: ModuleModel,
    private readonly log: (line: string) => void,
  ) {}

  /** The constructs' findings for an input (cached: repairs and shrinking revisit inputs). */
  public typescript(inputs: ModuleInputs): TypescriptFindings {
    const key = JSON.stringify(inputs);
    let found = this.findings.get(key);
    if (!found) {
      const start = Date.now();
      found = typescriptFindings(inputs);
      this.stats.typescriptMs += Date.now() - start;
      this.findings.set(key, found);
    }
    return found;
  }

  private failsValidation(inputs: ModuleInputs): boolean {
    return this.typescript(inputs).errors.some((v) => this.model.placements.get(v.ruleId)?.some((p) => p.kind === "validation"));
  }

  private async planCalls(label: string, calls: { slot: number; inputs: ModuleInputs }[], opts: { extraJson?: object; save?: boolean } = {}) {
    const start = Date.now();
    const run = await this.root.plan(calls, opts);
    const ms = Date.now() - start;
    this.stats.plans += 1;
    this.stats.planMs += ms;
    this.stats.calls += calls.length;
    const failed = [...run.bySlot.values()].filter((ds) => ds.some((d) => d.severity === "error")).length;
    this.log(`plan ${this.stats.plans} (${label}): ${calls.length} module calls, stage ${run.stage}, ${failed} with errors, ${(ms / 1000).toFixed(1)} s`);
    if (run.unattributed.length > 0) {
      throw new Error(`terraform plan (${label}) reported problems no module call can be named for:\n${run.unattributed.join("\n")}`);
    }
    return run;
  }

  /** Runs every case through both paths; see the file comment for what is compared. */
  public async evaluate(cases: readonly CaseInput[]): Promise<Verdict[]> {
    const states: CaseState[] = cases.map(() => ({ rounds: [], disagreements: [], valuesCompared: 0 }));
    let pending: Item[] = cases.map((c, index) => ({ index, inputs: c.inputs, round: 0, deferred: false }));
    const accepted: Item[] = [];

    while (pending.length > 0) {
      // Calls expected to fail a validation go first and together (such a plan stops before
      // any precondition), so their repairs join the other calls' plan.
      const failing = pending.filter((i) => !i.deferred && this.failsValidation(i.inputs));
      const source = failing.length > 0 ? failing : pending;
      const batch = source.slice(0, this.root.slots);
      pending = pending.filter((i) => !batch.includes(i));
      const run = await this.planCalls(
        `round ${Math.min(...batch.map((i) => i.round))}`,
        batch.map((item, slot) => ({ slot, inputs: item.inputs })),
      );
      batch.forEach((item, slot) => {
        const diagnostics = run.bySlot.get(slot) ?? [];
        if (run.stage === "validation" && !diagnostics.some((d) => d.kind === "validation")) {
          pending.push({ ...item, deferred: true });
          return;
        }
        const next = this.observe(item, run.stage, diagnostics, states[item.index]);
        if (next === "accepted") accepted.push(item);
        else if (next) pending.push(next);
      });
    }

    for (let at = 0; at < accepted.length; at += this.root.slots) {
      await this.compareValues(accepted.slice(at, at + this.root.slots), states);
    }
    return cases.map((c, i) => ({ id: c.id, inputs: c.inputs, ...states[i], rounds: states[i].rounds, disagreements: states[i].disagreements }));
  }

  /** Compares one plan of one input; returns the repaired input to plan next, or "accepted". */
  private observe(item: Item, stage: "validation" | "plan", diagnostics: readonly SlotDiagnostic[], state: CaseState): Item | "accepted" | undefined {
    const ts = this.typescript(item.inputs);
    const problems: string[] = [];
    const where = item.round === 0 ? "" : ` (round ${item.round}, after repairs)`;
    if (ts.crash) problems.push(`the constructs crashed${where}: ${ts.crash}`);
    for (const d of diagnostics.filter((x) => x.ruleId === undefined)) {
      problems.push(`Terraform ${d.severity} without a rule id${where}: ${d.summary}: ${d.detail}`);
    }
    const moduleErrors = byRule(diagnostics.filter((d) => d.ruleId && d.severity === "error").map((d) => ({ ruleId: d.ruleId!, message: unescapeHtml(d.detail) })));
    const moduleWarnings = byRule(diagnostics.filter((d) => d.ruleId && d.severity === "warning").map((d) => ({ ruleId: d.ruleId!, message: unescapeHtml(d.detail) })));
    const tsErrors = byRule(ts.errors);
    const tsWarnings = byRule(ts.warnings);

    // Resources whose preconditions failed: what waits for them was not evaluated.
    const failedResources = new Set(
      [...moduleErrors.keys()].flatMap((id) => (this.model.placements.get(id) ?? []).filter((p) => p.kind === "precondition").map((p) => p.where)),
    );
    const hiddenBy = (ruleId: string): string[] | undefined => {
      const placements = this.model.placements.get(ruleId) ?? [];
      if (placements.length === 0 || placements.some((p) => p.kind === "validation")) return undefined;
      if (stage === "validation") return ["(validation)"];
      const upstream = placements.flatMap((p) => [...(this.model.upstream.get(p.where) ?? [])].filter((r) => failedResources.has(r)));
      return upstream.length > 0 ? upstream : undefined;
    };

    const hidden: string[] = [];
    const repairFrom = new Set<string>();
    const compare = (kind: string, fromTs: Map<string, string[]>, fromModule: Map<string, string[]>) => {
      for (const [id, messages] of fromModule) {
        const expected = fromTs.get(id);
        if (!expected) problems.push(`the module reports ${kind} ${id}, the constructs do not${where}: ${messages.join(" | ")}`);
        else if (!isDeepStrictEqual(expected, messages)) {
          problems.push(`${kind} ${id} reads differently${where}:\n    constructs: ${expected.join("\n                ")}\n    module:     ${messages.join("\n                ")}`);
        }
      }
      for (const [id, messages] of fromTs) {
        if (fromModule.has(id)) continue;
        const blockers = hiddenBy(id);
        if (!blockers) {
          problems.push(`the constructs report ${kind} ${id}, the module does not, though Terraform checked it${where}: ${messages.join(" | ")}`);
          continue;
        }
        hidden.push(id);
        // Repair what stopped Terraform from evaluating it: every failed validation, or the
        // failed preconditions of the resources it waits for.
        for (const reported of moduleErrors.keys()) {
          const at = this.model.placements.get(reported) ?? [];
          if (stage === "validation" || at.some((p) => blockers.includes(p.where))) repairFrom.add(reported);
        }
      }
    };
    compare("error", tsErrors, moduleErrors);
    compare("warning", tsWarnings, moduleWarnings);

    state.rounds.push({
      inputs: item.inputs,
      stage,
      typescript: { errors: sortedIds(tsErrors.keys()), warnings: sortedIds(tsWarnings.keys()) },
      module: { errors: sortedIds(moduleErrors.keys()), warnings: sortedIds(moduleWarnings.keys()) },
      moduleMessages: Object.fromEntries(moduleErrors),
      hidden: sortedIds(hidden),
    });
    state.disagreements.push(...problems);
    if (problems.length > 0) return undefined;
    if (hidden.length === 0) return tsErrors.size === 0 ? "accepted" : undefined;
    if (item.round + 1 >= MAX_ROUNDS) throw new Error(`still hidden after ${MAX_ROUNDS} rounds: ${JSON.stringify(item.inputs)}`);
    return { index: item.index, inputs: this.repair(item.inputs, repairFrom), round: item.round + 1, deferred: false };
  }

  /** The input with the subject variables of the given rules set to their canonical value. */
  public repair(inputs: ModuleInputs, ruleIds: Iterable<string>): ModuleInputs {
    const out: Record<string, unknown> = { ...inputs };
    for (const id of ruleIds) {
      for (const variable of this.model.subjectVariables(id)) {
        const canonical = DOMAINS[variable].canonical;
        if (canonical === ABSENT) delete out[variable];
        else out[variable] = canonical;
      }
    }
    if (isDeepStrictEqual(out, inputs)) throw new Error(`repairing ${[...ruleIds].join(", ")} changes nothing in ${JSON.stringify(inputs)}`);
    return out as ModuleInputs;
  }

  /** Plans accepted inputs beside the constructs' own resources and compares the planned values. */
  private async compareValues(items: readonly Item[], states: CaseState[]): Promise<void> {
    const start = Date.now();
    const resources: Record<string, Record<string, unknown>> = {};
    const addresses: Set<string>[] = [];
    withScratchApp((app) => {
      items.forEach((item, k) => {
        // A stack per input: discovery names are unique per stack and namespace (SD005).
        const stack = moduleNamingStack(app, `values-${k}`);
        // ...and a scope per input: resource names (from construct paths) differ across stacks.
        const scope = new Construct(stack, `case_${k}`);
        buildConstructs(scope, item.inputs);
        addresses.push(
          new Set(scope.node.findAll().filter((c): c is TerraformResource => c instanceof TerraformResource).map((r) => `${r.terraformResourceType}.${r.friendlyUniqueId}`)),
        );
        const json = stack.toTerraform() as { resource?: Record<string, Record<string, unknown>> };
        for (const [type, byName] of Object.entries(json.resource ?? {})) {
          resources[type] = { ...resources[type], ...byName };
        }
      });
    });
    this.stats.typescriptMs += Date.now() - start;
    const run = await this.planCalls(
      "planned values",
      items.map((item, slot) => ({ slot, inputs: item.inputs })),
      { extraJson: { resource: resources }, save: true },
    );
    if (!run.plan) {
      const failures = [...run.bySlot.entries()].map(([slot, ds]) => `${slotName(slot)}: ${ds.map((d) => d.detail).join(" | ")}`);
      throw new Error(`the plan of accepted inputs with the constructs' resources failed:\n${failures.join("\n")}`);
    }
    const plan = run.plan;
    items.forEach((item, k) => {
      const state = states[item.index];
      const where = item.round === 0 ? "" : ` (round ${item.round}, after repairs)`;
      const moduleSide = resourcesByType(plan, (r) => r.address.startsWith(`module.${slotName(k)}.`));
      const tsSide = resourcesByType(plan, (r) => addresses[k].has(r.address));
      const types = sortedIds([...moduleSide.keys(), ...tsSide.keys()]);
      for (const type of types) {
        const m = moduleSide.get(type);
        const t = tsSide.get(type);
        if (!m || !t) {
          state.disagreements.push(`${type} is planned by ${m ? "the module" : "the constructs"} only${where}`);
          continue;
        }
        for (const aspect of ["values", "unknown"] as const) {
          const differences = differencesOf(t[aspect], m[aspect]);
          if (differences.length > 0) state.disagreements.push(`${type} plans different ${aspect}${where}:\n    ${differences.join("\n    ")}`);
        }
      }
      state.valuesCompared += 1;
    });
  }
}

/** The attribute paths where two planned values differ, with both sides (at most 10). */
export function differencesOf(constructs: unknown, module: unknown, path = "", out: string[] = []): string[] {
  if (isDeepStrictEqual(constructs, module) || out.length >= 10) return out;
  const bothObjects = [constructs, module].every((v) => v !== null && typeof v === "object" && Array.isArray(v) === Array.isArray(constructs));
  if (!bothObjects) {
    out.push(`${path || "(whole value)"}: constructs ${JSON.stringify(constructs)}, module ${JSON.stringify(module)}`);
    return out;
  }
  const a = constructs as Record<string, unknown>;
  const b = module as Record<string, unknown>;
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    differencesOf(a[key], b[key], Array.isArray(a) ? `${path}[${key}]` : path ? `${path}.${key}` : key, out);
  }
  return out;
}

/** Planned values and unknown attributes of the matching resources, by type. */
function resourcesByType(plan: PlanJson, match: (r: PlannedResource) => boolean): Map<string, { values: unknown; unknown: unknown }> {
  const out = new Map<string, { values: unknown; unknown: unknown }>();
  const changes = new Map((plan.resource_changes ?? []).map((c) => [c.address, c.change.after_unknown]));
  for (const r of plannedResources(plan).filter(match)) {
    // The module holds one resource of each type (its stack enforces it), so types pair them.
    if (out.has(r.type)) throw new Error(`two planned ${r.type} for one input: ${r.address}`);
    out.set(r.type, { values: r.values, unknown: changes.get(r.address) });
  }
  return out;
}

/**
 * A smaller input that still disagrees: each step plans every input with one variable left out
 * (optional ones) or set to its canonical value, and keeps the first that still disagrees
 * without breaking a rule the current input does not (so the minimal input shows the same
 * problem, not a new one). Stops when no such step is left.
 */
export async function shrink(engine: DifferentialEngine, start: Verdict, log: (line: string) => void): Promise<Verdict> {
  let current = start;
  for (let step = 1; ; step++) {
    const candidates: CaseInput[] = [];
    for (const name of Object.keys(current.inputs)) {
      const canonical = DOMAINS[name].canonical;
      if (OPTIONAL.has(name)) {
        const { [name]: _dropped, ...rest } = current.inputs;
        candidates.push({ id: `without ${name}`, inputs: rest });
      }
      if (canonical !== ABSENT && !isDeepStrictEqual(current.inputs[name], canonical)) {
        candidates.push({ id: `${name} = ${JSON.stringify(canonical)}`, inputs: { ...current.inputs, [name]: canonical } });
      }
    }
    const broken = new Set(engine.typescript(current.inputs).errors.map((v) => v.ruleId));
    const eligible = candidates.filter((c) => engine.typescript(c.inputs).errors.every((v) => broken.has(v.ruleId)));
    if (eligible.length === 0) return current;
    const smaller = (await engine.evaluate(eligible)).find((v) => v.disagreements.length > 0);
    if (!smaller) return current;
    log(`shrink step ${step}: ${smaller.id} still disagrees`);
    current = smaller;
  }
}
