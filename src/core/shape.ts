/**
 * A small declarative language for the shapes of props, and the one checker that walks a value
 * against a shape. TypeScript checks props at compile time; JavaScript callers, JSON-driven
 * configurations and `as any` skip that, and a missing or mistyped value would otherwise surface
 * as a TypeError deep inside a construct (or as wrong Terraform). A shape says what each prop
 * must be; the checker lists every place a value differs, with the path the user wrote
 * (`taskDefinition.containers[0].portMappings[1].containerPort`).
 *
 * Terraform tokens pass at every level: the exported module hands the constructs its variables'
 * tokens (strings, numbers, lists, maps), whose values Terraform's type constraints check.
 */
import { Token } from "cdktf";

/** One place where a value differs from its shape. */
export interface ShapeProblem {
  /** Path of the value inside the checked object (`discovery.namespace`); "" for the object itself. */
  readonly path: string;
  /** The value found (undefined when missing). */
  readonly value: unknown;
  /** What is allowed there, for people: `a number`, `a list of strings`. */
  readonly expected: string;
  /** A valid value, written as in TypeScript/JSON: `2`, `["subnet-0abc"]`. */
  readonly example: string;
  /** Whether the value is required there (a missing optional value is never a problem). */
  readonly required: boolean;
}

export interface Shape {
  /** What a value of this shape is, for people (`a list of strings`). */
  readonly expected: string;
  /** A valid value, as the user would write it. */
  readonly example: string;
  /** Adds the problems of a value that is not a token (tokens never reach this) to `out`. */
  check(value: unknown, at: Path, out: ShapeProblem[]): void;
}

/**
 * Where a value sits, as a chain of keys from the checked object; formatted only when there is
 * a problem to report (constructs are checked by the thousand in big stacks).
 */
export type Path = { readonly parent: Path; readonly key: string | number } | undefined;

/** Whether an object field must be given. */
export type Presence =
  | "required"
  | "optional"
  /** Declared required, but its absence is reported by a catalogue rule with a better message. */
  | { readonly missingReportedBy: string };

export interface FieldShape {
  readonly shape: Shape;
  readonly presence: Presence;
}

/** A field that must be given. */
export function required(shape: Shape): FieldShape {
  return { shape, presence: "required" };
}

/** A field that may be left out (undefined); when given, it must have the shape. */
export function optional(shape: Shape): FieldShape {
  return { shape, presence: "optional" };
}

/** A required field whose absence the rule `ruleId` reports (its type is still checked here). */
export function missingReportedBy(ruleId: string, shape: Shape): FieldShape {
  return { shape, presence: { missingReportedBy: ruleId } };
}

/** Every problem of `value`; tokens pass. */
export function checkShape(shape: Shape, value: unknown): ShapeProblem[] {
  const out: ShapeProblem[] = [];
  visit(shape, value, undefined, out);
  return out;
}

function visit(shape: Shape, value: unknown, at: Path, out: ShapeProblem[]): void {
  if (!Token.isUnresolved(value)) shape.check(value, at, out);
}

function problem(shape: Shape, value: unknown, at: Path, isRequired = true): ShapeProblem {
  return { path: formatPath(at), value, expected: shape.expected, example: shape.example, required: isRequired };
}

/** A shape with a test for a single value. */
function leaf(expected: string, example: string, test: (value: unknown) => boolean): Shape {
  const shape: Shape = {
    expected,
    example,
    check: (value, at, out) => {
      if (!test(value)) out.push(problem(shape, value, at));
    },
  };
  return shape;
}

export const string: Shape = leaf("a string", '"..."', (v) => typeof v === "string");

/** A finite number (NaN and Infinity are refused: they have no JSON or Terraform form). */
export const number: Shape = leaf("a number", "2", (v) => typeof v === "number" && Number.isFinite(v));

export const boolean: Shape = leaf("true or false", "true", (v) => typeof v === "boolean");

/** One of a few string values. */
export function literal(...values: readonly string[]): Shape {
  return leaf(`one of ${values.map((v) => JSON.stringify(v)).join(", ")}`, JSON.stringify(values[0]), (v) => values.includes(v as string));
}

/** The same shape, described and exemplified differently. */
export function described(shape: Shape, expected: string, example: string): Shape {
  return {
    expected,
    example,
    check: (value, at, out) => {
      const from = out.length;
      shape.check(value, at, out);
      relabel(out, from, at, expected, example);
    },
  };
}

/** Problems about the value at `at` itself (not inside it) get the outer shape's wording. */
function relabel(out: ShapeProblem[], from: number, at: Path, expected: string, example: string): void {
  if (out.length === from) return;
  const path = formatPath(at);
  for (let i = from; i < out.length; i++) if (out[i].path === path) out[i] = { ...out[i], expected, example };
}

/** An array whose items all have `item`'s shape. */
export function listOf(item: Shape, example = `[${item.example}]`): Shape {
  const shape: Shape = {
    expected: `a list of ${plural(item.expected)}`,
    example,
    check: (value, at, out) => {
      if (!Array.isArray(value)) {
        out.push(problem(shape, value, at));
        return;
      }
      // Indexes, not forEach: holes (`[, x]`, an item deleted from a JSON-built list) are missing items.
      for (let i = 0; i < value.length; i++) {
        const v = value[i];
        if (v === undefined || v === null) out.push(problem(item, v, { parent: at, key: i }));
        else visit(item, v, { parent: at, key: i }, out);
      }
    },
  };
  return shape;
}

