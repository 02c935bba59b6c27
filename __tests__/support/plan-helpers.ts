import { PlanJson, PlannedResource, plannedResources } from "../../src/terraform/terraform-cli";

export { inParallel } from "../../src/terraform/in-parallel";

/** Planned resources of a type. */
export function resourcesOfType(plan: PlanJson, type: string): PlannedResource[] {
  return plannedResources(plan).filter((r) => r.type === type);
}

/** The one planned resource of `type` whose `name` attribute is `name`. */
export function resourceNamed(plan: PlanJson, type: string, name: string): PlannedResource {
  const found = resourcesOfType(plan, type).filter((r) => r.values.name === name);
  if (found.length !== 1) {
    throw new Error(`expected one ${type} named ${name}, found ${found.length}: ${resourcesOfType(plan, type).map((r) => r.values.name).join(", ")}`);
  }
  return found[0];
}
