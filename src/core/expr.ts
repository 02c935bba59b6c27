/**
 * A tiny partial evaluator over values that may be Terraform expressions.
 *
 * Every decision this library makes (the default record type for a network mode, which registry
 * fields to send, whether a rule holds) is written once with these helpers. Given concrete
 * TypeScript values they compute concrete results, so a TypeScript user gets plain JSON and an
 * eager error. Given tokens (Terraform variables, resource attributes) they build the equivalent
 * Terraform expression instead, which is how the exported HCL module gets the same defaults and
 * the same rules as `validation`/`precondition` blocks without a second implementation.
 */
import { Fn, IResolvable, IResolveContext, Op, Token, forExpression, ref } from "cdktf";

/**
 * Terraform's `null` as a function argument: cdktf's `Token.nullValue()` renders as nothing
 * there (`try(x, )`), so a reference to the `null` keyword is used instead.
 */
export const NULL_ARGUMENT: unknown = ref("null");

/** A boolean that is either known now or a Terraform expression evaluated at plan time. */
export type Cond = boolean | IResolvable;

/** True when the value is known at synth (not a token, and no tokens inside). */
export function isKnown(value: unknown): boolean {
  return !Token.isUnresolved(value);
}

/** True when the condition is a Terraform expression rather than a plain boolean. */
export function isSymbolic(cond: Cond): cond is IResolvable {
  return typeof cond !== "boolean";
}

/**
 * cdktf's operator renderer drops falsy operands (`x >= 0` renders as `x >= undefined`), so
 * literal 0 and false are wrapped in a token that resolves to themselves.
 */
function operand(value: unknown): unknown {
  return value === 0 || value === false ? Token.asAny(value) : value;
}

/**
 * cdktf renders a conditional without parentheses, so one nested in an operator or another
 * conditional changes meaning (`(x != null) ? x : 60 >= 0` parses as `... : (60 >= 0)`). This
 * wrapper adds the parentheses whenever the conditional sits inside a larger expression.
 */
class GroupedConditional implements IResolvable {
  public readonly creationStack: string[] = [];

  constructor(private readonly inner: IResolvable) {}

  public resolve(context: IResolveContext): unknown {
    const nested = context.suppressBraces === true;
    const text = context.resolve(this.inner);
    return nested ? `(${text})` : text;
  }

  public toString(): string {
    return Token.asString(this);
  }

  public toJSON(): string {
    return "<unresolved-token>";
  }
}

/**
 * `[for key, val in list : body]`, laid out as `terraform fmt` writes it (cdktf writes
 * `[ for key, val in list: body]`). `body` reads the entry as `FOR_EXPRESSION_VALUE` and its
 * index as `FOR_EXPRESSION_KEY`. (cdktf's TerraformIterator iterates lists as `toset(...)`,
 * without order or index, so it cannot serve here.)
 */
class ForList implements IResolvable {
  public readonly creationStack: string[] = [];
  private readonly inner: IResolvable;

  constructor(
    private readonly list: unknown,
    body: unknown,
  ) {
    this.inner = forExpression(list, body);
  }

  public resolve(context: IResolveContext): unknown {
    const outer = context.suppressBraces;
    context.suppressBraces = true;
    const text = String(context.resolve(this.inner));
    context.suppressBraces = true;
    const input = String(context.resolve(this.list));
    context.suppressBraces = outer ?? false;
    const prefix = `[ for key, val in ${input}: `;
    const expr = text.startsWith(prefix) && text.endsWith("]") ? `[for key, val in ${input} : ${text.slice(prefix.length, -1)}]` : text;
    return outer ? expr : `\${${expr}}`;
  }

  public toString(): string {
    return Token.asString(this);
  }

  public toJSON(): string {
    return "<unresolved-token>";
  }
}

/** A list built from each entry of a list that is a Terraform expression (see ForList). */
export function forEachEntry(list: unknown, body: unknown): IResolvable {
  return new ForList(list, body);
}

/** `cond ? whenTrue : whenFalse` as a Terraform expression, safe to nest. */
function conditional(cond: unknown, whenTrue: unknown, whenFalse: unknown): IResolvable {
  return new GroupedConditional(Fn.conditional(cond, operand(whenTrue), operand(whenFalse)) as IResolvable);
}

/**
 * Tokens known never to be null: non-nullable Terraform variables with a default, and
 * `orDefault`/`when` results whose branches are never null. `isSet` and `orDefault` fold them,
 * so the exported module reads `var.dns_ttl` rather than `var.dns_ttl != null ? var.dns_ttl : 60`.
 */
const nonNullTokens = new Set<unknown>();

/** Declares that a token never resolves to null (e.g. a variable with `nullable = false`). */
export function markNonNull<T>(value: T): T {
  if (!isKnown(value)) nonNullTokens.add(value);
  return value;
}

function neverNull(value: unknown): boolean {
  return value !== undefined && value !== null && (isKnown(value) || nonNullTokens.has(value));
}

export function eq(left: unknown, right: unknown): Cond {
  if (isKnown(left) && isKnown(right)) return left === right;
  return Op.eq(operand(left), operand(right));
}

export function neq(left: unknown, right: unknown): Cond {
  return not(eq(left, right));
}

