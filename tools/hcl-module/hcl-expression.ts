/**
 * Reading the strings of Terraform's JSON syntax.
 *
 * In `.tf.json` every string is a template: literal text with `${ expression }` interpolations,
 * where the expression is written in native HCL syntax. Turning JSON into HCL therefore needs to
 * tell literal text (which HCL must escape) from expressions (copied as they are), and the rule
 * placement needs to know which variables an expression refers to. Both read strings here.
 */

/** A piece of a template: literal text, or the source of one `${...}` interpolation. */
export type TemplatePart = { readonly literal: string } | { readonly expression: string };

/**
 * Splits a JSON-syntax template into literal text and interpolations. `$${` is an escaped
 * literal `${` and stays in the literal text as written (HCL spells it the same way).
 */
export function splitTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = "";
  let i = 0;
  while (i < text.length) {
    if (text.startsWith("$${", i) || text.startsWith("%%{", i)) {
      literal += text.slice(i, i + 3);
      i += 3;
      continue;
    }
    if (text.startsWith("%{", i)) {
      throw new Error(`template directives (%{...}) are not supported: ${text}`);
    }
    if (text.startsWith("${", i)) {
      const end = endOfExpression(text, i + 2, "}");
      if (literal) parts.push({ literal });
      literal = "";
      parts.push({ expression: text.slice(i + 2, end).trim() });
      i = end + 1;
      continue;
    }
    literal += text[i];
    i += 1;
  }
  if (literal || parts.length === 0) parts.push({ literal });
  return parts;
}

/** The expression when the whole template is one interpolation (`"${x}"` is `x`), else undefined. */
export function soleExpression(text: string): string | undefined {
  const parts = splitTemplate(text);
  return parts.length === 1 && "expression" in parts[0] ? parts[0].expression : undefined;
}

/**
 * Index of the `closer` that ends the expression starting at `start`, skipping nested brackets
 * and quoted strings (whose own interpolations may nest further).
 */
function endOfExpression(text: string, start: number, closer: string): number {
  const stack: string[] = [];
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i = endOfQuoted(text, i + 1) + 1;
      continue;
    }
    if (stack.length === 0 && c === closer) return i;
    if (c === "(" || c === "[" || c === "{") stack.push(c);
    else if (c === ")" || c === "]" || c === "}") stack.pop();
    i += 1;
  }
  throw new Error(`unterminated expression in template: ${text}`);
}

/** Index of the closing quote of a quoted template string whose content starts at `start`. */
function endOfQuoted(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c === "\\") {
      i += 2;
      continue;
    }
    if (c === '"') return i;
    if (text.startsWith("$${", i)) {
      i += 3;
      continue;
    }
    if (text.startsWith("${", i)) {
      i = endOfExpression(text, i + 2, "}") + 1;
      continue;
    }
    i += 1;
  }
  throw new Error(`unterminated string in expression: ${text}`);
}

/**
 * Root references (`var.x`, `aws_ecs_service.this`, `local.y`, `each.value`...) of an HCL
 * expression, as `root.attribute` strings. Text inside quoted strings is skipped, but the
 * interpolations inside them are read.
 */
export function expressionReferences(expression: string): string[] {
  const found = new Set<string>();
  // Names a `for` expression binds (`[for key, val in list : ...]`) are not references.
  const bound = new Set([...expression.matchAll(/\bfor\s+([A-Za-z_]\w*)(?:\s*,\s*([A-Za-z_]\w*))?\s+in\b/g)].flatMap((m) => [m[1], m[2]]).filter(Boolean));
  const visit = (source: string) => {
    let i = 0;
    while (i < source.length) {
      const c = source[i];
      if (c === '"') {
        const end = endOfQuoted(source, i + 1);
        for (const part of splitTemplate(unquoteForScan(source.slice(i + 1, end)))) {
          if ("expression" in part) visit(part.expression);
        }
        i = end + 1;
        continue;
      }
      const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(source.slice(i));
      if (match && !/[A-Za-z0-9_.]/.test(source[i - 1] ?? "")) {
        const name = match[0];
        const rest = source.slice(i + name.length);
        const attribute = /^\s*\.\s*([A-Za-z_][A-Za-z0-9_-]*)/.exec(rest);
        if (attribute && !/^\s*\(/.test(rest) && !bound.has(name)) found.add(`${name}.${attribute[1]}`);
        i += name.length;
        continue;
      }
      i += 1;
    }
  };
  visit(expression);
  return [...found];
}

/** All root references of a JSON-syntax template (literal text never refers to anything). */
export function templateReferences(text: string): string[] {
  return [
    ...new Set(splitTemplate(text).flatMap((part) => ("expression" in part ? expressionReferences(part.expression) : []))),
  ];
}

/** Quoted-string content with escaped quotes neutralized, so the template splitter can read it. */
function unquoteForScan(content: string): string {
  return content.replace(/\\./g, "__");
}
