/**
 * Day-2 operations against real Terraform, offline: plans of the day-2 root against hand-written
 * state (__tests__/fixtures/day2-state-*.json, -refresh=false) prove that
 * 1. a record-type change replaces the Cloud Map service AND updates the ECS service registered
 *    to it in the same plan (its service_registries take the new registry ARN, which the provider
 *    sends in UpdateService, so ECS starts tasks that register with the new service), without
 *    force_new_deployment; the guard command exits 2 on it;
 * 2. a desired-count change is an in-place update of desired_count alone: no force_new_deployment,
 *    so ECS only adds or stops tasks instead of rolling every one of them;
 * 3. state written by versions that set force_new_deployment + a redeploy trigger upgrades with an
 *    in-place update that turns force_new_deployment off (and so rolls nothing);
 * 4. adding service_registries to an existing ECS service is an in-place update the guard passes;
 * 5. `plan -destroy` destroys the ECS service before its Cloud Map service and the namespace last,
 *    read from the apply graph Terraform builds for that plan (`terraform graph -plan=<file>`);
 * 4. turning Service Connect on for a DNS-discovered service is an in-place update the guard
 *    passes, and removing the block, turning it off, or renaming an endpoint are in-place updates
 *    the guard refuses (exit 2);
 * and the existing-VPC DNS check block is valid Terraform.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { addVpcDnsCheck } from "../../example-app/infra/vpc-dns-check";
import { runGuard } from "../../src/cli/guard-command";
import { PlanJson } from "../../src/terraform/terraform-cli";
import { OFFLINE_STATE_FILE } from "../../src/terraform/workspace";
import { inParallel } from "../support/plan-helpers";
import { scratchDir } from "../support/scratch";
import { DAY2, Day2Options, SERVICE_CONNECT, writeDay2Root } from "./support/day2-root";
import { describeWithTerraform, terraformWorkspace } from "./support/terraform-available";

jest.setTimeout(120_000);

const PROJECT = resolve(__dirname, "../..");
const FIXTURES = join(PROJECT, "__tests__/fixtures");

interface GuardRun {
  readonly code: number;
  readonly stdout: string;
}

/** The guard as users run it (`npm run guard -- <file>` runs this command). */
function runGuardCommand(planJson: string): Promise<GuardRun> {
  const tsNode = join(PROJECT, "node_modules/.bin/ts-node");
  return new Promise((done) => {
    execFile(tsNode, ["--swc", join(PROJECT, "src/cli/main.ts"), "guard", planJson], { cwd: PROJECT }, (error, stdout) => {
      done({ code: error ? Number(error.code) : 0, stdout: String(stdout) });
    });
  });
}

/** The function behind the command, in this process (the command itself is run once, above). */
function runGuardInProcess(planJson: string): GuardRun {
  const out: string[] = [];
  const code = runGuard([planJson], {
    readFile: (path) => readFileSync(path, "utf8"),
    readStdin: () => "",
    out: (text) => out.push(text),
    err: (text) => out.push(text),
  });
  return { code, stdout: out.join("\n") };
}

/** Edges `from -> to` (from waits for to) between destroy nodes of a DOT graph. */
function destroyEdges(dot: string): [string, string][] {
  const edge = /"\[root\] (\S+) \(destroy\)" -> "\[root\] (\S+) \(destroy\)"/g;
  return [...dot.matchAll(edge)].map((m) => [m[1], m[2]]);
}

/** A topological order of the nodes: each one after everything it waits for. */
function executionOrder(nodes: readonly string[], edges: readonly [string, string][]): string[] {
  const order: string[] = [];
  const visit = (node: string, path: string[] = []) => {
    if (order.includes(node)) return;
    if (path.includes(node)) throw new Error(`cycle: ${[...path, node].join(" -> ")}`);
    for (const [from, to] of edges) if (from === node) visit(to, [...path, node]);
    order.push(node);
  };
  nodes.forEach((n) => visit(n));
  return order;
}

interface Day2Job {
  readonly name: string;
  readonly options?: Day2Options;
  /** State fixture the plan runs against; none for the check-block root. */
  readonly state?: string;
  readonly destroy?: boolean;
}