export function not(cond: Cond): Cond {
  return isSymbolic(cond) ? Op.not(cond) : !cond;
}

/** Logical AND that folds known operands away. */
export function and(...conds: Cond[]): Cond {
  if (conds.some((c) => c === false)) return false;
  const symbolic = conds.filter(isSymbolic);
  if (symbolic.length === 0) return true;
  return symbolic.reduce((acc, c) => Op.and(acc, c));
}

/** Logical OR that folds known operands away. */
export function or(...conds: Cond[]): Cond {
  if (conds.some((c) => c === true)) return true;
  const symbolic = conds.filter(isSymbolic);
  if (symbolic.length === 0) return false;
  return symbolic.reduce((acc, c) => Op.or(acc, c));
}

/**
 * `premise ? conclusion() : true`. Terraform evaluates both sides of `||` (so `x == null || x > 0`
 * fails on null); only the selected branch of a conditional is evaluated, which makes this the
 * safe way to guard a check. The conclusion is built lazily so a known-false premise never
 * touches values that do not apply.
 */
export function implies(premise: Cond, conclusion: () => Cond): Cond {
  if (premise === false) return true;
  const c = conclusion();
  if (premise === true) return c;
  if (c === true) return true;
  return conditional(premise, c, true);
}

/** `cond ? whenTrue : whenFalse`, folded when the condition is known. */
export function when<T>(cond: Cond, whenTrue: T, whenFalse: T): T {
  if (!isSymbolic(cond)) return cond ? whenTrue : whenFalse;
  const result = conditional(cond, whenTrue, whenFalse) as T;
  return neverNull(whenTrue) && neverNull(whenFalse) ? markNonNull(result) : result;
}

/**
 * The texts whose condition holds, joined with `separator`: plain text when every condition is
 * known, else `join(separator, compact([c1 ? t1 : null, ...]))` (compact drops the nulls).
 */
export function joinWhere(parts: readonly (readonly [Cond, string])[], separator: string): string {
  if (parts.every(([c]) => !isSymbolic(c))) return parts.filter(([c]) => c === true).map(([, text]) => text).join(separator);
  const texts = parts.filter(([c]) => c !== false).map(([c, text]) => (c === true ? text : conditional(c, text, Token.nullValue())));
  return Fn.join(separator, Fn.compact(texts as string[]));
}

/** The value is one of the allowed literals. */
export function oneOf(value: unknown, allowed: readonly (string | number)[]): Cond {
  if (isKnown(value)) return allowed.includes(value as string | number);
  return Fn.contains([...allowed], value) as IResolvable;
}

/** The list holds the value: known now, or `contains(list, value)` in Terraform. */
export function listContains(list: readonly unknown[], value: unknown): Cond {
  if (isKnown(list) && isKnown(value)) return list.includes(value);
  return Fn.contains(list as unknown[], value) as IResolvable;
}

/** The optional value was given (not undefined/null). */
export function isSet(value: unknown): Cond {
  if (value === undefined || value === null) return false;
  if (neverNull(value)) return true;
  return Op.neq(value, Token.nullValue());
}

/** `value` when set, otherwise `fallback`. */
export function orDefault<T>(value: T | undefined, fallback: T): T {
  if (value === undefined || value === null) return fallback;
  if (neverNull(value)) return value;
  const result = conditional(Op.neq(value, Token.nullValue()), value, fallback) as T;
  return neverNull(fallback) ? markNonNull(result) : result;
}

/** An integer within [min, max]. */
export function integerInRange(value: number, min: number, max: number): Cond {
  if (isKnown(value)) return Number.isInteger(value) && value >= min && value <= max;
  return and(
    Op.gte(value, operand(min)),
    Op.lte(value, operand(max)),
    Op.eq(Fn.floor(value), value),
  );
}

/** A string whose length is within [min, max]. */
export function stringLengthInRange(value: string, min: number, max: number): Cond {
  if (isKnown(value)) return value.length >= min && value.length <= max;
  const length = Fn.lengthOf(value);
  return and(Op.gte(length, operand(min)), Op.lte(length, operand(max)));
}

/** The whole string matches the regular expression (written in RE2/JS common syntax). */
export function matches(value: string, pattern: string): Cond {
  if (isKnown(value)) return new RegExp(pattern).test(value);
  return Fn.can(Fn.regex(pattern, value));
}

/** Number of items of a list, known or symbolic. */
export function lengthOf(list: readonly unknown[] | undefined): number {
  if (list === undefined) return 0;
  return isKnown(list) ? list.length : Fn.lengthOf(list);
}

export function gt(left: number, right: number): Cond {
  if (isKnown(left) && isKnown(right)) return left > right;
  return Op.gt(operand(left), operand(right));
}

/** The value as JSON text: in TypeScript now, or as `jsonencode(...)` in Terraform. */
export function jsonText(value: unknown): string {
  if (isKnown(value)) return value === undefined ? "null" : JSON.stringify(value);
  return Fn.jsonencode(value);
}

/** A number as the string attribute Terraform wants (`cpu = "256"`), token-safe. */
export function numberText(value: number | undefined): string | undefined {
  if (value === undefined) return undefined;
  return isKnown(value) ? String(value) : Token.asString(value);
}
