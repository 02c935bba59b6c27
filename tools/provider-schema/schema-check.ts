/**
 * Checks Terraform JSON configuration against a provider schema read from bindings: every
 * resource and data source type, every argument and every nested block (literal or `dynamic`)
 * must exist, and every required argument must be set. Anything else is an error: the argument
 * was removed or renamed in that provider version. Known deprecations are reported, not failed.
 *
 * It walks whatever the document holds, so new resources and blocks are covered without listing
 * them here.
 */
import { BlockSchema, ProviderSchema } from "./binding-schema";
import { KNOWN_DEPRECATIONS, KnownDeprecation } from "./known-deprecations";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** One Terraform JSON document to check, named for the report. */
export interface ConfigSource {
  /** e.g. `stack fargate-awsvpc` or `module terraform-aws-ecs-service-discovery`. */
  readonly name: string;
  readonly json: Json;
}

export interface SchemaFinding {
  readonly severity: "error" | "deprecated";
  readonly source: string;
  /** e.g. `resource.aws_ecs_service.api.service_registries.registry_arn` */
  readonly address: string;
  /** The schema path without resource names, e.g. `resource.aws_ecs_service.service_registries.registry_arn`. */
  readonly schemaPath: string;
  readonly message: string;
}

export interface SchemaCheckResult {
  readonly findings: readonly SchemaFinding[];
  /** How much was compared, so a report can show the check did something. */
  readonly counted: { readonly blocks: number; readonly arguments: number; readonly types: ReadonlySet<string> };
}

/** Terraform meta-arguments and cdktf metadata: not part of any provider schema. */
const META_ARGUMENTS = new Set(["count", "for_each", "depends_on", "lifecycle", "provider", "provisioner", "connection", "//"]);
/** Provider-block meta-arguments. */
const PROVIDER_META = new Set(["alias", "version", "//"]);

export function checkConfigs(sources: readonly ConfigSource[], schema: ProviderSchema): SchemaCheckResult {
  const walker = new Walker(schema);
  for (const source of sources) walker.document(source);
  return { findings: walker.findings, counted: { blocks: walker.blocks, arguments: walker.arguments, types: walker.types } };
}

/** Known deprecations whose path is not in the schema (stale entries, or removed since). */
export function staleDeprecations(schema: ProviderSchema, list: readonly KnownDeprecation[] = KNOWN_DEPRECATIONS): KnownDeprecation[] {
  return list.filter((d) => !pathExists(schema, d.path));
}

/** Whether `resource.<type>.<a>.<b>`, `data.<type>...` or `provider.<a>...` is in the schema. */
export function pathExists(schema: ProviderSchema, path: string): boolean {
  const [kind, ...rest] = path.split(".");
  let block: BlockSchema | undefined;
  let names: string[];
  if (kind === "provider") {
    block = schema.provider;
    names = rest;
  } else {
    block = (kind === "resource" ? schema.resources : kind === "data" ? schema.dataSources : {})[rest[0]];
    names = rest.slice(1);
  }
  for (const [i, name] of names.entries()) {
    if (!block) return false;
    if (i === names.length - 1) return name in block.attributes || name in block.blocks;
    block = block.blocks[name]?.schema;
  }
  return block !== undefined;
}

class Walker {
  public readonly findings: SchemaFinding[] = [];
  public blocks = 0;
  public arguments = 0;
  public readonly types = new Set<string>();
  private readonly deprecations = new Map(KNOWN_DEPRECATIONS.map((d) => [d.path, d]));
  private source = "";

  constructor(private readonly schema: ProviderSchema) {}

  public document(source: ConfigSource): void {
    this.source = source.name;
    const doc = asObject(source.json) ?? {};
    for (const [type, byName] of entries(doc.resource)) {
      for (const [name, body] of entries(byName)) this.top("resource", type, name, body);
    }
    for (const [type, byName] of entries(doc.data)) {
      for (const [name, body] of entries(byName)) this.top("data", type, name, body);
    }
    // Scoped data sources of `check` blocks.
    for (const [checkName, check] of entries(doc.check)) {
      for (const [type, byName] of entries(asObject(check)?.data)) {
        for (const [name, body] of entries(byName)) this.top("data", type, name, body, `check.${checkName}.`);
      }
    }
    for (const [providerName, configs] of entries(doc.provider)) {
      if (providerName !== "aws") continue;
      for (const [i, body] of (Array.isArray(configs) ? configs : [configs]).entries()) {
        this.body(this.schema.provider, body, `provider.aws[${i}]`, "provider", PROVIDER_META);
      }
    }
  }

