/**
 * A readable summary of `terraform show -json <planfile>`: counts per action and, per action, the
 * resource types with the names of their resources, so a reviewer sees at a glance what a pull
 * request creates, changes, replaces or deletes.
 */
import { GuardPlan, PlanResourceChange } from "./plan-guard";

export type SummaryAction = "create" | "update" | "replace" | "delete";

const ORDER: readonly SummaryAction[] = ["create", "update", "replace", "delete"];
const SYMBOL: Record<SummaryAction, string> = { create: "+", update: "~", replace: "-/+", delete: "-" };

/** The summary action of a resource change, or undefined for no-op/read/forget. */
export function summaryAction(actions: readonly string[]): SummaryAction | undefined {
  if (actions.includes("delete")) return actions.includes("create") ? "replace" : "delete";
  if (actions.includes("create")) return "create";
  if (actions.includes("update")) return "update";
  return undefined;
}

/** `<title>: N to create, N to update, N to replace, N to delete`, then one line per action and type. */
export function summarizePlan(title: string, plan: GuardPlan): string {
  const groups = new Map<SummaryAction, Map<string, string[]>>();
  for (const rc of plan.resource_changes ?? []) {
    if (rc.mode === "data") continue;
    const action = summaryAction(rc.change.actions);
    if (!action) continue;
    const byType = groups.get(action) ?? new Map<string, string[]>();
    groups.set(action, byType);
    byType.set(rc.type, [...(byType.get(rc.type) ?? []), displayName(rc)]);
  }
  const count = (a: SummaryAction) => [...(groups.get(a)?.values() ?? [])].reduce((n, names) => n + names.length, 0);
  const lines = [`${title}: ${ORDER.map((a) => `${count(a)} to ${a}`).join(", ")}`];
  for (const action of ORDER) {
    const byType = groups.get(action);
    if (!byType) continue;
    for (const [type, names] of [...byType.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`  ${SYMBOL[action].padEnd(3)} ${type} (${names.length}): ${names.sort().join(", ")}`);
    }
  }
  if (lines.length === 1) lines.push("  no changes");
  return lines.join("\n");
}

/** The resource's `name` (or `family`) attribute when it has one, else its address. */
function displayName(rc: PlanResourceChange): string {
  for (const values of [rc.change.after, rc.change.before]) {
    if (values && typeof values === "object") {
      const v = values as Record<string, unknown>;
      if (typeof v.name === "string" && v.name !== "") return v.name;
      if (typeof v.family === "string" && v.family !== "") return v.family;
    }
  }
  // Unnamed resources (subnets, rules...): the address without the type, e.g. network_private-0_A0649C48.
  return rc.address.startsWith(`${rc.type}.`) ? rc.address.slice(rc.type.length + 1) : rc.address;
}
