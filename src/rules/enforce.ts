import { Annotations, FOR_EXPRESSION_KEY, FOR_EXPRESSION_VALUE, Fn, IResolvable, TerraformResource, TerraformStack, Token } from "cdktf";
import { NULL_ARGUMENT, forEachEntry, isKnown, isSymbolic, jsonText } from "../core/expr";
import { FieldNames, MODULE_VARIABLES, MODULE_VARIABLE_GROUPS } from "./fields";
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

function describe(names: FieldNames, moduleNaming: boolean, renderTokens: boolean): Describe {
  return {
    name: (field) => (moduleNaming ? `var.${names[field] ?? field}` : (names[field] ?? field)),
    value: (value) => (isKnown(value) || renderTokens ? jsonText(value) : "(a value known only at apply)"),
    inputs: (field) => (moduleNaming ? (MODULE_VARIABLE_GROUPS[field] ?? [field]) : [field]),
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
    const text = formatMessage(rule.id, rule.message(describe(names, moduleNaming, false), facts));
    if (rule.severity === "warning") {
      // An annotation carries its construct path already: `cdktf synth` prints
      // `WARNING [<path>]: <message>`, so the message does not repeat it.
      Annotations.of(scope).addWarning(text);
    } else {
      violations.push({ ruleId: rule.id, path, property: names[rule.subject] ?? rule.subject, message: prefix + text });
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
  /** Attribute names of the entries of a list that is a Terraform expression, when not the props'. */
  entryKeys: Readonly<Record<string, string>> = {},
): DeferredCheck[] {
  if (isKnown(list)) {
    return list.flatMap((item, i) =>
      enforce({ scope: reporter.scope, names: { ...reporter.names, ...namesOf(i, false) }, moduleNames: namesOf(i, true) }, rules, factsOf(knownEntry(item), i)),
    );
  }
  const { scope } = reporter;
  const moduleNaming = scope.node.tryGetContext(MODULE_NAMING_CONTEXT) === true;
  const prefix = moduleNaming ? "" : `${scope.node.path}: `;
  const spell = (path: readonly (string | number)[]) => path.map((p) => (typeof p === "string" ? (entryKeys[p] ?? p) : p));
  const read = (value: unknown, path: readonly (string | number)[]) => readExpression(value, spell(path));
  const current: ListEntry = { get: (path) => read(FOR_EXPRESSION_VALUE, path) };
  const deferred: DeferredCheck[] = [];
  for (const rule of rules) {
    const holds = rule.holds(factsOf(current, Token.asString(FOR_EXPRESSION_KEY)));
    if (holds === true) continue;
    const perEntry = forEachEntry(list, isSymbolic(holds) ? holds : Token.asAny(holds));
    // Terraform evaluates a validation's message even when the condition holds (no entry fails,
    // or no entries): every part of the message must then still evaluate, to something unused.
    const failingIndex = Fn.index(Fn.concat([perEntry, [false]]), false);
    const failing = Token.asString(failingIndex);
    const entry: ListEntry = {
      get: (path) => Token.asAny(Fn.try([Fn.lookupNested(Fn.element(list, Token.asNumber(failingIndex)), spell(path)), NULL_ARGUMENT])),
    };
    const names = moduleNaming ? { ...MODULE_VARIABLES, ...namesOf(failing, true) } : { ...reporter.names, ...namesOf(failing, false) };
    const base = describe(names, moduleNaming, true);
    const safe: Describe = { name: base.name, value: (v) => (isKnown(v) ? base.value(v) : base.value(Fn.try([v, NULL_ARGUMENT]))) };
    const message = formatMessage(rule.id, rule.message(safe, factsOf(entry, failing)));
    deferred.push({ ruleId: rule.id, severity: rule.severity, condition: Fn.alltrue(perEntry as unknown as unknown[]) as IResolvable, errorMessage: prefix + message });
  }
  return deferred;
}

/**
 * An attribute of a Terraform value by path. An index into a list is wrapped in
 * `try(..., null)`, so an empty list reads as null (as `undefined` does for known input); an
 * object attribute needs no wrapper (a typed variable has every attribute, null when not given).
 */
export function readExpression(value: unknown, path: readonly (string | number)[]): unknown {
  const lookup = Fn.lookupNested(value, [...path]);
  return Token.asAny(path.some((p) => typeof p === "number") ? Fn.try([lookup, NULL_ARGUMENT]) : lookup);
}

/** An entry known at synth, read by path (`undefined` past a missing step). */
export function knownEntry(item: unknown): ListEntry {
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
