/**
 * Renders Terraform's JSON syntax (what cdktf synthesizes) as native HCL, formatted the way
 * `terraform fmt` formats it.
 *
 * cdktf has an HCL renderer of its own, but it writes `lifecycle.precondition` as a list
 * attribute, leaves quotes inside error messages unescaped and mis-indents; its output does not
 * parse. JSON synthesis is cdktf's well-trodden path, and JSON syntax maps onto HCL one to one
 * once two things are known: which keys are nested blocks (JSON writes blocks and object
 * attributes alike), and which strings are literal text rather than templates. The caller says
 * both through a `BodySchema`; anything object-valued that the schema does not call a block is
 * rendered as an object attribute (e.g. `tags`).
 */
import { soleExpression, splitTemplate } from "./hcl-expression";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** How one kind of body reads: its nested blocks, its literal attributes, its attribute order. */
export interface BodySchema {
  /** Nested block types by name. A function gives the schema for a given block body lazily. */
  readonly blocks?: Readonly<Record<string, BodySchema | (() => BodySchema)>>;
  /** `dynamic "x"` blocks are allowed; their content uses the schema of block `x`. */
  readonly dynamicBlocks?: boolean;
  /** Attributes whose strings are literal text (JSON syntax does not read them as templates); "*" for all. */
  readonly literal?: readonly string[];
  /** Object values of attributes are written one key per line (e.g. `required_providers`). */
  readonly multilineObjects?: boolean;
  /** Attributes holding a JSON document, written as `jsonencode(<HCL value>)` (container definitions). */
  readonly jsonEncoded?: readonly string[];
  /** Attributes whose string is an expression written bare (a variable's `type`). */
  readonly bare?: readonly string[];
  /** Attributes rendered first, in this order, followed by a blank line (meta-arguments). */
  readonly leading?: readonly string[];
  /** Attributes rendered in this order before any other (after the leading ones). */
  readonly order?: readonly string[];
  /** Blocks rendered last, in this order (e.g. `lifecycle`). */
  readonly trailing?: readonly string[];
}

type Item =
  | { readonly kind: "attr"; readonly name: string; readonly value: readonly string[] }
  | { readonly kind: "block"; readonly header: string; readonly body: readonly Item[] }
  | { readonly kind: "blank" };

const INDENT = "  ";
/** Single-line collections longer than this are broken over lines. */
const MAX_INLINE = 100;

/** One labelled top-level block, e.g. `resource "aws_ecs_service" "this" { ... }`. */
export interface TopLevelBlock {
  readonly type: string;
  readonly labels: readonly string[];
  readonly body: JsonObject;
  readonly schema: BodySchema;
}

/** Renders top-level blocks separated by blank lines, ending with a newline. */
export function renderHcl(blocks: readonly TopLevelBlock[]): string {
  const chunks = blocks.map((b) =>
    formatItems([{ kind: "block", header: header(b.type, b.labels), body: bodyItems(b.body, b.schema) }], 0).join("\n"),
  );
  return chunks.join("\n\n") + "\n";
}

/** Renders attributes at the top level (a `.tfvars` file), ending with a newline. */
export function renderAttributes(body: JsonObject, schema: BodySchema = {}): string {
  return formatItems(bodyItems(body, schema), 0).join("\n") + "\n";
}

function header(type: string, labels: readonly string[]): string {
  return [type, ...labels.map((l) => JSON.stringify(l))].join(" ");
}

function resolveSchema(s: BodySchema | (() => BodySchema)): BodySchema {
  return typeof s === "function" ? s() : s;
}

function bodyItems(body: JsonObject, schema: BodySchema): Item[] {
  const keys = Object.keys(body);
  const leading = (schema.leading ?? []).filter((k) => k in body);
  const trailing = (schema.trailing ?? []).filter((k) => k in body);
  const ordered = (schema.order ?? []).filter((k) => k in body && !leading.includes(k) && !trailing.includes(k));
  const rest = keys.filter((k) => !leading.includes(k) && !trailing.includes(k) && !ordered.includes(k));
  const isBlockKey = (k: string) => k === "dynamic" || (schema.blocks !== undefined && k in schema.blocks);
  const attrs = [...ordered, ...rest.filter((k) => !isBlockKey(k))];
  const blocks = [...rest.filter(isBlockKey), ...trailing];

  const items: Item[] = [];
  for (const key of leading) items.push(attribute(key, body[key], schema));
  if (leading.length > 0 && attrs.length + blocks.length > 0) items.push({ kind: "blank" });
  for (const key of attrs) items.push(attribute(key, body[key], schema));
  for (const key of blocks) {
    for (const block of nestedBlocks(key, body[key], schema)) {
      if (items.length > 0) items.push({ kind: "blank" });
      items.push(block);
    }
  }
  return items;
}

function attribute(name: string, value: Json, schema: BodySchema): Item {
  if (schema.bare?.includes(name)) {
    if (typeof value !== "string") throw new Error(`${name} must be an expression string`);
    // A multi-line expression (an object type) is written as given, indented under its attribute.
    return { kind: "attr", name, value: value.split("\n") };
  }
  const literal = (schema.literal?.includes(name) || schema.literal?.includes("*")) ?? false;
  const options = { literal, multilineObjects: schema.multilineObjects ?? false };
  if (schema.jsonEncoded?.includes(name) && typeof value === "string" && !value.includes("${")) {
    const document = renderValue(JSON.parse(value) as Json, { literal: true, multilineObjects: true });
    return { kind: "attr", name, value: [`jsonencode(${document[0]}`, ...document.slice(1, -1), `${document[document.length - 1]})`] };
  }
  return { kind: "attr", name, value: renderValue(value, options) };
}

