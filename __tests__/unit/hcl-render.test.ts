/**
 * The pieces the module export is built from: reading JSON-syntax templates, rendering HCL the
 * way `terraform fmt` lays it out, and the partial evaluator's Terraform expressions (nested
 * conditionals keep their meaning, non-null tokens fold). The Terraform test proves the result
 * with `terraform fmt -check` and `plan`; these pin the behaviour down case by case.
 */
import { Op, TerraformStack, TerraformVariable } from "cdktf";
import { and, eq, integerInRange, isSet, markNonNull, orDefault, when } from "../../src/core/expr";
import { expressionReferences, soleExpression, splitTemplate, templateReferences } from "../../tools/hcl-module/hcl-expression";
import { quoteLiteral, renderAttributes, renderHcl, renderTemplate } from "../../tools/hcl-module/hcl-render";
import { synthesizeModuleSource } from "../../tools/hcl-module/module-source";
import { resolvedText } from "../../tools/hcl-module/rule-placement";
import { withScratchApp } from "../../tools/hcl-module/terraform-json";

describe("JSON-syntax templates", () => {
  it("splits literal text from interpolations, through nested strings and braces", () => {
    expect(splitTemplate('a ${f("}", {x = 1})} b ${var.y}')).toEqual([
      { literal: "a " },
      { expression: 'f("}", {x = 1})' },
      { literal: " b " },
      { expression: "var.y" },
    ]);
    expect(splitTemplate('${jsonencode("say \\"${var.x}\\"")}!')).toEqual([{ expression: 'jsonencode("say \\"${var.x}\\"")' }, { literal: "!" }]);
  });

  it("keeps $${ as literal text", () => {
    expect(splitTemplate("cost $${5}")).toEqual([{ literal: "cost $${5}" }]);
  });

  it("knows a template that is one interpolation", () => {
    expect(soleExpression("${var.a ? 1 : 0}")).toBe("var.a ? 1 : 0");
    expect(soleExpression("${var.a}.x")).toBeUndefined();
    expect(soleExpression("plain")).toBeUndefined();
  });

  it("finds root references, not attributes, function names or text in strings", () => {
    expect(expressionReferences('contains(["var.fake"], var.mode) && aws_ecs_service.this.id != local.x.y')).toEqual([
      "var.mode",
      "aws_ecs_service.this",
      "local.x",
    ]);
    expect(expressionReferences('"${var.inner}-suffix" == each.value')).toEqual(["var.inner", "each.value"]);
    expect(templateReferences("[SD001] var.name is ${jsonencode(var.name)}; fix var.other")).toEqual(["var.name"]);
  });
});

