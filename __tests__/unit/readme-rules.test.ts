/**
 * README's rules table is generated from the catalogue; this keeps the two from drifting apart:
 * the same ids in the same order, with the same severities and titles.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { ALL_RULES } from "../../src";

const README = readFileSync(resolve(__dirname, "../../README.md"), "utf8");

/** Rows of the table between the rules-table markers, as [id, severity, title]. */
function rulesTableRows(): string[][] {
  const begin = README.indexOf("<!-- BEGIN rules-table");
  const end = README.indexOf("<!-- END rules-table -->");
  if (begin < 0 || end < begin) throw new Error("README.md has no <!-- BEGIN rules-table ... --> / <!-- END rules-table --> section");
  return README.slice(begin, end)
    .split("\n")
    .filter((line) => /^\|\s*SD\d{3}\s*\|/.test(line))
    .map((line) =>
      line
        .replace(/^\|/, "")
        .replace(/\|\s*$/, "")
        // Cells are separated by unescaped pipes; a title may hold an escaped one (\|).
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().replace(/\\\|/g, "|")),
    );
}

describe("README rules table", () => {
  const rows = rulesTableRows();

  it("has a header row and one row per catalogue rule", () => {
    const section = README.slice(README.indexOf("<!-- BEGIN rules-table"), README.indexOf("<!-- END rules-table -->"));
    expect(section).toMatch(/\| id \| severity \| rule \|\n\| --- \| --- \| --- \|/);
    expect(rows).toHaveLength(ALL_RULES.length);
  });

  it("lists exactly the catalogue's ids, in catalogue order", () => {
    expect(rows.map((r) => r[0])).toEqual(ALL_RULES.map((r) => r.id));
  });

  it("gives each rule its catalogue severity and title", () => {
    expect(rows).toEqual(ALL_RULES.map((r) => [r.id, r.severity, r.title]));
  });
});

describe("catalogue", () => {
  it("has unique ids SD000..SD030 without gaps", () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => `SD${String(i).padStart(3, "0")}`));
    expect(ids.length).toBeGreaterThanOrEqual(31);
  });

  it("gives every rule a one-line title and a severity", () => {
    for (const rule of ALL_RULES) {
      expect(rule.title).not.toMatch(/\n/);
      expect(rule.title.length).toBeGreaterThan(0);
      expect(["error", "warning"]).toContain(rule.severity);
    }
  });
});

describe("rule tests", () => {
  it("every rule of the catalogue is broken on purpose in a rules-*.test.ts file (SD000: prop-types.test.ts)", () => {
    const dir = resolve(__dirname);
    const text = readdirSync(dir)
      .filter((f) => /^rules-.*\.test\.ts$/.test(f) || f === "prop-types.test.ts")
      .map((f) => readFileSync(join(dir, f), "utf8"))
      .join("\n");
    // `ruleId: "SD013"`, a message `[SD013]` (also as the regular expression `\[SD013\]`), or `toEqual(["SD013"])`.
    const tested = new Set(
      [...text.matchAll(/ruleId: "(SD\d{3})"|\\?\[(SD\d{3})\\?\]|toEqual\(\["(SD\d{3})"\]\)|\["(SD000)", /g)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]),
    );
    expect(ALL_RULES.map((r) => r.id).filter((id) => !tested.has(id))).toEqual([]);
  });
});
