/**
 * What plan:offline prints: the per-stack summary, the guard under it, and the exit code over
 * all stacks; and its command-line parsing.
 */
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseStateArgs } from "../../src/cli/plan-offline-command";
import { formatOfflineResults, selectStacks } from "../../src/ops/offline-plan";
import { analysePlan, parsePlanJson } from "../../src/ops/plan-guard";
import { summarizePlan, summaryAction } from "../../src/ops/plan-summary";

const plan = (name: string) => parsePlanJson(readFileSync(join(__dirname, "../fixtures/plans", name), "utf8"));

describe("summarizePlan", () => {
  it("counts each action and lists types with resource names (or short addresses)", () => {
    expect(summarizePlan("day2", plan("replace-namespace-vpc.json"))).toBe(
      [
        "day2: 0 to create, 0 to update, 4 to replace, 2 to delete",
        "  -/+ aws_ecs_service (2): orders, worker",
        "  -/+ aws_service_discovery_private_dns_namespace (1): service",
        "  -/+ aws_service_discovery_service (1): orders",
        "  -   aws_cloudwatch_log_group (1): /ecs/old",
        "  -   aws_service_discovery_service (1): gone",
      ].join("\n"),
    );
  });

  it("skips no-ops and data reads, and says when nothing changes", () => {
    expect(summarizePlan("s", plan("create-only.json"))).toBe(
      ["s: 2 to create, 0 to update, 0 to replace, 0 to delete", "  +   aws_ecs_service (1): api", "  +   aws_service_discovery_service (1): api"].join("\n"),
    );
    expect(summarizePlan("s", { format_version: "1.2", resource_changes: [] })).toBe("s: 0 to create, 0 to update, 0 to replace, 0 to delete\n  no changes");
  });

  it("maps Terraform's actions", () => {
    expect([["create", "delete"], ["delete", "create"], ["delete"], ["create"], ["update"], ["no-op"], ["read"], ["forget"]].map(summaryAction)).toEqual([
      "replace", "replace", "delete", "create", "update", undefined, undefined, undefined,
    ]);
  });
});

describe("formatOfflineResults", () => {
  const safe = { stack: "a", summary: "a: ...", report: analysePlan(plan("create-only.json")), planJsonFile: "/x/a/plan.json" };
  const dangerous = { stack: "b", summary: "b: ...", report: analysePlan(plan("replace-discovery-service.json")), planJsonFile: "/x/b/plan.json" };

  it("exits 0 when every stack is safe, 2 when one is dangerous, 1 when a plan failed", () => {
    expect(formatOfflineResults([safe]).code).toBe(0);
    expect(formatOfflineResults([safe, dangerous]).code).toBe(2);
    expect(formatOfflineResults([dangerous, { stack: "c", error: "Error: boom" }]).code).toBe(1);
  });

  it("prints each stack's summary, its guard report indented and where the plan JSON is", () => {
    const { text } = formatOfflineResults([safe, dangerous, { stack: "c", error: "Error: boom\n" }]);
    expect(text).toContain("a: ...\n  Plan guard: safe.");
    expect(text).toContain("b: ...\n  Plan guard: DANGEROUS.");
    expect(text).toContain("  plan JSON: /x/b/plan.json");
    expect(text).toContain("c: PLAN FAILED\nError: boom");
  });
});

describe("command line", () => {
  it("parses --state <stack>=<file> and refuses other shapes", () => {
    const caller = join(tmpdir(), "app"); // where the user stands
    const absolute = join(tmpdir(), "states", "a.tfstate");
    expect(parseStateArgs([`a=${absolute}`, "b=states/b.tfstate"], { cwd: caller })).toEqual({
      a: absolute,
      b: join(caller, "states", "b.tfstate"), // from the caller's folder
    });
    expect(() => parseStateArgs(["a.tfstate"], {})).toThrow(/--state a\.tfstate: expected <stack>=<state file>/);
    expect(() => parseStateArgs(["a="], {})).toThrow(/expected <stack>=<state file>/);
  });

  it("selects named stacks and refuses unknown ones", () => {
    expect(selectStacks(["a", "b"], [])).toEqual(["a", "b"]);
    expect(selectStacks(["a", "b"], ["b"])).toEqual(["b"]);
    expect(() => selectStacks(["a", "b"], ["c"])).toThrow("unknown stack(s) c: the app defines a, b");
  });
});
