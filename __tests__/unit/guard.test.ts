/**
 * The plan guard against `terraform show -json` output: real plans of the day-2 root (recorded
 * from Terraform 1.11 / hashicorp/aws 5.100.0, trimmed to what the guard reads) and hand-written
 * ones for the cases a small root cannot produce offline.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runGuard } from "../../src/cli/guard-command";
import { GUARD_EXIT, PlanReadError, analysePlan, parsePlanJson } from "../../src/ops/plan-guard";

const PLANS = join(__dirname, "../fixtures/plans");

function guard(args: string[], stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const code = runGuard(args, {
    readFile: (path) => readFileSync(path, "utf8"),
    readStdin: () => stdin,
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const plan = (name: string) => parsePlanJson(readFileSync(join(PLANS, name), "utf8"), name);

describe("plan guard: dangerous plans exit 2", () => {
  it("flags a record-type change that replaces the Cloud Map service, with the forcing attribute, what breaks and the remedy", () => {
    const { code, out } = guard([join(PLANS, "replace-discovery-service.json")]);
    expect(code).toBe(GUARD_EXIT.dangerous);
    expect(out).toContain("REPLACE aws_service_discovery_service.api_discovery_service_749AF98A (Cloud Map service");
    expect(out).toContain('forced by: dns_config[0].dns_records[0].type: "A" -> "AAAA" (a Cloud Map service\'s record types');
    expect(out).toMatch(/breaks: +Terraform deletes the Cloud Map service .* vanish from DNS/);
    expect(out).toMatch(/remedy: +Revert the attribute/);
    // The ECS service registered to it (matched by its registry ARN in state) takes the new ARN in the same plan.
    expect(out).toMatch(/redeploy: +aws_ecs_service\.api_service_298EA376 takes the new registry ARN in the same plan/);
    expect(out.split("\n").find((l) => l.includes("redeploy:"))).not.toContain("force_new_deployment");
  });

  it("says when a registered ECS service is updated but keeps naming the replaced Cloud Map service", () => {
    const stale = plan("replace-discovery-service.json") as any;
    const ecs = stale.resource_changes.find((rc: any) => rc.type === "aws_ecs_service");
    // e.g. a literal registry ARN: only force_new_deployment changes, the registry stays the old one
    ecs.change.after = { ...ecs.change.after, service_registries: ecs.change.before.service_registries, force_new_deployment: true };
    ecs.change.after_unknown = { ...ecs.change.after_unknown, service_registries: [{}] };
    const [finding] = analysePlan(stale).findings;
    expect(finding.redeploy).toMatch(/is updated in this plan, but its service_registries still name the replaced Cloud Map service/);
  });

  it("lists the ECS service's in-place service_registries update as a safe note, not a finding", () => {
    const report = analysePlan(plan("replace-discovery-service.json"));
    expect(report.findings.map((f) => f.address)).toEqual(["aws_service_discovery_service.api_discovery_service_749AF98A"]);
    expect(report.notes.map((n) => n.address)).toEqual(["aws_ecs_service.api_service_298EA376"]);
    expect(report.notes[0].text).toMatch(/^service_registries changes in place/);
  });

  it("orders findings namespace, Cloud Map service, ECS service and explains each forcing attribute", () => {
    const report = analysePlan(plan("replace-namespace-vpc.json"));
    expect(report.safe).toBe(false);
    expect(report.findings.map((f) => [f.kind, f.address])).toEqual([
      ["replace", "aws_service_discovery_private_dns_namespace.ns"],
      ["delete", "aws_service_discovery_service.gone"],
      ["replace", "aws_service_discovery_service.orders"],
      ["replace", "aws_ecs_service.orders"],
      ["replace", "module.legacy.aws_ecs_service.worker"],
    ]);
    const [ns, gone, orders, ecs, worker] = report.findings;
    expect(ns.forcedBy).toEqual([
      { path: "vpc", before: '"vpc-0aaa"', after: '"vpc-0bbb"', why: expect.stringContaining("cannot move to another") },
    ]);
    expect(gone.reason).toMatch(/no longer in the configuration/);
    expect(gone.breaks).toMatch(/stops resolving/);
    expect(orders.forcedBy[0]).toMatchObject({ path: "dns_config[0].namespace_id", before: '"ns-aaaa"', after: "(known after apply)" });
    expect(orders.redeploy).toMatch(/aws_ecs_service\.orders is itself replaced or deleted/);
    expect(ecs.forcedBy[0]).toMatchObject({ path: "launch_type", before: '"EC2"', after: '"FARGATE"', why: expect.stringMatching(/launch type/) });
    expect(ecs.breaks).toMatch(/deletes the ECS service first/);
    expect(worker.forcedBy).toEqual([]);
    expect(worker.reason).toMatch(/tainted/);
  });

  it("does not count deletions of other resource types (a log group) as dangerous", () => {
    const report = analysePlan(plan("replace-namespace-vpc.json"));
    expect(report.findings.some((f) => f.type === "aws_cloudwatch_log_group")).toBe(false);
    expect(report.changes).toBe(6);
  });

  it("says when no ECS service in the plan re-registers a replaced Cloud Map service", () => {
    const { code, out } = guard([join(PLANS, "replace-routing-policy-elsewhere.json")]);
    expect(code).toBe(GUARD_EXIT.dangerous);
    expect(out).toContain('forced by: dns_config[0].routing_policy: "MULTIVALUE" -> "WEIGHTED"');
    expect(out).toMatch(/redeploy: +no ECS service in this plan is registered to it.*force-new-deployment/);
    expect(out).toMatch(/aws_service_discovery_service\.ttl: the record TTL changes in place/);
  });

  it("flags every deletion of a destroy plan", () => {
    const report = analysePlan(plan("destroy-all.json"));
    expect(report.findings.map((f) => f.kind)).toEqual(["delete", "delete", "delete"]);
  });
});

describe("plan guard: safe plans exit 0", () => {
  it("passes an in-place update that adds service_registries to an existing ECS service", () => {
    const { code, out } = guard([join(PLANS, "add-discovery-in-place.json")]);
    expect(code).toBe(GUARD_EXIT.safe);
    expect(out).toMatch(/^Plan guard: safe\. 3 resource change\(s\)/);
    expect(out).toContain("aws_ecs_service.api_service_298EA376: service_registries changes in place");
  });

  it("passes creates, ignores no-ops and data source reads", () => {
    const report = analysePlan(plan("create-only.json"));
    expect(report).toMatchObject({ safe: true, changes: 2, findings: [] });
  });

  it("reads standard input with `-` and prints JSON with --json", () => {
    const { code, out } = guard(["-", "--json"], readFileSync(join(PLANS, "create-only.json"), "utf8"));
    expect(code).toBe(GUARD_EXIT.safe);
    expect(JSON.parse(out)).toMatchObject({ safe: true, changes: 2 });
  });

  it("treats a plan without resource_changes (nothing to do) as safe", () => {
    expect(analysePlan(parsePlanJson('{"format_version":"1.2","planned_values":{}}'))).toMatchObject({ safe: true, changes: 0 });
  });
});

describe("plan guard: unreadable input exits 1", () => {
  it.each([
    ["a missing file", ["missing-plan.json"], /cannot read missing-plan\.json/],
    ["text that is not JSON", [join(PLANS, "not-json.txt")], /is not JSON .*terraform show -json <planfile>/],
    ["state JSON instead of a plan", [join(PLANS, "state-not-plan.json")], /without planned changes .*not `terraform show -json` of the state/],
    ["no argument", [], /^guard: expected one plan file \(or -\)\n\nusage: cdktf-ecs-sd guard <plan\.json/],
    ["an unknown option", ["--frobnicate"], /^guard: expected one plan file \(or -\)\n\nusage:/],
    ["two files", ["a.json", "b.json"], /^guard: expected one plan file \(or -\), got a\.json b\.json/],
  ])("%s", (_what, args, message) => {
    const { code, err, out } = guard(args);
    expect(code).toBe(GUARD_EXIT.unreadable);
    expect(err).toMatch(message);
    expect(out).toBe("");
  });

  it("recognizes a binary plan file and says how to convert it", () => {
    expect(() => parsePlanJson("PK\u0003\u0004binary", "tfplan")).toThrow(/tfplan is a binary plan file.*terraform show -json <planfile> > plan\.json/);
  });

  it("refuses JSON that is not Terraform's, and malformed resource_changes", () => {
    expect(() => parsePlanJson('{"resource_changes":[]}')).toThrow(PlanReadError);
    expect(() => parsePlanJson('{"format_version":"1.2","resource_changes":[{"address":"x"}]}')).toThrow(/resource_changes is malformed/);
  });
});

describe("plan guard: Service Connect (recorded day-2 plans)", () => {
  it("passes turning Service Connect on for a DNS-discovered service, with a note on redeploying clients", () => {
    const { code, out } = guard([join(PLANS, "service-connect-on-in-place.json")]);
    expect(code).toBe(GUARD_EXIT.safe);
    expect(out).toContain("aws_ecs_service.api_service_298EA376: Service Connect turns on in place");
    expect(out).toMatch(/no Service Connect endpoint is turned off or renamed/);
  });

  it("refuses a removed block: hashicorp/aws turns Service Connect off, it does not leave it on", () => {
    const report = analysePlan(plan("service-connect-block-removed.json"));
    expect(report.safe).toBe(false);
    expect(report.findings).toEqual([
      expect.objectContaining({
        address: "aws_ecs_service.api_service_298EA376",
        kind: "disable",
        label: "Service Connect",
        forcedBy: [expect.objectContaining({ path: "service_connect_configuration", after: "[]", why: expect.stringContaining("sends enabled = false") })],
        breaks: expect.stringContaining("DNS discovery (service_registries) is not affected"),
        remedy: expect.stringContaining("enabled = false"),
      }),
    ]);
    expect(guard([join(PLANS, "service-connect-block-removed.json")]).out).toMatch(/^Plan guard: DANGEROUS/);
  });

  it("refuses a renamed endpoint as a replaced Cloud Map service, naming the old and new discovery names", () => {
    const { code, out } = guard([join(PLANS, "service-connect-endpoint-renamed.json")]);
    expect(code).toBe(GUARD_EXIT.dangerous);
    expect(out).toContain('REPLACE aws_ecs_service.api_service_298EA376 (Service Connect endpoint (a Cloud Map service ECS manages) "api-sc"; actions ["update"])');
    expect(out).toContain('forced by: service_connect_configuration[0].service[0].discovery_name: "api-sc" -> "api-connect"');
    expect(out).toMatch(/remedy: +Keep the discovery name/);
  });
});

describe("plan guard: Service Connect (edge cases)", () => {
  const endpoint = (discovery: string, port = 80, dns = "api") => ({ port_name: "http", discovery_name: discovery, client_alias: [{ port, dns_name: dns }] });
  const ecsUpdate = (before: unknown, after: unknown, afterUnknown: unknown = {}) =>
    parsePlanJson(
      JSON.stringify({
        format_version: "1.2",
        resource_changes: [
          {
            address: "aws_ecs_service.api",
            type: "aws_ecs_service",
            change: { actions: ["update"], before: { service_connect_configuration: before }, after: { service_connect_configuration: after }, after_unknown: afterUnknown },
          },
        ],
      }),
    );

  it("refuses a removed endpoint (a services entry gone)", () => {
    const report = analysePlan(ecsUpdate([{ enabled: true, service: [endpoint("api"), { ...endpoint("admin"), port_name: "admin" }] }], [{ enabled: true, service: [endpoint("api")] }]));
    expect(report.findings).toEqual([expect.objectContaining({ kind: "delete", reason: 'the services entry for port "admin" is removed' })]);
  });

  it("notes a changed client alias, and passes", () => {
    const report = analysePlan(ecsUpdate([{ enabled: true, service: [endpoint("api", 80)] }], [{ enabled: true, service: [endpoint("api", 8080)] }]));
    expect(report).toMatchObject({ safe: true, notes: [expect.objectContaining({ text: expect.stringMatching(/^a client alias changes/) })] });
  });

  it("does not note a DNS name ECS fills in (unknown until apply), nor flag a discovery name known only after apply", () => {
    const quiet = analysePlan(ecsUpdate([{ enabled: true, service: [endpoint("api")] }], [{ enabled: true, service: [{ port_name: "http", discovery_name: "api", client_alias: [{ port: 80 }] }] }]));
    expect(quiet).toMatchObject({ safe: true, notes: [] });
    const unknown = analysePlan(
      ecsUpdate([{ enabled: true, service: [endpoint("api")] }], [{ enabled: true, service: [{ port_name: "http", client_alias: [{ port: 80 }] }] }], {
        service_connect_configuration: [{ service: [{ discovery_name: true }] }],
      }),
    );
    expect(unknown.safe).toBe(true);
  });

  it("passes a service that stays off, and one that stays on unchanged", () => {
    expect(analysePlan(ecsUpdate([{ enabled: false }], [{ enabled: false }])).safe).toBe(true);
    expect(analysePlan(ecsUpdate([], [])).safe).toBe(true);
    expect(analysePlan(ecsUpdate([{ enabled: true, service: [endpoint("api")] }], [{ enabled: true, service: [endpoint("api")] }]))).toMatchObject({ safe: true, notes: [] });
  });
});
