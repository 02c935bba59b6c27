import { readFileSync } from "node:fs";

/** Resources per Terraform type in a synthesized cdk.tf.json, keys sorted. */
export function countResources(cdkTfJsonPath: string): Record<string, number> {
  const doc = JSON.parse(readFileSync(cdkTfJsonPath, "utf8")) as { resource?: Record<string, Record<string, unknown>> };
  const counts: Record<string, number> = {};
  for (const type of Object.keys(doc.resource ?? {}).sort()) counts[type] = Object.keys(doc.resource![type]).length;
  return counts;
}
