/**
 * `npm run schema-check -- --bindings DIR [--stacks OUTDIR] [--module] [--json FILE]...`
 *
 * Checks what this project emits against the hashicorp/aws schema of a provider-bindings package
 * (`node_modules/@cdktf/provider-aws` for 5.x, `@cdktn/provider-aws` 25.x for 6.x): every resource
 * type, argument and nested block must exist, required arguments must be set; known deprecations
 * are listed. With `--verify`, it also checks that every known deprecation path and every schema
 * fingerprint the plan guard relies on matches that schema. Exit 1 on any error.
 */
import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { SCHEMA_FINGERPRINTS, compare } from "../../src/ops/provider-version";
import { BindingSchemaError, ProviderSchema, readBindingSchema } from "./binding-schema";
import { moduleSources, stackSources } from "./config-sources";
import { ConfigSource, Json, checkConfigs, formatFindings, pathExists, staleDeprecations } from "./schema-check";

const HELP = `usage: npm run schema-check -- --bindings DIR [--stacks OUTDIR]... [--module] [--json FILE]... [--verify]

Checks Terraform JSON against the hashicorp/aws schema recorded in provider bindings.
  --bindings DIR   installed bindings package (holds .jsii), e.g. node_modules/@cdktn/provider-aws
  --stacks OUTDIR  every stacks/*/cdk.tf.json of a synth output folder (e.g. cdktf.out; repeatable)
  --module         the exported HCL module and its examples, synthesized from the constructs
  --json FILE      any Terraform JSON file (repeatable)
  --verify         also check this tool's own knowledge against the schema: known deprecations
                   exist, and the plan guard's version fingerprints match the provider version
Exit 0: no error (deprecations are listed). Exit 1: an error, or bad arguments.`;

interface Options {
  bindings?: string;
  stacks: string[];
  module: boolean;
  json: string[];
  verify: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const opts: Options = { stacks: [], module: false, json: [], verify: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === "--bindings") opts.bindings = value();
    else if (arg === "--stacks") opts.stacks.push(value());
    else if (arg === "--json") opts.json.push(value());
    else if (arg === "--module") opts.module = true;
    else if (arg === "--verify") opts.verify = true;
    else throw new UsageError(`unknown argument ${arg}`);
  }
  if (!opts.bindings) throw new UsageError("--bindings is required");
  if (opts.stacks.length === 0 && !opts.module && opts.json.length === 0 && !opts.verify) throw new UsageError("nothing to check: give --stacks, --module, --json or --verify");
  return opts;
}

class UsageError extends Error {}

/** Errors in this tool's own knowledge (deprecation list, guard fingerprints) against the schema. */
export function verifyKnowledge(schema: ProviderSchema): string[] {
  const errors = staleDeprecations(schema).map(
    (d) => `known deprecation ${d.path} is not in hashicorp/aws ${schema.providerVersion}: removed since, or a wrong path in known-deprecations.ts`,
  );
  for (const fp of SCHEMA_FINGERPRINTS) {
    const present = pathExists(schema, `resource.${fp.type}.${fp.attribute}`);
    const expected = compare(schema.providerVersion, fp.since) >= 0;
    if (present !== expected) {
      errors.push(
        `plan guard fingerprint ${fp.type}.${fp.attribute} (since ${fp.since}) is ${present ? "present" : "absent"} in hashicorp/aws ${schema.providerVersion}; src/ops/provider-version.ts is wrong`,
      );
    }
  }
  return errors;
}

function main(argv: readonly string[]): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const opts = parseArgs(argv);
  const started = Date.now();
  const schema = readBindingSchema(resolve(opts.bindings!));
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log(`schema: hashicorp/aws ${schema.providerVersion} from ${schema.bindings} (${Object.keys(schema.resources).length} resources, ${Object.keys(schema.dataSources).length} data sources; read in ${Date.now() - started} ms)`);

  const sources: ConfigSource[] = [];
  for (const dir of opts.stacks) {
    const found = stackSources(resolve(dir));
    // Several synth folders hold the same stack names: tell them apart by folder.
    sources.push(...(opts.stacks.length > 1 ? found.map((s) => ({ ...s, name: `${s.name} [${basename(dir)}]` })) : found));
  }
  if (opts.module) sources.push(...moduleSources());
  for (const file of opts.json) sources.push({ name: file, json: JSON.parse(readFileSync(file, "utf8")) as Json });

  let errors = 0;
  for (const source of sources) {
    const { findings, counted } = checkConfigs([source], schema);
    const failed = findings.filter((f) => f.severity === "error").length;
    errors += failed;
    log(`${failed > 0 ? "FAIL" : "ok  "} ${source.name}: ${counted.types.size} types, ${counted.blocks} blocks, ${counted.arguments} arguments`);
    for (const line of formatFindings(findings)) log(`     ${line}`);
  }
  if (opts.verify) {
    const problems = verifyKnowledge(schema);
    errors += problems.length;
    log(`${problems.length > 0 ? "FAIL" : "ok  "} known deprecations and plan guard fingerprints against ${schema.providerVersion}`);
    for (const p of problems) log(`     ERROR  ${p}`);
  }
  log(`${errors === 0 ? "schema check passed" : `schema check FAILED: ${errors} error(s)`} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return errors === 0 ? 0 : 1;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) process.stderr.write(`schema-check: ${e.message}\n\n${HELP}\n`);
    else if (e instanceof BindingSchemaError) process.stderr.write(`schema-check: ${e.message}\n`);
    else throw e;
    process.exitCode = 1;
  }
}
