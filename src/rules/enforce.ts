import { Annotations, Fn, IResolvable, TerraformIterator, TerraformResource, TerraformStack, Token } from "cdktf";
import { isKnown, isSymbolic, jsonText } from "../core/expr";
import { FieldNames, MODULE_VARIABLES } from "./fields";
import { RuleReporter } from "./naming";
import { Describe, Rule, formatMessage } from "./rule";
import { RuleViolation, recordViolations } from "./violations";

/**
 * Context key that switches the spelling of fields in messages from TypeScript props to the
 * exported module's variables. The module builder sets it on its stack; constructs inherit it.
 */
export const MODULE_NAMING_CONTEXT = "cdktf-ecs-service-discovery:module-naming";

/** A rule that cannot be decided at synth: Terraform checks it at plan. */
export interface DeferredCheck {
  readonly ruleId: string;
  readonly severity: "error" | "warning";
  readonly condition: IResolvable;
  readonly errorMessage: string;
}

function describe(names: FieldNames, prefixVar: boolean, renderTokens: boolean): Describe {
  return {
    name: (field) => (prefixVar ? `var.${names[field] ?? field}` : (names[field] ?? field)),
    value: (value) => (isKnown(value) || renderTokens ? jsonText(value) : "(a value known only at apply)"),
  };
}

/**
 * Runs rules against facts for a construct.
 * - a rule that is known to be broken is recorded (errors; the app reports them all when it
 *   synthesizes, see violations.ts) or warns via Annotations;
 * - a rule that depends on unresolved values is returned as a deferred Terraform check, which the
 *   construct attaches as a `precondition` so Terraform enforces it at plan.
 */
export function enforce<F>(reporter: RuleReporter, rules: readonly Rule<F>[], facts: F): DeferredCheck[] {
  const { scope, names: propNames } = reporter;
  const moduleNaming = scope.node.tryGetContext(MODULE_NAMING_CONTEXT) === true;
  const names = moduleNaming ? { ...MODULE_VARIABLES, ...reporter.moduleNames } : propNames;
  const path = scope.node.path;
  const prefix = moduleNaming ? "" : `${path}: `;
  const violations: RuleViolation[] = [];
  const deferred: DeferredCheck[] = [];

  for (const rule of rules) {
    const holds = rule.holds(facts);
    if (holds === true) continue;
    if (isSymbolic(holds)) {
      const message = formatMessage(rule.id, rule.message(describe(names, moduleNaming, true), facts));
      deferred.push({ ruleId: rule.id, severity: rule.severity, condition: holds, errorMessage: prefix + message });
      continue;
    }
    const message = prefix + formatMessage(rule.id, rule.message(describe(names, moduleNaming, false), facts));
    if (rule.severity === "warning") {
      Annotations.of(scope).addWarning(message);
    } else {
      violations.push({ ruleId: rule.id, path, property: names[rule.subject] ?? rule.subject, message });
    }
  }
  recordViolations(scope, violations);
  return deferred;
}

/** One entry of a list input, read by property path (`["clientAliases", 0, "port"]`). */
export interface ListEntry {
  get(path: readonly (string | number)[]): unknown;
}

/**
 * Runs `rules` against every entry of a list input (e.g. `serviceConnect.services`), with field
 * names that carry the entry's index (`serviceConnect.services[1].portName`).
 * - A list known at synth is checked entry by entry, like `enforce`.
 * - A list that is a Terraform expression (the exported module's variable) becomes one check
 *   per rule over all entries, `alltrue([for ... : <condition>])`, whose message names the first
 *   entry that fails (`index([for ... : <condition>], false)`), so Terraform prints the same
 *   message TypeScript prints for the same input.
 */
export function enforceEach<F>(
  reporter: RuleReporter,
  rules: readonly Rule<F>[],
  list: readonly unknown[],
  factsOf: (entry: ListEntry, index: number | string) => F,
  namesOf: (index: number | string, module: boolean) => FieldNames,
): DeferredCheck[] {
  if (isKnown(list)) {
    return list.flatMap((item, i) =>
      enforce({ scope: reporter.scope, names: namesOf(i, false), moduleNames: namesOf(i, true) }, rules, factsOf(knownEntry(item), i)),
    );
  }
  const { scope } = reporter;
  const moduleNaming = scope.node.tryGetContext(MODULE_NAMING_CONTEXT) === true;
  const prefix = moduleNaming ? "" : `${scope.node.path}: `;
  const it = TerraformIterator.fromList(list as string[]);
  const current: ListEntry = { get: (path) => Fn.lookupNested(it.value, [...path]) };
  const deferred: DeferredCheck[] = [];
  for (const rule of rules) {
    const holds = rule.holds(factsOf(current, it.key as string));
    if (holds === true) continue;
    const perEntry = isSymbolic(holds) ? it.forExpressionForList(holds) : it.forExpressionForList(Token.asAny(holds));
    const failing = Token.asString(Fn.index(perEntry, false));
    const entry: ListEntry = { get: (path) => Fn.lookupNested(Fn.element(list, failing as unknown as number), [...path]) };
    const names = moduleNaming ? { ...MODULE_VARIABLES, ...namesOf(failing, true) } : namesOf(failing, false);
    const message = formatMessage(rule.id, rule.message(describe(names, moduleNaming, true), factsOf(entry, failing)));
    deferred.push({ ruleId: rule.id, severity: rule.severity, condition: Fn.alltrue(perEntry as unknown as unknown[]) as IResolvable, errorMessage: prefix + message });
  }
  return deferred;
}

function knownEntry(item: unknown): ListEntry {
  return {
    get: (path) =>
      path.reduce<unknown>((value, step) => (value === undefined || value === null ? undefined : (value as Record<string | number, unknown>)[step]), item),
  };
}

/** Deferred warnings by stack (see `deferredWarnings`). */
const warningsByStack = new WeakMap<TerraformStack, DeferredCheck[]>();

/**
 * Attaches deferred error checks to a resource as lifecycle preconditions. Terraform has no
 * warning-level precondition, so deferred warnings are kept per stack instead: the exported
 * module turns them into `check` blocks, which Terraform reports as warnings.
 */
export function attachPreconditions(resource: TerraformResource, checks: readonly DeferredCheck[]): void {
  const warnings = checks.filter((c) => c.severity === "warning");
  if (warnings.length > 0) {
    const stack = TerraformStack.of(resource);
    warningsByStack.set(stack, [...(warningsByStack.get(stack) ?? []), ...warnings]);
  }
  const errors = checks.filter((c) => c.severity === "error");
  if (errors.length === 0) return;
  resource.lifecycle = {
    ...resource.lifecycle,
    precondition: [
      ...(resource.lifecycle?.precondition ?? []),
      ...errors.map((c) => ({ condition: c.condition, errorMessage: c.errorMessage })),
    ],
  };
}

/** The warnings of a stack that depend on values known only at plan. */
export function deferredWarnings(stack: TerraformStack): readonly DeferredCheck[] {
  return warningsByStack.get(stack) ?? [];
}
