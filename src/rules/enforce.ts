import { Annotations, IResolvable, TerraformResource, TerraformStack } from "cdktf";
import { isKnown, isSymbolic, jsonText } from "../core/expr";
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
  const names = moduleNaming ? MODULE_VARIABLES : propNames;
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
