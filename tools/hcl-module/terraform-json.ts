/**
 * A cdktf stack as clean Terraform JSON, and the HCL schemas to render it.
 *
 * cdktf writes construct metadata (`//` keys) and names every dynamic block's iterator `each`
 * (`each.value` inside a resource that has no for_each reads oddly). Both are tidied here, once,
 * so the `.tf.json` and `.tf` flavours of the module come from the same document.
 */
import { App, TerraformResource, TerraformStack } from "cdktf";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { reportViolations } from "../../src/rules/violations";
import { expressionReferences, splitTemplate } from "./hcl-expression";
import { BodySchema, Json, JsonObject } from "./hcl-render";

/**
 * Where the export's App points its output folder. cdktf's App creates that folder (and a
 * `stacks/` inside) on construction; nothing is synthesized into it, since the export reads the
 * stacks in memory, so one git-ignored folder serves every run.
 */
const SCRATCH_OUTDIR = resolve(__dirname, "../../.work/module-export-app");

/** Builds stacks in an App whose output folder stays unused, and returns what `define` returns. */
export function withScratchApp<T>(define: (app: App) => T): T {
  mkdirSync(dirname(SCRATCH_OUTDIR), { recursive: true });
  return define(new App({ outdir: SCRATCH_OUTDIR, stackTraces: false, skipValidation: true }));
}

/** The stack's Terraform JSON without cdktf metadata and with named dynamic iterators. */
export function stackJson(stack: TerraformStack): JsonObject {
  // Rule violations of known inputs fail the export, as they fail any synth.
  reportViolations(stack);
  return tidy(stripMetadata(stack.toTerraform() as Json)) as JsonObject;
}

function stripMetadata(value: Json): Json {
  if (Array.isArray(value)) return value.map(stripMetadata);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== "//").map(([k, v]) => [k, stripMetadata(v)]));
}

/** Renames `iterator = "each"` of dynamic blocks to the block's own label (Terraform's default). */
function tidy(value: Json): Json {
  if (Array.isArray(value)) return value.map(tidy);
  if (value === null || typeof value !== "object") return value;
  const out: JsonObject = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = key === "dynamic" ? tidyDynamic(inner) : tidy(inner);
  }
  return out;
}

function tidyDynamic(value: Json): Json {
  if (Array.isArray(value)) return value.map(tidyDynamic);
  const blocks = value as JsonObject;
  return Object.fromEntries(
    Object.entries(blocks).map(([label, spec]) => {
      const { iterator, ...rest } = spec as JsonObject;
      if (iterator === undefined || iterator === label) return [label, tidy(rest)];
      return [label, tidy(renameIterator(rest, String(iterator), label) as JsonObject)];
    }),
  );
}

/** Rewrites `<from>.value`/`<from>.key` references inside the templates of `value`. */
function renameIterator(value: Json, from: string, to: string): Json {
  if (Array.isArray(value)) return value.map((v) => renameIterator(v, from, to));
  if (value === null || typeof value !== "object") {
    if (typeof value !== "string") return value;
    return splitTemplate(value)
      .map((p) => ("expression" in p ? `\${${renameInExpression(p.expression, from, to)}}` : p.literal))
      .join("");
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renameIterator(v, from, to)]));
}

function renameInExpression(expression: string, from: string, to: string): string {
  const refs = expressionReferences(expression).filter((r) => r.startsWith(`${from}.`));
  if (refs.length === 0) return expression;
  // Only root references match: the name must not follow a dot or an identifier character.
  return expression.replace(new RegExp(`(?<![A-Za-z0-9_.])${from}\\.(value|key)\\b`, "g"), `${to}.$1`);
}

// ---------------------------------------------------------------------------------------------
// Schemas: which keys are nested blocks, which strings are literal text
// ---------------------------------------------------------------------------------------------

const CONDITION: BodySchema = { order: ["condition", "error_message"] };

const LIFECYCLE: BodySchema = {
  order: ["create_before_destroy", "prevent_destroy", "ignore_changes", "replace_triggered_by"],
  blocks: { precondition: CONDITION, postcondition: CONDITION },
};

export const TERRAFORM_SCHEMA: BodySchema = {
  literal: ["required_version"],
  order: ["required_version"],
  blocks: { required_providers: { literal: ["*"], multilineObjects: true }, backend: {} },
};

export const VARIABLE_SCHEMA: BodySchema = {
  order: ["type", "description", "default", "nullable", "sensitive"],
  bare: ["type"],
  literal: ["description", "default"],
  blocks: { validation: CONDITION },
};

export const CHECK_SCHEMA: BodySchema = { blocks: { assert: CONDITION } };

export const OUTPUT_SCHEMA: BodySchema = {
  order: ["description", "value", "sensitive"],
  literal: ["description"],
  blocks: { precondition: CONDITION },
};

export const MODULE_CALL_SCHEMA: BodySchema = {
  leading: ["source", "version", "count", "for_each", "providers", "depends_on"],
  literal: ["source", "version"],
  multilineObjects: true,
};

export const PROVIDER_SCHEMA: BodySchema = {
  blocks: { default_tags: { multilineObjects: true }, assume_role: {} },
};

/**
 * The schema of a resource type, with its nested block names read from cdktf's own metadata
 * (`synthesizeHclAttributes` marks blocks) of the resources in the stack, plus the blocks of
 * `dynamic` overrides (their labels are block names by definition).
 */
export function resourceSchemas(
  stack: TerraformStack,
  extra: Record<string, Partial<BodySchema>> = {},
  /** Block names that appear only in overrides (raw JSON), by resource type. */
  extraBlocks: Record<string, readonly string[]> = {},
): (type: string) => BodySchema {
  const blockNames = new Map<string, Set<string>>(Object.entries(extraBlocks).map(([type, names]) => [type, new Set(names)]));
  for (const resource of stack.node.findAll().filter((c): c is TerraformResource => c instanceof TerraformResource)) {
    const names = blockNames.get(resource.terraformResourceType) ?? new Set<string>();
    // Generated provider classes make this public; the base class declares it protected.
    collectBlockNames((resource as unknown as { synthesizeHclAttributes(): unknown }).synthesizeHclAttributes(), names);
    blockNames.set(resource.terraformResourceType, names);
  }
  return (type) => {
    const names = [...(blockNames.get(type) ?? [])];
    const nested = (): BodySchema => ({
      dynamicBlocks: true,
      blocks: Object.fromEntries(names.map((n) => [n, nested])),
      ...extra[type],
    });
    return {
      ...nested(),
      leading: ["count", "for_each", "provider", "depends_on"],
      order: ["name"],
      trailing: ["lifecycle"],
      blocks: { ...Object.fromEntries(names.map((n) => [n, nested])), lifecycle: LIFECYCLE },
    };
  };
}

function collectBlockNames(attributes: unknown, into: Set<string>): void {
  if (Array.isArray(attributes)) {
    attributes.forEach((a) => collectBlockNames(a, into));
    return;
  }
  if (attributes === null || typeof attributes !== "object") return;
  for (const [key, meta] of Object.entries(attributes as Record<string, unknown>)) {
    if (meta === null || typeof meta !== "object" || !("isBlock" in meta)) continue;
    const m = meta as { isBlock: boolean; value: unknown };
    if (m.isBlock) into.add(key);
    if (m.isBlock) collectBlockNames(m.value, into);
  }
}