/** An object used as a map: any keys, every value of `item`'s shape. */
export function mapOf(item: Shape, example: string): Shape {
  const shape: Shape = {
    expected: `an object whose values are ${plural(item.expected)}`,
    example,
    check: (value, at, out) => {
      if (!isObject(value)) {
        out.push(problem(shape, value, at));
        return;
      }
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) visit(item, v, { parent: at, key: k }, out);
    },
  };
  return shape;
}

/**
 * An object with the given fields. Other keys are left alone (a construct passed as a namespace
 * has many). A field given as null is a problem even when optional: null is not "left out" to
 * the constructs (leave the key out, or pass undefined, to get the default).
 */
export function objectOf(fields: Readonly<Record<string, FieldShape>>, expected?: string, example?: string): Shape {
  const names = Object.keys(fields);
  const requiredNames = names.filter((n) => fields[n].presence !== "optional");
  const shape: Shape = {
    expected: expected ?? `an object with ${requiredNames.length > 0 ? requiredNames.join(", ") : "optional " + names.join(", ")}`,
    example: example ?? `{ ${requiredNames.map((n) => `${n}: ${fields[n].shape.example}`).join(", ")} }`,
    check: (value, at, out) => {
      if (!isObject(value)) {
        out.push(problem(shape, value, at));
        return;
      }
      const record = value as Record<string, unknown>;
      for (const name of names) {
        const field = fields[name];
        const v = record[name];
        if (v === undefined) {
          if (field.presence === "required") out.push(problem(field.shape, undefined, { parent: at, key: name }));
        } else if (v === null) {
          out.push(problem(field.shape, null, { parent: at, key: name }, field.presence === "required"));
        } else {
          visit(field.shape, v, { parent: at, key: name }, out);
        }
      }
    },
  };
  return shape;
}

/** One alternative of a union: used when `when` holds for the value (or always, without `when`). */
export interface Alternative {
  readonly when?: (value: Record<string, unknown> | string | number | boolean) => boolean;
  readonly shape: Shape;
}

/**
 * One of several shapes, picked by a test on the value (e.g. "has `taskDefinitionArn`"), so the
 * problems reported are those of the alternative the user meant. A value no alternative applies
 * to is reported against the union as a whole.
 */
export function oneOf(expected: string, example: string, alternatives: readonly Alternative[]): Shape {
  const shape: Shape = {
    expected,
    example,
    check: (value, at, out) => {
      if (value === null || value === undefined || Array.isArray(value) || typeof value === "function") {
        out.push(problem(shape, value, at));
        return;
      }
      const chosen = alternatives.find((a) => a.when === undefined || a.when(value as never));
      if (!chosen) {
        out.push(problem(shape, value, at));
        return;
      }
      // The value itself has the wrong type for the alternative: say what the union allows.
      const from = out.length;
      visit(chosen.shape, value, at, out);
      relabel(out, from, at, expected, example);
    },
  };
  return shape;
}

/** `value` has the key (own or inherited, as a class instance's getters are). */
export function hasKey(key: string): (value: unknown) => boolean {
  return (value) => typeof value === "object" && value !== null && key in value && (value as Record<string, unknown>)[key] !== undefined;
}

/** A value as people read it in a message: `"3" (a string)`, `null`, `a list of 2 items`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (typeof value === "number") return Number.isFinite(value) ? `${value} (a number)` : `${value} (not a finite number)`;
  if (typeof value === "string") return `${JSON.stringify(value.length > 60 ? value.slice(0, 57) + "..." : value)} (a string)`;
  if (typeof value === "boolean") return `${value} (a boolean)`;
  if (typeof value === "function") return "a function";
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : `a list of ${value.length} item${value.length === 1 ? "" : "s"}`;
  if (typeof value === "object") {
    const ctor = (value as object).constructor?.name;
    const keys = Object.keys(value);
    const kind = ctor && ctor !== "Object" ? `a ${ctor}` : "an object";
    if (keys.length === 0) return `${kind} without keys`;
    const shown = keys.slice(0, 5).join(", ") + (keys.length > 5 ? ", ..." : "");
    return `${kind} with keys ${shown}`;
  }
  return String(value);
}

function isObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `taskDefinition.containers[0].portMappings[1].containerPort`; "" for the checked object itself. */
export function formatPath(at: Path): string {
  if (at === undefined) return "";
  const parent = formatPath(at.parent);
  if (typeof at.key === "number") return `${parent}[${at.key}]`;
  if (!/^[A-Za-z_$][\w$]*$/.test(at.key)) return `${parent}[${JSON.stringify(at.key)}]`;
  return parent === "" ? at.key : `${parent}.${at.key}`;
}

/** "a string" -> "strings", "an object with ..." -> "objects with ..."; other wordings are quoted as values. */
function plural(expected: string): string {
  const article = /^(a|an) (\S+)(.*)$/.exec(expected);
  if (!article) return `values that are ${expected}`;
  const [, , head, rest] = article;
  return `${head.endsWith("s") ? head : `${head}s`}${rest}`;
}
