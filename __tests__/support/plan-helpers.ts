import { PlanJson, PlannedResource, plannedResources } from "../../modules/terraform/terraform-cli";

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

/** Runs async jobs with at most `limit` at a time (Terraform runs are CPU-bound; 2 cores here). */
export async function inParallel<T, R>(items: readonly T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await job(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
