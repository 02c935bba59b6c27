/**
 * The exported Terraform module without Terraform: the committed copy equals a fresh export, the
 * variables and outputs keep the contract of issue #3, and the rules travel with the module.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { MODULE_EXAMPLES } from "../../tools/hcl-module/examples";
import { MODULE_DIR, moduleFiles } from "../../tools/hcl-module/export-module";
import { templateReferences } from "../../tools/hcl-module/hcl-expression";
import { JsonObject } from "../../tools/hcl-module/hcl-render";
import { PIN_PLACEHOLDER, RULES_THE_MODULE_CANNOT_CHECK } from "../../tools/hcl-module/module-readme";
import { ModuleSource, synthesizeModuleSource } from "../../tools/hcl-module/module-source";
import { MODULE_AWS_PROVIDER_VERSION, MODULE_REQUIRED_VERSION } from "../../tools/hcl-module/module-stack";
import { ALL_RULES } from "../../src/rules/catalogue";
import { MODULE_VARIABLES } from "../../src/rules/fields";

const REPO = resolve(__dirname, "../..");
const COMMITTED = join(REPO, MODULE_DIR);

/** Variable and output names fixed by issue #3, in its order. */
const CONTRACT_VARIABLES = [
  "namespace_name", "create_namespace", "vpc_id", "namespace_id", "service_name", "discovery_name", "cluster_arn",
  "task_definition_arn", "network_mode", "launch_type", "desired_count", "dns_record_type", "dns_ttl", "routing_policy",
  "subnet_ids", "security_group_ids", "assign_public_ip", "container_name", "container_port", "srv_port", "load_balancers",
  "force_destroy", "tags",
  // issue #10: Service Connect, after the contract of issue #3 (additive)
  "service_connect",
];
const CONTRACT_OUTPUTS = [
  "namespace_id", "namespace_arn", "namespace_hosted_zone_id", "discovery_service_arn", "discovery_service_id",
  "ecs_service_id", "ecs_service_name", "dns_name",
];
/** Rules issue #3 lists as "at least" (network mode, SRV, TTL, Fargate, subnets, routing, ids, count, name). */
const ISSUE_RULES = ["SD010", "SD013", "SD017", "SD015", "SD008", "SD012", "SD023", "SD007", "SD002", "SD003", "SD026", "SD004"];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === ".terraform" || name.startsWith(".terraform.") || name.endsWith(".tfstate")) return [];
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** A minimal reader of Terraform version constraints (`>= 1.5`, `>= 5.0, < 7.0`). */
function satisfies(version: string, constraint: string): boolean {
  const parse = (v: string) => v.split(".").map(Number).concat([0, 0, 0]).slice(0, 3);
  const compare = (a: number[], b: number[]) => a.map((x, i) => x - b[i]).find((d) => d !== 0) ?? 0;
  return constraint.split(",").every((part) => {
    const m = /^\s*(>=|<=|>|<|=|!=)?\s*([\d.]+)\s*$/.exec(part);
    if (!m) throw new Error(`unsupported constraint ${part}`);
    const c = compare(parse(version), parse(m[2]));
    return { ">=": c >= 0, "<=": c <= 0, ">": c > 0, "<": c < 0, "=": c === 0, "!=": c !== 0 }[m[1] ?? "="]!;
  });
}

