/**
 * The package as another team uses it: `npm pack` of this repository, installed with npm into a
 * cdktf app outside the repository (os.tmpdir()), its peers linked from this repository's
 * node_modules (no network). The app (__tests__/fixtures/consumer) is compiled with plain `tsc`
 * under strict consumer options, run with `node`, and its synthesized stack is validated and
 * planned offline with the real provider. Its own jest test runs with jest's default
 * configuration against a snapshot committed here. Broken input, the bin and (in the CDK Terrain
 * lane) an app of the other runtime are checked through the installed package too.
 *
 * One pack and one install per run. To accept a changed consumer snapshot:
 *   UPDATE_CONSUMER_SNAPSHOT=1 npx jest __tests__/terraform/consumer.test.ts
 * KEEP_CONSUMER=1 keeps the scratch app (its path is printed).
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { PlanJson, PlannedResource, plannedResources } from "../../src/terraform/terraform-cli";
import {
  REPO,
  REPO_NODE_MODULES,
  installConsumer,
  installedCdktf,
  npmPack,
  run,
  runOk,
  userEnv,
  type PackedPackage,
  type RunResult,
} from "./support/consumer-app";
import { TERRAFORM_WORK_DIR } from "./support/terraform-settings";
import { describeWithTerraform, terraformWorkspace } from "./support/terraform-available";

const FIXTURE = join(REPO, "__tests__/fixtures/consumer");
const SNAPSHOT = join("__tests__", "__snapshots__", "services.test.js.snap");
const TSC = join(REPO_NODE_MODULES, "typescript", "bin", "tsc");
/** The bin's Terraform work folder: its own CLI config beside the shared workspace's, same kind of plugin cache. */
const BIN_WORK_DIR = join(TERRAFORM_WORK_DIR, "..", "terraform-consumer-bin");
const CDKTF = installedCdktf();
/** Under the CDK Terrain lane this repository's `cdktf` is cdktn; the lane names a real cdktf for the mixed-runtime case. */
const UNDER_CDKTN = CDKTF.name === "cdktn";
const REAL_CDKTF_DIR = process.env.CDKTN_LANE_CDKTF_DIR;

/** The README's example app ("Use it in your own app"), compiled and run with the consumer's own sources. */
function readmeExample(): string {
  const readme = readFileSync(join(REPO, "README.md"), "utf8");
  const marker = "<!-- consumer-test: compiled and run by __tests__/terraform/consumer.test.ts as src/readme-app.ts -->\n```ts\n";
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error("README.md lost its consumer-test example (marker not found)");
  return readme.slice(at + marker.length, readme.indexOf("```", at + marker.length));
}

/** Every file under `dir` with its bytes and mtime, keyed by relative path. */
function treeOf(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const stat = statSync(p);
      if (stat.isDirectory()) walk(p);
      else files.set(relative(dir, p), `${stat.mtimeMs} ${readFileSync(p).toString("base64")}`);
    }
  };
  walk(dir);
  return files;
}

const byType = (resources: PlannedResource[], type: string) => resources.filter((r) => r.type === type);
const named = (resources: PlannedResource[], type: string, name: string) => {
  const found = byType(resources, type).find((r) => r.values.name === name);
  if (!found) throw new Error(`no planned ${type} named ${name}`);
  return found.values as Record<string, any>;
};

