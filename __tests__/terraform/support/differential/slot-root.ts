/**
 * One Terraform root that plans many module calls at once, offline, with one `terraform init`.
 *
 * The root calls the module once per "slot", and each slot has a copy of the module of its own
 * (`slots/slot_NNN/`). Terraform reports a failed precondition or check at the module's source
 * file with no instance address, so the copy's path is what tells which call failed; a failed
 * variable validation points at the call's argument in the root's `main.tf`, whose lines are
 * known. The root is initialized once with every slot; each plan then writes only the calls it
 * needs (Terraform ignores installed modules that are not called), so no plan needs a new init.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PlanJson } from "../../../../src/terraform/terraform-cli";
import { TerraformWorkspace } from "../../../../src/terraform/workspace";
import { InputValue, ModuleInputs } from "../module-translation";

/** A diagnostic of `terraform plan -json`, with the parts this reads. */
interface JsonDiagnostic {
  readonly severity: "error" | "warning";
  readonly summary: string;
  readonly detail?: string;
  readonly range?: { readonly filename: string; readonly start: { readonly line: number } };
}

export interface SlotDiagnostic {
  readonly severity: "error" | "warning";
  readonly summary: string;
  /** The rule id the message starts with, if any. */
  readonly ruleId: string | undefined;
  /** The message, without Terraform's "checked by the validation rule" suffix. */
  readonly detail: string;
  readonly kind: "validation" | "other";
}

export interface PlanRun {
  /** "validation" when variable validations failed (Terraform then stops before preconditions). */
  readonly stage: "validation" | "plan";
  readonly bySlot: ReadonlyMap<number, readonly SlotDiagnostic[]>;
  /** Diagnostics no slot can be named for (a broken root, a provider failure). */
  readonly unattributed: readonly string[];
  /** The saved plan, when asked for and the plan succeeded. */
  readonly plan?: PlanJson | undefined;
  readonly exitCode: number;
}

const MODULE_FILES = ["main.tf", "variables.tf", "outputs.tf", "versions.tf"];
export const slotName = (slot: number): string => `slot_${String(slot).padStart(4, "0")}`;

/** HCL for a value: JSON is HCL expression syntax once template sequences are escaped. */
function hclValue(value: InputValue): string {
  return JSON.stringify(value).replace(/\$\{/g, "$${").replace(/%\{/g, "%%{");
}

export class SlotRoot {
  public static async create(ws: TerraformWorkspace, dir: string, moduleDir: string, slots: number): Promise<SlotRoot> {
    rmSync(dir, { recursive: true, force: true });
    for (let slot = 0; slot < slots; slot++) {
      const target = join(dir, "slots", slotName(slot));
      mkdirSync(target, { recursive: true });
      for (const file of MODULE_FILES) cpSync(join(moduleDir, file), join(target, file));
    }
    const root = new SlotRoot(ws, dir, slots);
    root.writeMain(Array.from({ length: slots }, (_, slot) => ({ slot, inputs: {} })));
    await ws.prepareRoot(dir, { withModules: true });
    return root;
  }

  /** Line ranges of the module calls in the current main.tf. */
  private callLines: { slot: number; first: number; last: number }[] = [];

  private constructor(
    private readonly ws: TerraformWorkspace,
    public readonly dir: string,
    public readonly slots: number,
  ) {}

  private writeMain(calls: readonly { slot: number; inputs: ModuleInputs }[]): void {
    const lines = ['provider "aws" {', '  region = "us-east-1"', "}"];
    this.callLines = [];
    for (const { slot, inputs } of calls) {
      lines.push("");
      const first = lines.length + 1;
      lines.push(`module "${slotName(slot)}" {`, `  source = "./slots/${slotName(slot)}"`);
      for (const [name, value] of Object.entries(inputs)) lines.push(`  ${name} = ${hclValue(value)}`);
      lines.push("}");
      this.callLines.push({ slot, first, last: lines.length });
    }
    writeFileSync(join(this.dir, "main.tf"), lines.join("\n") + "\n");
  }

  private slotOf(d: JsonDiagnostic): number | undefined {
    const file = d.range?.filename;
    if (!file) return undefined;
    const copy = /^slots\/slot_(\d+)\//.exec(file);
    if (copy) return Number(copy[1]);
    if (file === "main.tf") return this.callLines.find((c) => d.range!.start.line >= c.first && d.range!.start.line <= c.last)?.slot;
    return undefined;
  }

  /**
   * Plans the given calls (slots must be distinct and below `slots`), with `extraJson` as a
   * second file of the root (resources synthesized by the constructs) when given. With
   * `save`, a successful plan is read back with `terraform show -json`.
   */
  public async plan(calls: readonly { slot: number; inputs: ModuleInputs }[], opts: { extraJson?: object; save?: boolean } = {}): Promise<PlanRun> {
    this.writeMain(calls);
    const extra = join(this.dir, "constructs.tf.json");
    rmSync(extra, { force: true });
    if (opts.extraJson) writeFileSync(extra, JSON.stringify(opts.extraJson));
    const cli = this.ws.cliFor({ withModules: true });
    const args = ["plan", "-input=false", "-no-color", "-lock=false", "-refresh=false", "-json", ...(opts.save ? ["-out=tfplan"] : [])];
    const result = await cli.run(this.dir, args, true);
    const bySlot = new Map<number, SlotDiagnostic[]>();
    const unattributed: string[] = [];
    let validationFailed = false;
    for (const line of result.stdout.split("\n")) {
      if (!line.includes('"type":"diagnostic"')) continue;
      const d = JSON.parse(line).diagnostic as JsonDiagnostic;
      const validation = d.summary === "Invalid value for variable";
      if (validation && d.severity === "error") validationFailed = true;
      const detail = (d.detail ?? "").replace(/\n\nThis was checked by the validation rule at [^\n]*$/, "");
      const slot = this.slotOf(d);
      if (slot === undefined) {
        unattributed.push(`${d.severity}: ${d.summary}: ${detail}`);
        continue;
      }
      const ruleId = /^\[(SD\d{3})\]/.exec(detail)?.[1];
      bySlot.set(slot, [...(bySlot.get(slot) ?? []), { severity: d.severity, summary: d.summary, ruleId, detail, kind: validation ? "validation" : "other" }]);
    }
    if (result.code !== 0 && bySlot.size === 0 && unattributed.length === 0) {
      unattributed.push(`terraform plan failed without diagnostics (exit ${result.code}): ${result.stderr.slice(0, 2000)}`);
    }
    const plan = opts.save && result.code === 0 ? await this.ws.showPlan(this.dir, { withModules: true }) : undefined;
    return { stage: validationFailed ? "validation" : "plan", bySlot, unattributed, plan, exitCode: result.code };
  }
}