  private top(kind: "resource" | "data", type: string, name: string, body: Json, prefix = ""): void {
    const address = `${prefix}${kind === "data" ? "data." : "resource."}${type}.${name}`;
    if (!type.startsWith("aws_")) return; // other providers are not this schema's business
    this.types.add(`${kind === "data" ? "data." : ""}${type}`);
    const schema = (kind === "resource" ? this.schema.resources : this.schema.dataSources)[type];
    if (!schema) {
      this.error(address, `${kind}.${type}`, `${kind === "data" ? "data source" : "resource type"} ${type} does not exist in hashicorp/aws ${this.schema.providerVersion}`);
      return;
    }
    this.body(schema, body, address, `${kind}.${type}`, META_ARGUMENTS);
  }

  /** One block body; `path` is the schema path (`resource.<type>.<block>...`) for deprecations. */
  private body(schema: BlockSchema, value: Json, address: string, path: string, meta: ReadonlySet<string>): void {
    const body = asObject(value);
    if (!body) return; // a whole block given as one expression: nothing literal to check
    this.blocks++;
    const dynamicBlocks = new Set<string>();
    for (const [key, inner] of Object.entries(body)) {
      if (meta.has(key)) continue;
      if (key === "dynamic") {
        for (const [label, spec] of entries(inner)) {
          dynamicBlocks.add(label);
          const nested = schema.blocks[label];
          if (!nested) {
            this.unknown(schema, `${address}.dynamic.${label}`, `${path}.${label}`, label, "block");
            continue;
          }
          this.deprecated(`${path}.${label}`, `${address}.dynamic.${label}`);
          this.body(nested.schema, asObject(spec)?.content ?? null, `${address}.dynamic.${label}.content`, `${path}.${label}`, new Set());
        }
        continue;
      }
      this.arguments++;
      const where = `${address}.${key}`;
      if (key in schema.attributes) {
        this.deprecated(`${path}.${key}`, where);
      } else if (key in schema.blocks) {
        this.deprecated(`${path}.${key}`, where);
        const items = Array.isArray(inner) ? inner : [inner];
        items.forEach((item, i) => this.body(schema.blocks[key].schema, item, Array.isArray(inner) ? `${where}[${i}]` : where, `${path}.${key}`, new Set()));
      } else {
        this.unknown(schema, where, `${path}.${key}`, key, "argument");
      }
    }
    for (const [name, attribute] of Object.entries(schema.attributes)) {
      if (attribute.required && !(name in body)) {
        this.error(`${address}.${name}`, `${path}.${name}`, `required argument ${name} is not set (hashicorp/aws ${this.schema.providerVersion} requires it)`);
      }
    }
    for (const [name, block] of Object.entries(schema.blocks)) {
      if (block.required && !(name in body) && !dynamicBlocks.has(name)) {
        this.error(`${address}.${name}`, `${path}.${name}`, `required block ${name} is missing (hashicorp/aws ${this.schema.providerVersion} requires it)`);
      }
    }
  }

  private unknown(schema: BlockSchema, address: string, schemaPath: string, name: string, what: string): void {
    const candidates = [...Object.keys(schema.attributes), ...Object.keys(schema.blocks)];
    const near = candidates.filter((c) => c.includes(name) || name.includes(c) || editDistance(c, name) <= 3);
    const hint = near.length > 0 ? ` (similar: ${near.slice(0, 3).join(", ")})` : "";
    this.error(address, schemaPath, `${what} ${name} does not exist in hashicorp/aws ${this.schema.providerVersion}: removed or renamed${hint}`);
  }

  private deprecated(path: string, address: string): void {
    const known = this.deprecations.get(path);
    if (!known) return;
    this.findings.push({
      severity: "deprecated",
      source: this.source,
      address,
      schemaPath: path,
      message: `deprecated since hashicorp/aws ${known.since}: ${known.note} [${known.source}]`,
    });
  }

  private error(address: string, schemaPath: string, message: string): void {
    this.findings.push({ severity: "error", source: this.source, address, schemaPath, message });
  }
}

function asObject(value: Json | undefined): JsonObject | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : undefined;
}

function entries(value: Json | undefined): [string, Json][] {
  return Object.entries(asObject(value) ?? {});
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/** The findings as lines for people: each error; each deprecation once per schema path, with a count. */
export function formatFindings(findings: readonly SchemaFinding[]): string[] {
  const errors = findings.filter((f) => f.severity === "error").map((f) => `ERROR  ${f.address}: ${f.message}`);
  const deprecated = new Map<string, SchemaFinding[]>();
  for (const f of findings.filter((x) => x.severity === "deprecated")) deprecated.set(f.schemaPath, [...(deprecated.get(f.schemaPath) ?? []), f]);
  const notes = [...deprecated.entries()].map(([path, all]) => `deprecated  ${path} (${all.length}x): ${all[0].message}`);
  return [...errors, ...notes];
}
