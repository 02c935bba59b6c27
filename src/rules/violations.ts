/**
 * How broken rules reach the user: collected across the whole app while constructs are built,
 * and reported together, once, when the app synthesizes — before any file is written.
 *
 * A construct whose input breaks a rule records the violation and goes on building (its values
 * are well-typed, only wrong), so one synth reports every broken construct in every stack rather
 * than the first. The report is raised from two hooks on every stack of the app:
 * - `node.addValidation`, which `app.synth()` and `Testing.synth(stack, true)` run;
 * - an aspect, which runs on every synth path, `Testing.synth(stack)` and `Testing.synthScope`
 *   included (they skip validations), so a snapshot test never records a broken stack.
 * `app.synth()` invokes a stack's aspects and validations before writing that stack, and the
 * hooks sit on every stack that exists when a violation is recorded (stacks created later
 * synthesize later), so a failed synth leaves the output folder as it was.
 */
import { Aspects, IAspect, TerraformStack } from "cdktf";
import { IConstruct, IValidation } from "constructs";
import { throwReadable } from "./readable-error";

/** One broken rule. */
export interface RuleViolation {
  /** Rule id, e.g. `SD013`. */
  readonly ruleId: string;
  /** Construct path of the construct whose input is wrong. */
  readonly path: string;
  /** The offending property, as the user spelled it (`discovery.dnsRecordType`). */
  readonly property: string;
  /** The whole message: `<path>: [SDxxx] <problem>. Allowed: <...>. Fix: <...>.` */
  readonly message: string;
}

/** The rule violations of an app (or of one construct's input), as one error. */
export class ServiceDiscoveryRuleError extends Error {
  /** Every violation, in the order the constructs were built. */
  public readonly violations: readonly RuleViolation[];

  constructor(violations: readonly RuleViolation[]) {
    const lines = violations.map((v) => v.message);
    super(lines.length === 1 ? lines[0] : `${lines.length} rule violations:\n- ${lines.join("\n- ")}`);
    this.name = "ServiceDiscoveryRuleError";
    this.violations = violations;
  }

  /** Rule ids of the violations, e.g. `["SD013"]`. */
  public get ruleIds(): string[] {
    return this.violations.map((v) => v.ruleId);
  }
}

/** Violations by app (root construct), in the order they were recorded. */
const recorded = new WeakMap<IConstruct, RuleViolation[]>();
/** Stacks that carry the report hooks already. */
const hooked = new WeakSet<TerraformStack>();

/**
 * Records violations of `scope`'s input; they are reported when the app synthesizes. The
 * construct's own `node.validate()` lists them too.
 */
export function recordViolations(scope: IConstruct, violations: readonly RuleViolation[]): void {
  if (violations.length === 0) return;
  const root = scope.node.root;
  const list = recorded.get(root) ?? [];
  recorded.set(root, list);
  list.push(...violations);
  scope.node.addValidation(new OwnViolations(violations));
  for (const stack of root.node.findAll().filter(TerraformStack.isStack)) {
    if (hooked.has(stack)) continue;
    hooked.add(stack);
    stack.node.addValidation(new AppReport(root));
    Aspects.of(stack).add(new AppReportAspect(stack, root));
  }
}

/** Every violation recorded in `scope`'s app so far. */
export function violationsIn(scope: IConstruct): readonly RuleViolation[] {
  return [...(recorded.get(scope.node.root) ?? [])];
}

/**
 * Throws every violation recorded in `scope`'s app, plus `more` (violations that stop a
 * construct from being built at all), as one readable `ServiceDiscoveryRuleError`. Does nothing
 * when there are none.
 */
export function reportViolations(scope: IConstruct, more: readonly RuleViolation[] = []): void {
  const all = [...violationsIn(scope), ...more];
  if (all.length > 0) throwReadable(new ServiceDiscoveryRuleError(all));
}

/** A construct's own violations, for `construct.node.validate()`. */
class OwnViolations implements IValidation {
  constructor(private readonly violations: readonly RuleViolation[]) {}

  public validate(): string[] {
    return this.violations.map((v) => v.message);
  }
}

/** The app-wide report, run by cdktf's validation of each stack. */
class AppReport implements IValidation {
  constructor(private readonly root: IConstruct) {}

  public validate(): string[] {
    reportViolations(this.root);
    return [];
  }
}

/** The app-wide report on synth paths that skip validations. */
class AppReportAspect implements IAspect {
  constructor(
    private readonly stack: TerraformStack,
    private readonly root: IConstruct,
  ) {}

  public visit(node: IConstruct): void {
    if (node === this.stack) reportViolations(this.root);
  }
}