describe("exported HCL module", () => {
  let files: Record<string, string>;
  let source: ModuleSource;
  let variables: Record<string, JsonObject>;
  let outputs: Record<string, JsonObject>;

  beforeAll(() => {
    files = moduleFiles();
    source = synthesizeModuleSource();
    variables = source.json.variable as Record<string, JsonObject>;
    outputs = source.json.output as Record<string, JsonObject>;
  });

  describe("committed copy", () => {
    it("equals a fresh export (run `npm run export-module` after changing the library)", () => {
      expect(existsSync(COMMITTED)).toBe(true);
      for (const [name, text] of Object.entries(files)) {
        const path = join(COMMITTED, name);
        expect({ file: name, exists: existsSync(path) }).toEqual({ file: name, exists: true });
        expect({ file: name, text: readFileSync(path, "utf8") }).toEqual({ file: name, text });
      }
    });

    it("has no files the export does not write", () => {
      const onDisk = filesUnder(COMMITTED).map((p) => relative(COMMITTED, p)).sort();
      expect(onDisk).toEqual(Object.keys(files).sort());
    });

    it("is in the conventional shape, with one example folder per example", () => {
      expect(Object.keys(files)).toEqual(expect.arrayContaining(["versions.tf", "variables.tf", "main.tf", "outputs.tf", "README.md"]));
      for (const e of MODULE_EXAMPLES) expect(files[`examples/${e.name}/main.tf`]).toContain('source = "../.."');
      expect(MODULE_EXAMPLES.map((e) => e.name)).toEqual(
        expect.arrayContaining(["fargate-new-namespace", "ec2-bridge-existing-namespace", "awsvpc-alb-target-group"]),
      );
    });
  });

  describe("interface contract", () => {
    it("declares exactly the contract's variables, in its order", () => {
      expect(Object.keys(variables)).toEqual(CONTRACT_VARIABLES);
    });

    it.each(CONTRACT_VARIABLES)("variable %s has a type and a description", (name) => {
      expect(typeof variables[name].type).toBe("string");
      expect(String(variables[name].description).length).toBeGreaterThan(20);
      expect(files["variables.tf"]).toMatch(new RegExp(`variable "${name}" \\{\\n  type += \\S`));
    });

    it("has the contract's defaults (and none for required inputs)", () => {
      const defaults = Object.fromEntries(Object.entries(variables).map(([n, v]) => [n, "default" in v ? v.default : "(required)"]));
      expect(defaults).toEqual({
        namespace_name: "(required)",
        create_namespace: true,
        vpc_id: null,
        namespace_id: null,
        service_name: "(required)",
        discovery_name: null,
        cluster_arn: "(required)",
        task_definition_arn: "(required)",
        network_mode: "(required)",
        launch_type: "FARGATE",
        desired_count: 1,
        dns_record_type: null,
        dns_ttl: 60,
        routing_policy: "MULTIVALUE",
        subnet_ids: [],
        security_group_ids: [],
        assign_public_ip: false,
        container_name: null,
        container_port: null,
        srv_port: null,
        load_balancers: [],
        force_destroy: true,
        tags: {},
        service_connect: null,
      });
    });

    it("types the inputs (bool, number, lists, the load balancer objects)", () => {
      expect(variables.create_namespace.type).toBe("bool");
      expect(variables.desired_count.type).toBe("number");
      expect(variables.dns_ttl.type).toBe("number");
      expect(variables.subnet_ids.type).toBe("list(string)");
      expect(variables.load_balancers.type).toBe(
        "list(object({ target_group_arn = string, container_name = string, container_port = number }))",
      );
      expect(variables.tags.type).toBe("map(string)");
    });

    it("declares exactly the contract's outputs, each with a description", () => {
      expect(Object.keys(outputs)).toEqual(CONTRACT_OUTPUTS);
      for (const o of Object.values(outputs)) expect(String(o.description).length).toBeGreaterThan(10);
    });

    it("configures no provider and no backend, only required_providers and required_version", () => {
      expect(source.json.provider).toBeUndefined();
      const terraform = source.json.terraform as JsonObject;
      expect(Object.keys(terraform).sort()).toEqual(["required_providers", "required_version"]);
      expect(terraform.required_providers).toEqual({ aws: { source: "hashicorp/aws", version: MODULE_AWS_PROVIDER_VERSION } });
      expect(files["versions.tf"]).toContain(`required_version = "${MODULE_REQUIRED_VERSION}"`);
      expect(files["main.tf"]).not.toMatch(/^(provider|backend|terraform)\b/m);
    });

    it("accepts the provider the tests plan with (5.100.0), the 6.x line, and the Terraform they run (1.11)", () => {
      expect(satisfies("5.100.0", MODULE_AWS_PROVIDER_VERSION)).toBe(true);
      expect(satisfies("6.66.0", MODULE_AWS_PROVIDER_VERSION)).toBe(true);
      expect(satisfies("7.0.0", MODULE_AWS_PROVIDER_VERSION)).toBe(false);
      expect(satisfies("1.11.0", MODULE_REQUIRED_VERSION)).toBe(true);
      // check blocks (the SD009 warning) need 1.5.
      expect(satisfies("1.4.9", MODULE_REQUIRED_VERSION)).toBe(false);
    });

    it("names every resource `this` (no hashed logical ids)", () => {
      const resources = source.json.resource as Record<string, JsonObject>;
      expect(Object.fromEntries(Object.entries(resources).map(([t, byName]) => [t, Object.keys(byName)]))).toEqual({
        aws_service_discovery_private_dns_namespace: ["this"],
        aws_service_discovery_service: ["this"],
        aws_ecs_service: ["this"],
      });
      for (const text of Object.values(files)) expect(text).not.toMatch(/_[0-9A-F]{8}\b/);
    });

    it("creates the namespace only when asked, and reads it through one(...[*])", () => {
      const ns = (source.json.resource as any).aws_service_discovery_private_dns_namespace.this;
      expect(ns.count).toBe("${var.create_namespace ? 1 : 0}");
      expect(outputs.namespace_arn.value).toBe("${one(aws_service_discovery_private_dns_namespace.this[*].arn)}");
    });
  });

  describe("rules", () => {
    const placement = (id: string) => source.rulePlacements.filter((p) => p.ruleId === id);

    it.each(ISSUE_RULES)("%s (listed in the issue) is checked at plan", (id) => {
      expect(placement(id).length).toBeGreaterThan(0);
      for (const p of placement(id)) expect(["validation", "precondition"]).toContain(p.kind);
    });

    it("checks the Service Connect rules of issue #10: entries as validations of var.service_connect, relations as preconditions", () => {
      for (const id of ["SD038", "SD048", "SD050", "SD051", "SD052", "SD053", "SD054", "SD055", "SD056", "SD058", "SD059"]) {
        expect(placement(id)).toEqual([{ ruleId: id, kind: "validation", where: "var.service_connect", variables: ["service_connect"] }]);
      }
      expect(placement("SD036")).toEqual([{ ruleId: "SD036", kind: "precondition", where: "aws_ecs_service.this", variables: ["network_mode", "service_connect"] }]);
      expect(placement("SD049")).toEqual([
        { ruleId: "SD049", kind: "precondition", where: "aws_ecs_service.this", variables: ["discovery_name", "service_connect", "service_name"] },
      ]);
    });

    it("writes the Service Connect block only when service_connect is set, iterating its entries in order", () => {
      const ecs = (source.json.resource as any).aws_ecs_service.this;
      const block = ecs.dynamic.service_connect_configuration;
      expect(block.for_each).toBe("${(var.service_connect != null) ? [1] : []}");
      expect(block.content.dynamic.service.for_each).toBe("${try(var.service_connect.services, [])}");
      // Not TerraformIterator's toset(...): entries keep their order and index for the messages.
      expect(JSON.stringify(source.json)).not.toMatch(/toset\(try\(var\.service_connect/);
    });

    it("turns the TTL warning into a check block", () => {
      expect(placement("SD009")).toEqual([{ ruleId: "SD009", kind: "check", where: "check.sd009_dns_ttl", variables: ["dns_ttl"] }]);
      expect(files["main.tf"]).toContain('check "sd009_dns_ttl" {');
    });

    it("makes a single-variable check that variable's validation, and keeps the others as preconditions", () => {
      for (const p of source.rulePlacements) {
        if (p.kind === "validation") expect([p.where]).toEqual([`var.${p.variables[0]}`]);
        if (p.kind === "precondition") expect(p.variables.length).toBeGreaterThan(1);
      }
      expect(placement("SD008")).toEqual([{ ruleId: "SD008", kind: "validation", where: "var.dns_ttl", variables: ["dns_ttl"] }]);
      expect(placement("SD012")).toEqual([{ ruleId: "SD012", kind: "precondition", where: "aws_ecs_service.this", variables: ["launch_type", "network_mode"] }]);
    });

    it("validations read only their own variable (Terraform before 1.9 allows nothing else)", () => {
      for (const [name, v] of Object.entries(variables)) {
        for (const check of (v.validation ?? []) as JsonObject[]) {
          const refs = [...templateReferences(String(check.condition)), ...templateReferences(String(check.error_message))];
          expect(new Set(refs)).toEqual(new Set([`var.${name}`]));
        }
      }
    });

    it("messages name module variables that exist, and every variable the rules name is declared", () => {
      const declared = new Set(Object.keys(variables));
      // Fields inside an object variable are spelled by path (`service_connect.namespace`).
      for (const name of Object.values(MODULE_VARIABLES)) expect(declared).toContain(name.split(".")[0]);
      const everything = JSON.stringify(source.json);
      for (const m of everything.matchAll(/var\.([a-z_]+)/g)) expect(declared).toContain(m[1]);
      const messages = [...everything.matchAll(/"error_message":"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
      expect(messages.length).toBe(source.rulePlacements.length);
      // A message opens with a variable (or an entry of one), or (SD024) with the list of those of
      // several that are set.
      for (const message of messages) expect(message).toMatch(/^\[SD\d{3}\] (var\.[a-z_]+[ /.]|\$\{join\(" and ", compact\(\[[^\]]*"var\.[a-z_]+ )/);
    });

    it("explains every rule the module does not check, and checks every rule it does not explain", () => {
      const placed = new Set(source.rulePlacements.map((p) => p.ruleId));
      for (const rule of ALL_RULES) expect([rule.id, placed.has(rule.id) || rule.id in RULES_THE_MODULE_CANNOT_CHECK]).toEqual([rule.id, true]);
      for (const id of Object.keys(RULES_THE_MODULE_CANNOT_CHECK)) expect([id, placed.has(id)]).toEqual([id, false]);
    });
  });

  describe("README", () => {
    const section = (title: string) => {
      const readme = files["README.md"];
      const start = readme.indexOf(`## ${title}\n`);
      const end = readme.indexOf("\n## ", start + 1);
      return readme.slice(start, end < 0 ? undefined : end);
    };

    it.each(CONTRACT_VARIABLES)("documents input %s with its type and default", (name) => {
      const row = section("Inputs").split("\n").find((l) => l.startsWith(`| \`${name}\` |`));
      expect(row).toBeDefined();
      const cells = row!.split(" | ");
      expect(cells[2]).toBe("`" + String(variables[name].type).replace(/\s+/g, " ") + "`");
      expect(cells[3]).toBe("default" in variables[name] ? "`" + JSON.stringify(variables[name].default) + "`" : "n/a");
    });

    it.each(CONTRACT_OUTPUTS)("documents output %s", (name) => {
      expect(section("Outputs")).toContain(`| \`${name}\` | `);
    });

    /** The repository's tags; none in a copy without git (the CI lanes test such copies). */
    const gitTags = (): string => {
      try {
        return execFileSync("git", ["tag", "--list"], { cwd: REPO, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
      } catch {
        return "";
      }
    };

    it("pins the git source to something that exists: a tag only when the repository has one, else a commit", () => {
      const sourceLines = [files["README.md"], readFileSync(join(REPO, "README.md"), "utf8")].flatMap((text) =>
        text.split("\n").filter((l) => /source\s*=\s*"git::/.test(l)),
      );
      expect(sourceLines).toHaveLength(2);
      const tags = gitTags();
      for (const line of sourceLines) {
        const ref = /\?ref=([^"]+)"/.exec(line)?.[1];
        if (tags === "") expect(ref).toBe(PIN_PLACEHOLDER);
        else expect([PIN_PLACEHOLDER, "<tag>"]).toContain(ref);
      }
      expect(section("Usage")).toContain("Pin `ref` to the full SHA of the commit you reviewed (`git rev-parse HEAD`");
    });

    it("lists where each rule is checked, and links every example", () => {
      for (const p of source.rulePlacements) expect(section("Rules")).toContain(`| ${p.ruleId} |`);
      for (const e of MODULE_EXAMPLES) expect(section("Usage")).toContain(`(examples/${e.name})`);
      expect(section("Requirements")).toContain(MODULE_REQUIRED_VERSION);
    });
  });
});
