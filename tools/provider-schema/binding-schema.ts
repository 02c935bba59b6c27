/**
 * The AWS provider's configuration schema as a prebuilt provider-bindings package records it.
 *
 * `@cdktf/provider-aws` (hashicorp/aws 5.x) and `@cdktn/provider-aws` (6.x) are generated from
 * `terraform providers schema -json` and ship their jsii assembly (`.jsii`, JSON): every resource,
 * data source and the provider itself is a class whose config struct lists each settable argument
 * and nested block, with the Terraform name in the docs link (`...#service_registries`) and
 * `optional` absent for required ones. That is the most machine-readable copy of a provider
 * version's schema available without the provider binary, so the 6.x schema check reads it.
 *
 * What it does not carry: computed-only attributes (not settable, so irrelevant to a config
 * check) and deprecation flags (the generator drops them; see known-deprecations.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Arguments and nested blocks of one resource, data source, provider or block. */
export interface BlockSchema {
  /** Attribute name -> whether a configuration must set it. */
  readonly attributes: Readonly<Record<string, { readonly required: boolean }>>;
  /** Nested block (or nested attribute object) name -> its schema. */
  readonly blocks: Readonly<Record<string, NestedBlock>>;
}

export interface NestedBlock {
  readonly required: boolean;
  readonly schema: BlockSchema;
}

export interface ProviderSchema {
  /** npm package the schema was read from, e.g. `@cdktn/provider-aws@25.7.0`. */
  readonly bindings: string;
  /** Provider version the bindings were generated from, e.g. `6.66.0`. */
  readonly providerVersion: string;
  readonly provider: BlockSchema;
  readonly resources: Readonly<Record<string, BlockSchema>>;
  readonly dataSources: Readonly<Record<string, BlockSchema>>;
}

/** A provider-bindings package that cannot be read as one. */
export class BindingSchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BindingSchemaError";
  }
}

/** The parts of a jsii assembly read here. */
interface JsiiType {
  readonly kind: string;
  readonly fqn: string;
  readonly base?: string;
  readonly datatype?: boolean;
  readonly interfaces?: readonly string[];
  readonly docs?: { readonly summary?: string; readonly remarks?: string };
  readonly initializer?: { readonly parameters?: readonly { readonly name: string; readonly type: JsiiTypeRef }[] };
  readonly properties?: readonly JsiiProperty[];
}

interface JsiiProperty {
  readonly name: string;
  readonly optional?: boolean;
  readonly static?: boolean;
  readonly type: JsiiTypeRef;
  readonly docs?: { readonly summary?: string; readonly remarks?: string };
}

type JsiiTypeRef =
  | { readonly primitive: string }
  | { readonly fqn: string }
  | { readonly collection: { readonly kind: string; readonly elementtype: JsiiTypeRef } }
  | { readonly union: { readonly types: readonly JsiiTypeRef[] } };

/** Reads the schema from an installed bindings package folder (the one holding `.jsii`). */
export function readBindingSchema(packageDir: string): ProviderSchema {
  const assemblyFile = join(packageDir, ".jsii");
  if (!existsSync(assemblyFile)) {
    throw new BindingSchemaError(
      `${packageDir} has no .jsii assembly. Pass the folder of an installed provider-bindings package, e.g. node_modules/@cdktn/provider-aws.`,
    );
  }
  const assembly = JSON.parse(readFileSync(assemblyFile, "utf8")) as { name: string; version: string; types: Record<string, JsiiType> };
  return schemaFromAssembly(assembly);
}

/** The schema of an already parsed assembly (exported for tests that build small assemblies). */
export function schemaFromAssembly(assembly: { name: string; version: string; types: Record<string, JsiiType> }): ProviderSchema {
  const types = assembly.types;
  const resources: Record<string, BlockSchema> = {};
  const dataSources: Record<string, BlockSchema> = {};
  let provider: BlockSchema | undefined;
  let providerVersion: string | undefined;

  for (const type of Object.values(types)) {
    if (type.kind !== "class" || !type.base) continue;
    const base = type.base.split(".").pop();
    if (base !== "TerraformResource" && base !== "TerraformDataSource" && base !== "TerraformProvider") continue;
    const configFqn = configStructOf(type);
    if (!configFqn) continue;
    const schema = blockSchema(types, configFqn, new Set());
    const link = /\{@link (\S+) ([^}]+)\}/.exec(type.docs?.summary ?? "");
    if (base === "TerraformProvider") {
      provider = schema;
      providerVersion = /\/providers\/[^/]+\/[^/]+\/(\d+\.\d+\.\d+)\//.exec(`${link?.[1] ?? ""}/`)?.[1];
      continue;
    }
    const name = link?.[2]?.trim();
    if (!name) throw new BindingSchemaError(`${type.fqn}: no Terraform type name in its docs ("Represents a {@link ... <name>}")`);
    (base === "TerraformResource" ? resources : dataSources)[name] = schema;
  }
  if (!provider || !providerVersion) {
    throw new BindingSchemaError(`${assembly.name}@${assembly.version}: no provider class with a versioned registry link; is this a provider-bindings package?`);
  }
  return { bindings: `${assembly.name}@${assembly.version}`, providerVersion, provider, resources, dataSources };
}

/** The config struct a resource/data source/provider class is constructed with (third parameter). */
function configStructOf(type: JsiiType): string | undefined {
  const config = type.initializer?.parameters?.find((p) => p.name === "config");
  return config && "fqn" in config.type ? config.type.fqn : undefined;
}

function blockSchema(types: Record<string, JsiiType>, fqn: string, seen: Set<string>): BlockSchema {
  const struct = types[fqn];
  if (!struct) throw new BindingSchemaError(`struct ${fqn} is not in the assembly`);
  // Structs of the bindings are flat, but follow same-assembly parents in case one is not.
  const properties = [...(struct.properties ?? [])];
  for (const parent of struct.interfaces ?? []) {
    if (types[parent] && !seen.has(parent)) properties.push(...(types[parent].properties ?? []));
  }
  const attributes: Record<string, { required: boolean }> = {};
  const blocks: Record<string, NestedBlock> = {};
  const path = new Set(seen).add(fqn);
  for (const property of properties) {
    if (property.static) continue;
    const name = terraformName(property);
    const required = property.optional !== true;
    const nested = structOf(types, property.type);
    if (nested && !path.has(nested)) blocks[name] = { required, schema: blockSchema(types, nested, path) };
    else attributes[name] = { required };
  }
  return { attributes, blocks };
}

/** The struct a property's type is (or is a list/set/map of), when it is one of the bindings' structs. */
function structOf(types: Record<string, JsiiType>, ref: JsiiTypeRef): string | undefined {
  if ("fqn" in ref) return types[ref.fqn]?.kind === "interface" && types[ref.fqn]?.datatype ? ref.fqn : undefined;
  if ("collection" in ref) return structOf(types, ref.collection.elementtype);
  if ("union" in ref) {
    for (const member of ref.union.types) {
      const found = structOf(types, member);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The Terraform name of a property: the anchor of its registry link (`...#failure_threshold`),
 * which keeps names the generator had to change in TypeScript; else the camelCase name in snake_case.
 */
function terraformName(property: JsiiProperty): string {
  const docs = `${property.docs?.summary ?? ""} ${property.docs?.remarks ?? ""}`;
  const anchor = /\{@link https?:\/\/\S+#(\S+) [^}]*\}/.exec(docs)?.[1];
  return anchor ?? property.name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