describeWithTerraform("the packed package in a consumer app outside the repository", () => {
  let root: string;
  let app: string;
  let packed: PackedPackage;
  /** The three compiles, started together once the package is installed (tsc is single-threaded). */
  let compiles: { cjs: Promise<RunResult>; nodenext: Promise<RunResult>; bundler: Promise<RunResult> };
  /** The bin's offline plan of cdktf.out, run beside the workspace's validate/plan (one Terraform process each). */
  let binPlan: Promise<{ result: RunResult; before: Map<string, string> }>;
  const bin = () => join(app, "node_modules", ".bin", "cdktf-ecs-sd");
  const stackJson = () => join(app, "cdktf.out", "stacks", "shop", "cdk.tf.json");

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "cdktf-ecs-sd-consumer-"));
    if (process.env.KEEP_CONSUMER) process.stderr.write(`consumer app: ${root}\n`);
    packed = await npmPack(root);
    app = join(root, "app");
    cpSync(FIXTURE, app, { recursive: true });
    writeFileSync(join(app, "src", "readme-app.ts"), readmeExample());
    await installConsumer(app, {
      links: Object.fromEntries(["cdktf", "constructs", "@cdktf/provider-aws", "jest"].map((name) => [name, join(REPO_NODE_MODULES, name)])),
      tarball: packed.tarball,
      overrideCdktf: UNDER_CDKTN,
    });
    const esm = join(app, "esm");
    compiles = {
      cjs: run(TSC, ["-p", app], { cwd: app }),
      nodenext: run(TSC, ["-p", esm], { cwd: esm }),
      bundler: run(TSC, ["-p", esm, "--noEmit", "--module", "preserve", "--moduleResolution", "bundler"], { cwd: esm }),
    };
  }, 240_000);

  afterAll(() => {
    if (root && !process.env.KEEP_CONSUMER) rmSync(root, { recursive: true, force: true });
  });

  it("the tarball holds compiled JavaScript and declarations for every library file, and nothing else of the repository", () => {
    const files = [...packed.files].sort();
    const sources = (dir: string): string[] =>
      readdirSync(join(REPO, dir)).flatMap((name) => {
        const path = `${dir}/${name}`;
        return statSync(join(REPO, path)).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
      });
    const expected = sources("src").flatMap((file) => {
      const base = file.replace(/^src\//, "lib/").replace(/\.ts$/, "");
      return [`${base}.js`, `${base}.d.ts`];
    });
    expect(files).toEqual([...expected, "LICENSE", "README.md", "package.json"].sort());
    expect(files).toContain("lib/cli/main.js"); // the bin
    expect(files.filter((f) => /\.ts$/.test(f) && !f.endsWith(".d.ts"))).toEqual([]);
  });

  it("compiles with plain tsc: CommonJS, strict, exactOptionalPropertyTypes, isolatedModules, skipLibCheck false", async () => {
    const { compilerOptions } = JSON.parse(readFileSync(join(app, "tsconfig.json"), "utf8"));
    expect(compilerOptions).toMatchObject({ module: "commonjs", strict: true, exactOptionalPropertyTypes: true, isolatedModules: true, skipLibCheck: false });
    const result = await compiles.cjs;
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  }, 60_000);

  it("compiles as an ES module with verbatimModuleSyntax (nodenext), and typechecks with bundler resolution", async () => {
    const esm = join(app, "esm");
    const { compilerOptions } = JSON.parse(readFileSync(join(esm, "tsconfig.json"), "utf8"));
    expect(compilerOptions).toMatchObject({ module: "nodenext", verbatimModuleSyntax: true, exactOptionalPropertyTypes: true, skipLibCheck: false });
    const [nodenext, bundler] = await Promise.all([compiles.nodenext, compiles.bundler]);
    expect(nodenext.stdout + nodenext.stderr).toBe("");
    expect(bundler.stdout + bundler.stderr).toBe("");
    // Node imports the package's CommonJS exports by name.
    await runOk("node", [join(esm, "dist", "main.js")], { cwd: esm });
    const json = JSON.parse(readFileSync(join(esm, "cdktf.out", "stacks", "esm", "cdk.tf.json"), "utf8"));
    expect(Object.values(json.resource.aws_ecs_service as Record<string, any>).map((s) => s.name)).toEqual(["api"]);
  }, 60_000);

  it("synthesizes with node: one namespace, two Fargate services (service-b may call service-a), an EC2 bridge service with SRV", async () => {
    const result = await runOk("node", [join(app, "dist", "main.js")], { cwd: app });
    expect(result.stderr).toBe("");
    const json = JSON.parse(readFileSync(stackJson(), "utf8"));
    expect(Object.keys(json.resource).sort()).toEqual([
      "aws_ecs_service",
      "aws_ecs_task_definition",
      "aws_security_group",
      "aws_service_discovery_private_dns_namespace",
      "aws_service_discovery_service",
      "aws_vpc_security_group_egress_rule",
      "aws_vpc_security_group_ingress_rule",
    ]);
  }, 60_000);

  it("runs the README's example app", async () => {
    const outdir = join(root, "readme-out");
    const result = await runOk("node", [join(app, "dist", "readme-app.js")], { cwd: app, env: userEnv({ CDKTF_OUTDIR: outdir }) });
    expect(result.stderr).toBe("");
    const json = JSON.parse(readFileSync(join(outdir, "stacks", "shop", "cdk.tf.json"), "utf8"));
    const names = (type: string) => Object.values(json.resource[type] as Record<string, any>).map((r) => r.name);
    expect(names("aws_ecs_service").sort()).toEqual(["service-a", "service-b"]);
    expect(names("aws_service_discovery_service").sort()).toEqual(["service-a", "service-b"]);
    const ingress = Object.values(json.resource.aws_vpc_security_group_ingress_rule as Record<string, any>);
    expect(ingress).toEqual([expect.objectContaining({ from_port: 8080, to_port: 8080, referenced_security_group_id: expect.stringContaining("service-b") })]);
  }, 60_000);

  describe("the synthesized stack, validated and planned offline with the real provider", () => {
    let resources: PlannedResource[];
    let plan: PlanJson;

    beforeAll(async () => {
      const before = treeOf(join(app, "cdktf.out"));
      binPlan = run(bin(), ["plan-offline", "--plan-dir", "../plans/bin", "--work-dir", BIN_WORK_DIR], { cwd: app }).then((result) => ({ result, before }));
      const ws = await terraformWorkspace();
      // A copy: the app's cdktf.out stays as its synth wrote it (the later checks compare it).
      const dir = join(root, "terraform", "shop");
      mkdirSync(dir, { recursive: true });
      copyFileSync(stackJson(), join(dir, "cdk.tf.json"));
      await ws.prepareRoot(dir);
      const validation = await ws.validate(dir);
      expect(validation.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(validation.valid).toBe(true);
      await ws.plan(dir);
      plan = await ws.showPlan(dir);
      resources = plannedResources(plan);
      mkdirSync(join(root, "plans"), { recursive: true });
      writeFileSync(join(root, "plans", "shop.plan.json"), JSON.stringify(plan));
    }, 120_000);

    it("plans the namespace in the VPC", () => {
      expect(named(resources, "aws_service_discovery_private_dns_namespace", "shop.internal")).toMatchObject({ vpc: "vpc-0123456789abcdef0" });
    });

    it("publishes the Fargate services as A records and the bridge service as SRV, MULTIVALUE, with ECS health", () => {
      const records = (name: string) => named(resources, "aws_service_discovery_service", name).dns_config[0];
      for (const name of ["service-a", "service-b"]) {
        expect(records(name)).toMatchObject({ routing_policy: "MULTIVALUE", dns_records: [{ type: "A", ttl: 30 }] });
      }
      expect(records("orders")).toMatchObject({ routing_policy: "MULTIVALUE", dns_records: [{ type: "SRV", ttl: 60 }] });
      for (const name of ["service-a", "service-b", "orders"]) {
        expect(named(resources, "aws_service_discovery_service", name).health_check_custom_config).toEqual([{ failure_threshold: 1 }]);
      }
    });

    it("registers the ECS services: awsvpc by address only, bridge by container web:80", () => {
      const a = named(resources, "aws_ecs_service", "service-a");
      expect(a).toMatchObject({ launch_type: "FARGATE", desired_count: 2 });
      expect(a.network_configuration).toEqual([
        expect.objectContaining({ subnets: ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"], assign_public_ip: false }),
      ]);
      expect(a.service_registries).toEqual([expect.objectContaining({ container_name: null, container_port: null, port: null })]);
      const orders = named(resources, "aws_ecs_service", "orders");
      expect(orders).toMatchObject({ launch_type: "EC2", network_configuration: [] });
      expect(orders.service_registries).toEqual([expect.objectContaining({ container_name: "web", container_port: 80 })]);
    });

    it("lets service-b, and only service-b, reach service-a on its port", () => {
      const ingress = plan.resource_changes!.filter((rc) => rc.type === "aws_vpc_security_group_ingress_rule");
      expect(ingress).toHaveLength(1);
      expect(ingress[0].change.after).toMatchObject({ from_port: 8080, to_port: 8080, ip_protocol: "tcp" });
      // Both groups are created in this plan, so the configuration shows which is which.
      const config = (plan.configuration as any).root_module.resources.find((r: any) => r.address === ingress[0].address).expressions;
      expect(config.referenced_security_group_id.references).toContain(
        byType(resources, "aws_security_group").find((g) => g.address.includes("service-b"))!.address + ".id",
      );
      expect(config.security_group_id.references).toContain(
        byType(resources, "aws_security_group").find((g) => g.address.includes("service-a"))!.address + ".id",
      );
    });
  });

  it("runs the consumer's jest test (default configuration) against the snapshot committed in this repository", async () => {
    const update = process.env.UPDATE_CONSUMER_SNAPSHOT === "1";
    const result = await run(join(app, "node_modules", ".bin", "jest"), update ? ["-u"] : ["--ci"], { cwd: app });
    if (update) {
      mkdirSync(join(FIXTURE, SNAPSHOT, ".."), { recursive: true });
      copyFileSync(join(app, SNAPSHOT), join(FIXTURE, SNAPSHOT));
    }
    expect(existsSync(join(app, "jest.config.js")) || "jest" in JSON.parse(readFileSync(join(app, "package.json"), "utf8"))).toBe(false);
    expect(result.stderr).toMatch(/Tests: +2 passed, 2 total/);
    expect(result.stderr).toMatch(/Snapshots: +1 (passed|written|updated), 1 total/);
    expect(result.code).toBe(0);
  }, 60_000);

  describe("an app with three broken constructs", () => {
    it("prints the three rule messages and nothing else, exits 1, and leaves the earlier cdktf.out as it was", async () => {
      const before = treeOf(join(app, "cdktf.out"));
      expect(before.size).toBeGreaterThan(0);
      const { code, stdout, stderr } = await run("node", [join(app, "dist", "broken.js")], { cwd: app });
      expect(code).toBe(1);
      expect(stdout).toBe("");
      expect(stderr.trimEnd().split("\n")).toEqual([
        "3 rule violations:",
        expect.stringMatching(/^- first\/cache: \[SD008\] dnsTtl is -1, .*\. Allowed: .*\. Fix: .*\.$/),
        expect.stringMatching(/^- second\/orders: \[SD013\] discovery\.dnsRecordType is "A", .*\. Allowed: .*\. Fix: .*\.$/),
        expect.stringMatching(/^- second\/billing: \[SD026\] desiredCount is 1001, .*\. Allowed: .*\. Fix: .*\.$/),
      ]);
      expect(treeOf(join(app, "cdktf.out"))).toEqual(before);
    }, 60_000);

    it("with DEBUG set, Node's report keeps the stack trace", async () => {
      const { code, stderr } = await run("node", [join(app, "dist", "broken.js")], { cwd: app, env: userEnv({ DEBUG: "1" }) });
      expect(code).toBe(1);
      expect(stderr).toMatch(/ServiceDiscoveryRuleError: 3 rule violations/);
      expect(stderr).toMatch(/\n\s+at .*node_modules\/cdktf-ecs-service-discovery\/lib\//);
    }, 60_000);
  });

  describe("the bin, cdktf-ecs-sd", () => {
    it("answers --help for itself and every command", async () => {
      for (const args of [["--help"], ["guard", "--help"], ["plan-offline", "--help"], ["help", "guard"]]) {
        const result = await runOk(bin(), args, { cwd: app });
        expect(result.stdout).toMatch(/^usage: cdktf-ecs-sd /);
      }
      expect((await runOk(bin(), ["--version"], { cwd: app })).stdout.trim()).toBe(JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")).version);
      const unknown = await run(bin(), ["frobnicate"], { cwd: app });
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/^cdktf-ecs-sd: unknown command "frobnicate"/);
    }, 60_000);

    it("guards a plan from another directory with a relative path; exit codes 0 safe, 2 dangerous, 1 unreadable", async () => {
      const elsewhere = join(root, "elsewhere", "deeper");
      mkdirSync(elsewhere, { recursive: true });
      copyFileSync(join(REPO, "__tests__/fixtures/plans/replace-discovery-service.json"), join(root, "plans", "dangerous.plan.json"));
      const safe = await run(bin(), ["guard", "../../plans/shop.plan.json"], { cwd: elsewhere });
      expect(safe).toMatchObject({ code: 0, stderr: "" });
      expect(safe.stdout).toMatch(/^Plan guard: safe\. \d+ resource change\(s\)/);
      const dangerous = await run(bin(), ["guard", "../../plans/dangerous.plan.json"], { cwd: elsewhere });
      expect(dangerous.code).toBe(2);
      expect(dangerous.stdout).toMatch(/REPLACE aws_service_discovery_service\./);
      const missing = await run(bin(), ["guard", "plans/shop.plan.json"], { cwd: elsewhere });
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain(`cannot read plans/shop.plan.json: ENOENT: no such file or directory, open '${join(elsewhere, "plans/shop.plan.json")}'`);
      // In an npm script npm runs the bin in the project root; --npm-init-cwd resolves from where npm was started.
      const viaNpm = await run(bin(), ["guard", "--npm-init-cwd", "../../plans/shop.plan.json"], { cwd: app, env: userEnv({ INIT_CWD: elsewhere }) });
      expect(viaNpm.code).toBe(0);
    }, 60_000);

    it("plans the consumer's cdktf.out offline, prints progress with timings, and leaves cdktf.out as it was", async () => {
      // Started beside the workspace's plan, above.
      const { result, before } = await binPlan;
      expect(result.stderr).toMatch(/^\[ *\d+\.\ds\] plan-offline: .*\/app\/cdktf\.out; providers from /m);
      expect(result.stderr).toMatch(/^\[ *\d+\.\ds\] shop: terraform init \(\d+\.\ds\)$/m);
      expect(result.stderr).toMatch(/^\[ *\d+\.\ds\] shop: terraform plan \+ show \(\d+\.\ds\)$/m);
      expect(result.stdout).toMatch(/^shop \(against empty state\): 15 to create, 0 to update, 0 to replace, 0 to delete$/m);
      expect(result.stdout).toContain("  +   aws_ecs_service (3): orders, service-a, service-b");
      expect(result.stdout).toContain("Plan guard: safe.");
      expect(result.code).toBe(0);
      expect(treeOf(join(app, "cdktf.out"))).toEqual(before);
      // The plan JSON it wrote is what the guard reads.
      const planJson = join(root, "plans", "bin", "shop.plan.json");
      expect(result.stdout).toContain(`plan JSON: ${planJson}`);
      expect((await run(bin(), ["guard", planJson], { cwd: app })).code).toBe(0);
    }, 120_000);

    it("plans against a copy of the stack's state (--state, resolved from the caller) and exits 2 when the plan breaks discovery", async () => {
      // Hand-written state (from the day-2 fixture) in which service-a's Cloud Map service has SRV
      // records: the configuration's A records replace it.
      const state = JSON.parse(readFileSync(join(REPO, "__tests__/fixtures/day2-state-discovery.json"), "utf8"));
      const discoveryIds = JSON.parse(readFileSync(stackJson(), "utf8")).resource.aws_service_discovery_service;
      const serviceA = Object.keys(discoveryIds).find((id) => discoveryIds[id].name === "service-a")!;
      const namespace = state.resources.find((r: any) => r.type === "aws_service_discovery_private_dns_namespace");
      const discovery = state.resources.find((r: any) => r.type === "aws_service_discovery_service");
      namespace.instances[0].attributes.name = "shop.internal";
      discovery.name = serviceA;
      Object.assign(discovery.instances[0].attributes, { name: "service-a" });
      discovery.instances[0].attributes.dns_config[0].dns_records = [{ ttl: 30, type: "SRV" }];
      state.resources = [namespace, discovery];
      writeFileSync(join(root, "shop.tfstate"), JSON.stringify(state));

      const result = await run(bin(), ["plan-offline", "--stack", "shop", "--state", "shop=../shop.tfstate", "--work-dir", BIN_WORK_DIR], { cwd: app });
      const title = `shop (against ${join(root, "shop.tfstate")}): `;
      const summary = result.stdout.split("\n").find((line) => line.startsWith(title));
      expect(summary?.slice(title.length)).toMatch(/^\d+ to create, \d+ to update, 1 to replace, 0 to delete$/);
      expect(result.stdout).toContain(`REPLACE aws_service_discovery_service.${serviceA} (Cloud Map service`);
      expect(result.stdout).toContain('forced by: dns_config[0].dns_records[0].type: "SRV" -> "A"');
      expect(result.code).toBe(2);

      const missing = await run(bin(), ["plan-offline", "--state", "shop=no-such.tfstate", "--work-dir", BIN_WORK_DIR], { cwd: app });
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain(`--state shop=${join(app, "no-such.tfstate")}: no such file`);
    }, 120_000);
  });

  (UNDER_CDKTN ? it : it.skip)("a CDK Terrain app without the alias (cdktn beside the cdktf-built package) is refused with what to change", async () => {
    if (!REAL_CDKTF_DIR) throw new Error("CDKTN_LANE_CDKTF_DIR must name a cdktf 0.21 package folder (.ci/lanes/cdktn sets it)");
    const mixed = join(root, "mixed");
    mkdirSync(mixed);
    await installConsumer(mixed, {
      links: {
        cdktn: join(REPO_NODE_MODULES, "cdktf"), // this repository's `cdktf` is cdktn in the lane
        cdktf: REAL_CDKTF_DIR,
        constructs: join(REPO_NODE_MODULES, "constructs"),
        "@cdktf/provider-aws": join(REPO_NODE_MODULES, "@cdktf/provider-aws"),
      },
      tarball: packed.tarball,
    });
    writeFileSync(
      join(mixed, "main.js"),
      [
        'const { App, TerraformStack } = require("cdktn");',
        'const { PrivateDnsNamespace } = require("cdktf-ecs-service-discovery");',
        "const app = new App();",
        'new PrivateDnsNamespace(new TerraformStack(app, "shop"), "namespace", { name: "shop.internal", vpcId: "vpc-0123456789abcdef0" });',
        "app.synth();",
      ].join("\n"),
    );
    const { code, stderr } = await run("node", ["main.js"], { cwd: mixed });
    expect(code).toBe(1);
    expect(stderr.trimEnd().split("\n")).toEqual([
      expect.stringMatching(/^shop\/namespace: the app runs on another CDK for Terraform runtime \(version 0\.24\.0; .*\(cdktf 0\.21\.0\).*"overrides": \{ "cdktf": "npm:cdktn@/),
    ]);
  }, 60_000);
});