function nestedBlocks(key: string, value: Json, schema: BodySchema): Item[] {
  if (key === "dynamic") {
    if (!schema.dynamicBlocks) throw new Error("dynamic blocks are not expected here");
    return asList(value).flatMap((entry) =>
      Object.entries(asObject(entry, "dynamic")).map(([label, spec]) => {
        const inner = schema.blocks?.[label];
        const contentSchema = inner ? resolveSchema(inner) : {};
        const dynamicSchema: BodySchema = { order: ["for_each", "iterator"], blocks: { content: contentSchema } };
        return { kind: "block" as const, header: `dynamic ${JSON.stringify(label)}`, body: bodyItems(asObject(spec, label), dynamicSchema) };
      }),
    );
  }
  const inner = resolveSchema(schema.blocks![key]);
  return asList(value).map((entry) => ({ kind: "block" as const, header: key, body: bodyItems(asObject(entry, key), inner) }));
}

function asList(value: Json): Json[] {
  return Array.isArray(value) ? value : [value];
}

function asObject(value: Json, what: string): JsonObject {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error(`block ${what} must be an object`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

interface ValueOptions {
  readonly literal: boolean;
  readonly multilineObjects: boolean;
}

/** A value as HCL source lines (the first line follows `name = `). */
function renderValue(value: Json, options: ValueOptions): string[] {
  const { literal } = options;
  if (value === null) return ["null"];
  if (typeof value === "boolean" || typeof value === "number") return [JSON.stringify(value)];
  if (typeof value === "string") return [literal ? quoteLiteral(value) : renderTemplate(value)];
  if (Array.isArray(value)) {
    const items = value.map((v) => renderValue(v, options));
    const inline = `[${items.map((l) => l.join(" ")).join(", ")}]`;
    const simple = items.every((l) => l.length === 1) && !value.some(isNonEmptyObject);
    if (simple && inline.length <= MAX_INLINE) return [inline];
    return ["[", ...items.flatMap((l) => indentLines([...l.slice(0, -1), `${l[l.length - 1]},`])), "]"];
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return ["{}"];
  const rendered = entries.map(([k, v]) => ({ key: objectKey(k), lines: renderValue(v, options) }));
  const inline = `{ ${rendered.map((e) => `${e.key} = ${e.lines.join(" ")}`).join(", ")} }`;
  const fits = rendered.every((e) => e.lines.length === 1) && inline.length <= MAX_INLINE;
  if (fits && !options.multilineObjects) return [inline];
  const items: Item[] = rendered.map((e) => ({ kind: "attr", name: e.key, value: e.lines }));
  return ["{", ...formatItems(items, 1), "}"];
}

function isNonEmptyObject(v: Json): boolean {
  return v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length > 0;
}

function objectKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : JSON.stringify(key);
}

/** A JSON-syntax template: a bare expression when it is one interpolation, else a quoted template. */
export function renderTemplate(text: string): string {
  const sole = soleExpression(text);
  if (sole !== undefined) return sole;
  return `"${splitTemplate(text)
    .map((p) => ("expression" in p ? `\${${p.expression}}` : escapeText(p.literal)))
    .join("")}"`;
}

/** Literal text as an HCL string: escapes, and `${`/`%{` doubled so they stay literal. */
export function quoteLiteral(text: string): string {
  return `"${escapeText(text.replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{"))}"`;
}

function escapeText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t");
}

// ---------------------------------------------------------------------------------------------
// Layout (what `terraform fmt` does: two-space indents, `=` aligned within runs of attributes)
// ---------------------------------------------------------------------------------------------

function indentLines(lines: readonly string[]): string[] {
  return lines.map((l) => (l === "" ? "" : INDENT + l));
}

/**
 * Lays out items at a depth. Like `terraform fmt`, consecutive one-line attributes align their
 * `=`; a blank line, a block or an attribute spanning several lines (itself never aligned) ends
 * the run.
 */
function formatItems(items: readonly Item[], depth: number): string[] {
  const pad = INDENT.repeat(depth);
  const out: string[] = [];
  let run: { name: string; value: readonly string[] }[] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map((a) => a.name.length));
    for (const a of run) {
      out.push(`${pad}${a.name.padEnd(width)} = ${a.value[0]}`);
      for (const line of a.value.slice(1)) out.push(line === "" ? "" : `${pad}${line}`);
    }
    run = [];
  };
  for (const item of items) {
    if (item.kind === "attr") {
      if (item.value.length > 1) {
        // An attribute spanning lines is never aligned, and ends the run before it.
        flush();
        run.push({ name: item.name, value: item.value });
        flush();
        continue;
      }
      run.push(item);
      continue;
    }
    flush();
    if (item.kind === "blank") {
      out.push("");
      continue;
    }
    out.push(`${pad}${item.header} {`);
    out.push(...formatItems(item.body, depth + 1));
    out.push(`${pad}}`);
  }
  flush();
  return out;
}