describe("HCL rendering", () => {
  it("writes one-interpolation templates bare and others as escaped quoted templates", () => {
    expect(renderTemplate("${var.a}")).toBe("var.a");
    expect(renderTemplate('say "${jsonencode(var.a)}"\\n')).toBe('"say \\"${jsonencode(var.a)}\\"\\\\n"');
    expect(renderTemplate("line\nnext")).toBe('"line\\nnext"');
  });

  it("keeps literal text literal (${ and %{ doubled)", () => {
    expect(quoteLiteral('a ${b} %{c} "d"')).toBe('"a $${b} %%{c} \\"d\\""');
  });

  it("aligns runs of one-line attributes, never a multi-line one, and separates blocks", () => {
    const text = renderHcl([
      {
        type: "resource",
        labels: ["t", "n"],
        body: { a: 1, long_name: "${var.x}", list: [{ k: 1, kk: 2 }], b: true, inner: { c: "d" } },
        schema: { blocks: { inner: {} } },
      },
    ]);
    expect(text).toBe(
      [
        'resource "t" "n" {',
        "  a         = 1",
        "  long_name = var.x",
        "  list = [",
        "    { k = 1, kk = 2 },",
        "  ]",
        "  b = true",
        "",
        "  inner {",
        '    c = "d"',
        "  }",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("writes meta-arguments first and lifecycle last", () => {
    const text = renderHcl([
      {
        type: "resource",
        labels: ["t", "n"],
        body: { lifecycle: { precondition: [{ condition: "${true}", error_message: "m" }] }, name: "x", count: 1 },
        schema: { leading: ["count"], trailing: ["lifecycle"], blocks: { lifecycle: { blocks: { precondition: {} } } } },
      },
    ]);
    expect(text.split("\n").filter((l) => l.trim() !== "").map((l) => l.trim().split(" ")[0])).toEqual([
      "resource", "count", "name", "lifecycle", "precondition", "condition", "error_message", "}", "}", "}",
    ]);
  });

  it("writes JSON documents as jsonencode() of an HCL value", () => {
    const text = renderAttributes({ doc: '[{"name":"web","port":80}]' }, { jsonEncoded: ["doc"] });
    expect(text).toBe(["doc = jsonencode([", "  {", '    name = "web"', "    port = 80", "  },", "])", ""].join("\n"));
  });

  it("refuses what it cannot render faithfully", () => {
    expect(() => splitTemplate("%{ if x }y%{ endif }")).toThrow(/directives/);
    expect(() => renderHcl([{ type: "r", labels: [], body: { dynamic: { x: {} } }, schema: {} }])).toThrow(/dynamic/);
  });
});

describe("the module's expressions", () => {
  const source = synthesizeModuleSource();
  const text = JSON.stringify(source.json);

  it("names dynamic block iterators after their block (no each.value)", () => {
    expect(text).not.toMatch(/\beach\./);
    expect(text).not.toContain('"iterator"');
    expect(source.hclFiles["main.tf"]).toContain("type = dns_records.value");
    expect(source.hclFiles["main.tf"]).toContain("target_group_arn = load_balancer.value.target_group_arn");
  });

  it("reads non-nullable variables directly instead of testing them for null", () => {
    expect(source.hclFiles["main.tf"]).toMatch(/desired_count += var.desired_count\n/);
    expect(text).not.toContain("var.dns_ttl != null");
    expect(text).toContain("var.discovery_name != null"); // nullable: defaults to service_name
  });
});

describe("partial evaluator with Terraform variables", () => {
  function withVariables<T>(body: (stack: TerraformStack, v: (name: string, type?: string) => TerraformVariable) => T): T {
    return withScratchApp((app) => {
      const stack = new TerraformStack(app, "expr");
      return body(stack, (name, type = "number") => new TerraformVariable(stack, name, { type }));
    });
  }

  it("parenthesizes a conditional nested in an operator (cdktf does not)", () => {
    withVariables((stack, v) => {
      const ttl = orDefault(v("ttl").numberValue, 60);
      expect(resolvedText(stack, integerInRange(ttl, 0, 10))).toBe(
        "${(((((var.ttl != null) ? var.ttl : 60) >= 0) && (((var.ttl != null) ? var.ttl : 60) <= 10)) && (floor(((var.ttl != null) ? var.ttl : 60)) == ((var.ttl != null) ? var.ttl : 60)))}",
      );
      const mode = v("mode", "string").stringValue;
      const type = orDefault(v("type", "string").stringValue, when(eq(mode, "awsvpc"), "A", "SRV"));
      expect(resolvedText(stack, eq(type, "SRV"))).toBe('${(((var.type != null) ? var.type : ((var.mode == "awsvpc") ? "A" : "SRV")) == "SRV")}');
      // At the top level no extra parentheses are added.
      expect(resolvedText(stack, when(eq(mode, "host"), 1, 0))).toBe('${(var.mode == "host") ? 1 : 0}');
    });
  });

  it("keeps falsy literals as operands", () => {
    withVariables((stack, v) => {
      expect(resolvedText(stack, when<unknown>(eq(v("flag", "bool").booleanValue, false), 0, ""))).toBe('${(var.flag == false) ? 0 : ""}');
    });
  });

  it("folds isSet and orDefault for tokens known never to be null, and for defaulted results", () => {
    withVariables((stack, v) => {
      const count = markNonNull(v("count").numberValue);
      expect(isSet(count)).toBe(true);
      expect(orDefault(count, 1)).toBe(count);
      const defaulted = orDefault(v("maybe").numberValue, 5);
      expect(orDefault(defaulted, 7)).toBe(defaulted);
      expect(resolvedText(stack, and(isSet(defaulted), Op.gt(count, 1) as never))).toBe("${(var.count > 1)}");
    });
  });
});