/**
 * Top-level attributes an update changes: planned values that differ from state, or that become
 * known only at apply.
 */
function changedAttributes(change: { before: Record<string, unknown> | null; after: Record<string, unknown> | null; after_unknown?: Record<string, unknown> | undefined }): string[] {
  const before = change.before ?? {};
  const after = change.after ?? {};
  const unknown = change.after_unknown ?? {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after), ...Object.keys(unknown)]);
  return [...keys]
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]) || JSON.stringify(unknown[k] ?? false).includes("true"))
    .sort();
}

describeWithTerraform("day-2 operations with Terraform", () => {
  const plans: Record<string, PlanJson> = {};
  const planFiles: Record<string, string> = {};
  const guard: Record<string, GuardRun> = {};
  let replaceGuard: Promise<GuardRun> | undefined;
  let destroyGraph = "";
  let checkValidation: { valid: boolean; diagnostics: unknown[] } = { valid: false, diagnostics: [] };

  beforeAll(async () => {
    const root = scratchDir("day2");
    const ws = await terraformWorkspace();
    const jobs: Day2Job[] = [
      { name: "replace", options: { dnsRecordType: "AAAA" }, state: "day2-state-discovery.json" },
      { name: "scale", options: { service: { desiredCount: 3 } }, state: "day2-state-discovery.json" },
      { name: "upgrade", options: {}, state: "day2-state-discovery-redeploy-trigger.json" },
      { name: "in-place", options: {}, state: "day2-state-without-discovery.json" },
      { name: "destroy", options: {}, state: "day2-state-discovery.json", destroy: true },
      { name: "vpc-check" },
      // Service Connect beside DNS discovery, on an existing DNS-discovered service...
      { name: "sc-on", options: { service: { serviceConnect: SERVICE_CONNECT } }, state: "day2-state-discovery.json" },
      // ...and from a state that has it on: block removed, enabled = false, endpoint renamed.
      { name: "sc-removed", options: {}, state: "day2-state-service-connect.json" },
      { name: "sc-disabled", options: { service: { serviceConnect: { ...SERVICE_CONNECT, enabled: false } } }, state: "day2-state-service-connect.json" },
      {
        name: "sc-renamed",
        options: { service: { serviceConnect: { ...SERVICE_CONNECT, services: [{ ...SERVICE_CONNECT.services[0], discoveryName: "api-connect" }] } } },
        state: "day2-state-service-connect.json",
      },
    ];
    await inParallel(jobs, 2, async (job) => {
      const dir = join(root, job.name);
      if (job.name === "vpc-check") {
        mkdirSync(join(dir, ".synth"), { recursive: true });
        const stack = new TerraformStack(Testing.app({ outdir: join(dir, ".synth") }), "vpc-check");
        new AwsProvider(stack, "aws", { region: "us-east-1" });
        addVpcDnsCheck(stack, "vpc-0123456789abcdef0");
        writeFileSync(join(dir, "main.tf.json"), Testing.synth(stack));
        await ws.prepareRoot(dir);
        checkValidation = await ws.validate(dir);
        return;
      }
      writeDay2Root(dir, job.options);
      await ws.prepareRoot(dir);
      copyFileSync(join(FIXTURES, job.state!), join(dir, OFFLINE_STATE_FILE));
      await ws.plan(dir, { refresh: false, destroy: job.destroy });
      plans[job.name] = await ws.showPlan(dir);
      planFiles[job.name] = join(dir, "plan.json");
      writeFileSync(planFiles[job.name], JSON.stringify(plans[job.name]));
      // The real command runs while the other roots plan.
      if (job.name === "replace") replaceGuard = runGuardCommand(planFiles.replace);
      if (job.destroy) destroyGraph = (await ws.sharedCli.run(dir, ["graph", "-plan=tfplan"])).stdout;
    });
    guard.replace = await replaceGuard!;
    for (const name of ["in-place", "sc-on", "sc-removed", "sc-disabled", "sc-renamed"]) guard[name] = runGuardInProcess(planFiles[name]);
  });

  const change = (plan: string, address: string) => {
    const rc = plans[plan].resource_changes!.find((r) => r.address === address);
    if (!rc) throw new Error(`${address} is not in the ${plan} plan`);
    return rc;
  };

  describe("a record-type change (A -> AAAA)", () => {
    it("replaces the Cloud Map service, forced by the record type", () => {
      const rc = change("replace", DAY2.discovery);
      expect(rc.change.actions).toEqual(["delete", "create"]);
      expect(rc.change.replace_paths).toEqual([["dns_config", 0, "dns_records", 0, "type"]]);
      expect(change("replace", DAY2.namespace).change.actions).toEqual(["no-op"]);
    });

    it("updates the ECS service in the same plan: service_registries.registry_arn takes the new ARN, no force_new_deployment", () => {
      const rc = change("replace", DAY2.ecsService);
      expect(rc.change.actions).toEqual(["update"]);
      expect((rc.change.before as any).service_registries[0].registry_arn).toBe(
        "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef",
      );
      expect((rc.change.after_unknown as any).service_registries).toEqual([{ registry_arn: true }]);
      // The registry is the only change: the provider sends it in UpdateService (ServiceRegistries),
      // and ECS starts new tasks that register with the new service.
      expect(changedAttributes(rc.change)).toEqual(["service_registries"]);
      expect(rc.change.after).toMatchObject({ force_new_deployment: null, name: "api", desired_count: 2 });
    });

    it("is flagged by `npm run guard` with exit 2, the address, the attribute and the re-registration", () => {
      expect(guard.replace.code).toBe(2);
      expect(guard.replace.stdout).toContain(`REPLACE ${DAY2.discovery}`);
      expect(guard.replace.stdout).toContain('forced by: dns_config[0].dns_records[0].type: "A" -> "AAAA"');
      expect(guard.replace.stdout).toContain(`redeploy:  ${DAY2.ecsService} takes the new registry ARN in the same plan`);
    });
  });

  describe("a desired-count change (2 -> 3)", () => {
    it("updates desired_count in place and nothing else: no replacement, no forced deployment", () => {
      const rc = change("scale", DAY2.ecsService);
      expect(rc.change.actions).toEqual(["update"]);
      expect(changedAttributes(rc.change)).toEqual(["desired_count"]);
      expect(rc.change.before).toMatchObject({ desired_count: 2, force_new_deployment: null });
      // UpdateService carries forceNewDeployment = the planned force_new_deployment: false here.
      expect(rc.change.after).toMatchObject({ desired_count: 3, force_new_deployment: null });
      expect(change("scale", DAY2.discovery).change.actions).toEqual(["no-op"]);
      expect(change("scale", DAY2.namespace).change.actions).toEqual(["no-op"]);
    });
  });

  describe("upgrading from state with force_new_deployment and a redeploy trigger", () => {
    it("turns force_new_deployment off in place; the update forces no deployment and replaces nothing", () => {
      const rc = change("upgrade", DAY2.ecsService);
      expect(rc.change.actions).toEqual(["update"]);
      expect(changedAttributes(rc.change)).toEqual(["force_new_deployment"]);
      expect(rc.change.before).toMatchObject({ force_new_deployment: true });
      expect(rc.change.after).toMatchObject({ force_new_deployment: null });
      expect(change("upgrade", DAY2.discovery).change.actions).toEqual(["no-op"]);
    });
  });

  describe("adding service discovery to an existing ECS service", () => {
    it("updates service_registries in place (no replacement) and creates the namespace and Cloud Map service", () => {
      const rc = change("in-place", DAY2.ecsService);
      expect(rc.change.actions).toEqual(["update"]);
      expect((rc.change.before as any).service_registries).toEqual([]);
      expect((rc.change.after as any).service_registries).toHaveLength(1);
      expect(change("in-place", DAY2.discovery).change.actions).toEqual(["create"]);
      expect(change("in-place", DAY2.namespace).change.actions).toEqual(["create"]);
    });

    it("passes the guard with exit 0", () => {
      expect(guard["in-place"].code).toBe(0);
      expect(guard["in-place"].stdout).toMatch(/^Plan guard: safe\./);
      expect(guard["in-place"].stdout).toContain("service_registries changes in place");
    });
  });

  describe("plan -destroy", () => {
    it("destroys all three, the Cloud Map service with force_destroy (registered instances do not block it)", () => {
      for (const address of Object.values(DAY2)) expect(change("destroy", address).change.actions).toEqual(["delete"]);
      expect((change("destroy", DAY2.discovery).change.before as any).force_destroy).toBe(true);
    });

    it("orders the ECS service before its Cloud Map service and the namespace last (Terraform's apply graph)", () => {
      const edges = destroyEdges(destroyGraph);
      expect(edges).toEqual(
        expect.arrayContaining([
          [DAY2.discovery, DAY2.ecsService],
          [DAY2.namespace, DAY2.discovery],
        ]),
      );
      expect(executionOrder(Object.values(DAY2), edges)).toEqual([DAY2.ecsService, DAY2.discovery, DAY2.namespace]);
    });
  });

  describe("Service Connect on a DNS-discovered service", () => {
    it("turning it on is an in-place update of the ECS service: no replacement, the Cloud Map service untouched", () => {
      const rc = change("sc-on", DAY2.ecsService);
      expect(rc.change.actions).toEqual(["update"]);
      expect((rc.change.before as any).service_connect_configuration).toEqual([]);
      expect((rc.change.after as any).service_connect_configuration).toEqual([
        expect.objectContaining({
          enabled: true,
          namespace: "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-0123456789abcdef",
          service: [expect.objectContaining({ port_name: "http", discovery_name: "api-sc", client_alias: [{ dns_name: "api.day2.internal", port: 80 }] })],
        }),
      ]);
      expect((rc.change.after as any).service_registries).toHaveLength(1);
      expect(change("sc-on", DAY2.discovery).change.actions).toEqual(["no-op"]);
      expect(change("sc-on", DAY2.namespace).change.actions).toEqual(["no-op"]);
    });

    it("the guard passes it, saying that clients reach the endpoint once they are redeployed", () => {
      expect(guard["sc-on"].code).toBe(0);
      expect(guard["sc-on"].stdout).toMatch(/^Plan guard: safe\./);
      expect(guard["sc-on"].stdout).toContain("Service Connect turns on in place");
    });

    it("removing the block is not a no-op: the plan removes it, and the guard refuses it as turning Service Connect off", () => {
      const rc = change("sc-removed", DAY2.ecsService);
      expect(rc.change.actions).toEqual(["update"]);
      expect((rc.change.before as any).service_connect_configuration).toHaveLength(1);
      expect((rc.change.after as any).service_connect_configuration).toEqual([]);
      expect(guard["sc-removed"].code).toBe(2);
      expect(guard["sc-removed"].stdout).toContain(`DISABLE ${DAY2.ecsService} (Service Connect; actions ["update"])`);
      expect(guard["sc-removed"].stdout).toContain("hashicorp/aws (since 4.47.0) then sends enabled = false");
    });

    it("enabled = false is refused the same way, naming the attribute", () => {
      expect(change("sc-disabled", DAY2.ecsService).change.actions).toEqual(["update"]);
      expect(guard["sc-disabled"].code).toBe(2);
      expect(guard["sc-disabled"].stdout).toContain("forced by: service_connect_configuration[0].enabled: true -> false");
    });

    it("a renamed endpoint is an in-place update of the ECS service that replaces the endpoint's Cloud Map service", () => {
      const rc = change("sc-renamed", DAY2.ecsService);
      expect(rc.change.actions).toEqual(["update"]);
      expect(guard["sc-renamed"].code).toBe(2);
      expect(guard["sc-renamed"].stdout).toContain(`REPLACE ${DAY2.ecsService} (Service Connect endpoint (a Cloud Map service ECS manages) "api-sc"`);
      expect(guard["sc-renamed"].stdout).toContain('forced by: service_connect_configuration[0].service[0].discovery_name: "api-sc" -> "api-connect"');
    });
  });

  it("the existing-VPC DNS check block is valid Terraform", () => {
    expect(checkValidation).toMatchObject({ valid: true, diagnostics: [] });
  });
});
