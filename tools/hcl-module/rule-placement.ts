/**
 * Where each rule of the catalogue ends up in the exported module.
 *
 * The constructs attach every rule they cannot decide at synth as a `lifecycle.precondition` of
 * the resource that uses the input. In a module, a condition that reads one variable and nothing
 * else is better as that variable's `validation` block: Terraform checks it before planning any
 * resource and points at the caller's argument. Rules that relate several inputs stay
 * preconditions (variable validations may only refer to their own variable before Terraform 1.9,
 * and this module supports older versions). Preconditions of resources created conditionally
 * (`count`) are guarded by that condition and stay where they are. Warnings the constructs could
 * not decide become `check` blocks, which Terraform reports as warnings.
 */
import {
  DefaultTokenResolver,
  StringConcat,
  TerraformLocal,
  TerraformResource,
  TerraformStack,
  TerraformVariable,
  Tokenization,
} from "cdktf";
import { ALL_RULES } from "../../src/rules/catalogue";
import { deferredWarnings } from "../../src/rules/enforce";
import { MODULE_VARIABLES } from "../../src/rules/fields";
import { templateReferences } from "./hcl-expression";
import { ModuleVariables } from "./module-variables";

/** Where one rule is checked: a variable's validation, a resource's precondition, or a check block. */
export interface RulePlacement {
  readonly ruleId: string;
  readonly kind: "validation" | "precondition" | "check";
  /** `var.<name>`, the resource address, or `check.<name>`. */
  readonly where: string;
  /** Variables the check reads (the condition and the message). */
  readonly variables: readonly string[];
}

interface Precondition {
  readonly condition: unknown;
  readonly errorMessage: unknown;
}

/** The rule id a message starts with (`[SD013] ...`). */
export function ruleIdOf(message: string): string {
  const match = /^\[(SD\d{3})\]/.exec(message);
  if (!match) throw new Error(`a rule message must start with its id: ${message}`);
  return match[1];
}

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/** Renders a token-bearing value as the JSON-syntax string Terraform will read. */
export function resolvedText(stack: TerraformStack, value: unknown): string {
  const resolved = Tokenization.resolve(value, { scope: stack, preparing: false, resolver: RESOLVER });
  return typeof resolved === "string" ? resolved : JSON.stringify(resolved);
}

function variablesOf(references: readonly string[]): string[] {
  return [...new Set(references.filter((r) => r.startsWith("var.")).map((r) => r.slice(4)))].sort();
}

/** References with every `local.x` replaced by what the local's expression refers to. */
function expandLocals(stack: TerraformStack, references: readonly string[]): string[] {
  const locals = new Map(
    stack.node
      .findAll()
      .filter((c): c is TerraformLocal => c instanceof TerraformLocal)
      .map((l) => [`local.${l.friendlyUniqueId}`, l]),
  );
  const expand = (ref: string, seen: Set<string>): string[] => {
    const l = locals.get(ref);
    if (!l || seen.has(ref)) return [ref];
    seen.add(ref);
    // `expression` reads back as a reference to the local itself; its definition is in toTerraform().
    const definition = (l.toTerraform() as { locals: Record<string, unknown> }).locals[l.friendlyUniqueId];
    return templateReferences(resolvedText(stack, definition)).flatMap((r) => expand(r, seen));
  };
  return [...new Set(references.flatMap((r) => expand(r, new Set())))];
}

/**
 * Moves single-variable preconditions to validations (dropping exact duplicates) and reports
 * where every rule is checked.
 */
export function placeRuleChecks(stack: TerraformStack, variables: ModuleVariables): RulePlacement[] {
  const placements: RulePlacement[] = [];
  const resources = stack.node.findAll().filter((c): c is TerraformResource => c instanceof TerraformResource);
  for (const resource of resources) {
    const preconditions = (resource.lifecycle?.precondition ?? []) as Precondition[];
    if (preconditions.length === 0) continue;
    const address = `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
    const conditional = resource.count !== undefined || resource.forEach !== undefined;
    const kept: Precondition[] = [];
    for (const check of preconditions) {
      const condition = resolvedText(stack, check.condition);
      const message = resolvedText(stack, check.errorMessage);
      const references = expandLocals(stack, [...templateReferences(condition), ...templateReferences(message)]);
      const used = variablesOf(references);
      const onlyVariables = references.every((r) => r.startsWith("var."));
      const ruleId = ruleIdOf(message);
      if (!conditional && onlyVariables && used.length === 1) {
        addValidation(stack, variables[used[0]], check, condition, message);
        placements.push({ ruleId, kind: "validation", where: `var.${used[0]}`, variables: used });
      } else {
        kept.push(check);
        placements.push({ ruleId, kind: "precondition", where: address, variables: used });
      }
    }
    const { precondition: _replaced, ...lifecycle } = resource.lifecycle ?? {};
    resource.lifecycle = kept.length > 0 ? { ...lifecycle, precondition: kept as never } : lifecycle;
  }
  return dedupe(placements);
}

function addValidation(stack: TerraformStack, variable: TerraformVariable, check: Precondition, condition: string, message: string): void {
  const existing = variable.validation ?? [];
  const same = existing.some((v) => resolvedText(stack, v.condition) === condition && resolvedText(stack, v.errorMessage) === message);
  if (!same) variable.addValidation({ condition: check.condition, errorMessage: check.errorMessage as string });
}

function dedupe(placements: RulePlacement[]): RulePlacement[] {
  const seen = new Set<string>();
  return placements.filter((p) => {
    const key = `${p.ruleId}|${p.kind}|${p.where}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Turns the stack's deferred warnings into `check` blocks named after the rule and its variable. */
export function placeWarningChecks(stack: TerraformStack): RulePlacement[] {
  const placements: RulePlacement[] = [];
  for (const warning of deferredWarnings(stack)) {
    const rule = ALL_RULES.find((r) => r.id === warning.ruleId);
    const subject = rule ? (MODULE_VARIABLES[rule.subject] ?? rule.subject) : "input";
    const name = `${warning.ruleId.toLowerCase()}_${subject}`;
    stack.addOverride(`check.${name}`, { assert: [{ condition: warning.condition, error_message: warning.errorMessage }] });
    const message = resolvedText(stack, warning.errorMessage);
    const used = variablesOf(expandLocals(stack, [...templateReferences(resolvedText(stack, warning.condition)), ...templateReferences(message)]));
    placements.push({ ruleId: warning.ruleId, kind: "check", where: `check.${name}`, variables: used });
  }
  return dedupe(placements);
}
