/**
 * What the comparison needs to know about the exported module, read from its generated source:
 * where each rule is checked (validation, precondition of a resource, check block), which
 * resources each check waits for, and which variables a rule's subject is.
 *
 * Terraform's behaviour this relies on (each point is exercised by the differential test, since
 * a wrong model shows up as a disagreement):
 * - `terraform plan` validates first: when any variable validation of any module call fails,
 *   it reports every failing validation of every call and stops before any precondition or
 *   check is evaluated;
 * - otherwise every resource's preconditions are evaluated, all of them (one failing does not
 *   hide another of the same resource), unless a resource it refers to failed: a resource whose
 *   upstream failed is skipped, its preconditions unevaluated; check blocks likewise.
 */
import { ALL_RULES } from "../../../../src/rules/catalogue";
import { MODULE_VARIABLE_GROUPS, MODULE_VARIABLES, serviceConnectServiceNames } from "../../../../src/rules/fields";
import { templateReferences } from "../../../../tools/hcl-module/hcl-expression";
import { JsonObject } from "../../../../tools/hcl-module/hcl-render";
import { synthesizeModuleSource } from "../../../../tools/hcl-module/module-source";
import { RulePlacement } from "../../../../tools/hcl-module/rule-placement";

export interface ModuleModel {
  /** Where each rule is checked, by rule id. */
  readonly placements: ReadonlyMap<string, readonly RulePlacement[]>;
  /** Resources (`type.name`) a resource or check block depends on, transitively. */
  readonly upstream: ReadonlyMap<string, ReadonlySet<string>>;
  /** Variables a rule's message is about (its subject), the ones a repair changes. */
  subjectVariables(ruleId: string): readonly string[];
}

function strings(value: unknown, into: string[] = []): string[] {
  if (typeof value === "string") into.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, into));
  else if (value !== null && typeof value === "object") Object.values(value).forEach((v) => strings(v, into));
  return into;
}

/** Direct references of a block to resources, with locals expanded. */
function resourceReferences(body: unknown, locals: Record<string, unknown>, resourceTypes: Set<string>, seen = new Set<string>()): Set<string> {
  const out = new Set<string>();
  for (const ref of new Set(strings(body).flatMap(templateReferences))) {
    const [root, name] = ref.split(".");
    if (root === "local" && !seen.has(name)) {
      seen.add(name);
      resourceReferences(locals[name], locals, resourceTypes, seen).forEach((r) => out.add(r));
    } else if (resourceTypes.has(root)) {
      out.add(`${root}.${name}`);
    }
  }
  return out;
}

export function moduleModel(): ModuleModel {
  const source = synthesizeModuleSource();
  const json = source.json;
  const resources = (json.resource ?? {}) as Record<string, Record<string, JsonObject>>;
  const locals = (json.locals ?? {}) as Record<string, unknown>;
  const types = new Set(Object.keys(resources));
  const direct = new Map<string, Set<string>>();
  for (const [type, byName] of Object.entries(resources)) {
    for (const [name, body] of Object.entries(byName)) direct.set(`${type}.${name}`, resourceReferences(body, locals, types));
  }
  for (const [name, body] of Object.entries((json.check ?? {}) as Record<string, JsonObject>)) {
    direct.set(`check.${name}`, resourceReferences(body, locals, types));
  }
  const upstream = new Map<string, Set<string>>();
  const close = (node: string, seen = new Set<string>()): Set<string> => {
    for (const dep of direct.get(node) ?? []) {
      if (seen.has(dep)) continue;
      seen.add(dep);
      close(dep, seen);
    }
    return seen;
  };
  for (const node of direct.keys()) upstream.set(node, close(node));

  const placements = new Map<string, RulePlacement[]>();
  for (const p of source.rulePlacements) placements.set(p.ruleId, [...(placements.get(p.ruleId) ?? []), p]);

  return {
    placements,
    upstream,
    subjectVariables(ruleId) {
      const rule = ALL_RULES.find((r) => r.id === ruleId);
      if (!rule) throw new Error(`no rule ${ruleId}`);
      const fields = MODULE_VARIABLE_GROUPS[rule.subject] ?? [rule.subject];
      return fields.map((f) => {
        // Fields inside a variable (`service_connect.services[0].port_name`) belong to that variable.
        const spelled = MODULE_VARIABLES[f] ?? serviceConnectServiceNames(0, true)[f];
        if (!spelled) throw new Error(`rule ${ruleId}: field ${f} has no module variable`);
        return spelled.split(/[.[]/)[0];
      });
    },
  };
}
