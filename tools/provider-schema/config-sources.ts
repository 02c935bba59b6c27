/**
 * The Terraform configuration this project emits, as JSON documents for the schema check: the
 * synthesized example stacks (a cdktf output folder), the exported HCL module (synthesized from
 * the constructs, the document its `.tf` files are rendered from) and the module's examples.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { MODULE_EXAMPLES, exampleBlocks } from "../hcl-module/examples";
import { JsonObject } from "../hcl-module/hcl-render";
import { synthesizeModuleSource } from "../hcl-module/module-source";
import { ConfigSource, Json } from "./schema-check";

/** Every `stacks/<name>/cdk.tf.json` of a cdktf output folder. */
export function stackSources(outdir: string): ConfigSource[] {
  const stacks = join(outdir, "stacks");
  if (!existsSync(stacks)) throw new Error(`${outdir} has no stacks/ folder: synthesize first (npm run synth writes cdktf.out)`);
  const names = readdirSync(stacks).filter((name) => existsSync(join(stacks, name, "cdk.tf.json")));
  if (names.length === 0) throw new Error(`${stacks} holds no cdk.tf.json`);
  return names.sort().map((name) => ({ name: `stack ${name}`, json: JSON.parse(readFileSync(join(stacks, name, "cdk.tf.json"), "utf8")) as Json }));
}

/** The exported module and each of its examples (their provider block and task definition). */
export function moduleSources(): ConfigSource[] {
  const module = synthesizeModuleSource();
  const examples = MODULE_EXAMPLES.map((example) => {
    const json: { provider: Record<string, JsonObject[]>; resource: Record<string, Record<string, JsonObject>> } = { provider: {}, resource: {} };
    for (const block of exampleBlocks(example)) {
      if (block.type === "provider") (json.provider[block.labels[0]] ??= []).push(block.body);
      if (block.type === "resource") (json.resource[block.labels[0]] ??= {})[block.labels[1]] = block.body;
    }
    return { name: `module example ${example.name}`, json: json as unknown as Json };
  });
  return [{ name: "module terraform-aws-ecs-service-discovery", json: module.json as Json }, ...examples];
}
