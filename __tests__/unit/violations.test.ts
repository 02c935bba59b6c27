/**
 * How rule violations reach users: every broken construct of the app in one report, once, when
 * the app synthesizes (on every synth path), before anything is written; and, as a program, the
 * messages alone on stderr with exit code 1.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, TerraformStack, Testing } from "cdktf";
import { execFile } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DiscoverableEcsService, DiscoveryService, ServiceDiscoveryRuleError } from "../../src";
import { cleanConfigEnv } from "../support/clean-env";
import { awsvpcProps, bridgeProps, testNamespace, testStack } from "../support/constructs";
import { scratchDir } from "../support/scratch";

const REPO = resolve(__dirname, "../..");

function thrownBy(run: () => unknown): ServiceDiscoveryRuleError {
  try {
    run();
  } catch (e) {
    if (e instanceof ServiceDiscoveryRuleError) return e;
    throw e;
  }
  throw new Error("nothing was thrown");
}

/** An app with a broken construct in each of two stacks, and a valid one in between. */
function brokenApp(outdir: string) {
  const app = new App({ outdir, stackTraces: false });
  const one = new TerraformStack(app, "one");
  const ns1 = testNamespace(one);
  new DiscoveryService(one, "ttl", { namespace: ns1, name: "ttl", dnsTtl: 1.5 });
  new DiscoverableEcsService(one, "fine", awsvpcProps(ns1));
  const two = new TerraformStack(app, "two");
  new DiscoverableEcsService(two, "orders", bridgeProps(testNamespace(two), { launchType: "FARGATE" }));
  return app;
}

describe("violations are reported by the app, all at once", () => {
  it("app.synth() throws one error with every broken construct of every stack, each once, in build order", () => {
    const err = thrownBy(() => brokenApp(scratchDir("violations")).synth());
    expect(err.ruleIds).toEqual(["SD008", "SD012"]);
    expect(err.violations.map((v) => v.path)).toEqual(["one/ttl", "two/orders"]);
    expect(err.message).toBe(
      `2 rule violations:\n- ${err.violations[0].message}\n- ${err.violations[1].message}`,
    );
    expect(err.message.match(/\[SD008\]/g)).toHaveLength(1);
  });

  it("writes nothing: an earlier output folder stays as it was", () => {
    const outdir = scratchDir("violations");
    writeFileSync(join(outdir, "manifest.json"), "earlier good synth");
    const app = brokenApp(outdir);
    expect(() => app.synth()).toThrow(ServiceDiscoveryRuleError);
    expect(readdirSync(outdir).sort()).toEqual(["manifest.json", "stacks"]); // `stacks/` is made by new App()
    expect(readdirSync(join(outdir, "stacks"))).toEqual([]);
    expect(readFileSync(join(outdir, "manifest.json"), "utf8")).toBe("earlier good synth");
  });

  it("Testing.synth and Testing.synthScope report them too, with or without validations", () => {
    const stack = testStack();
    new DiscoveryService(stack, "ttl", { namespace: testNamespace(stack), name: "ttl", dnsTtl: -1 });
    expect(() => Testing.synth(stack)).toThrow(/test\/ttl: \[SD008\]/);
    expect(() => Testing.synth(stack, true)).toThrow(/test\/ttl: \[SD008\]/);
    expect(() => Testing.fullSynth(stack)).toThrow(/test\/ttl: \[SD008\]/);
    expect(() =>
      Testing.synthScope((scope) => {
        new DiscoveryService(scope, "ttl", { namespace: testNamespace(scope as TerraformStack), name: "ttl", dnsTtl: -1 });
      }),
    ).toThrow(/stack\/ttl: \[SD008\]/);
  });

  it("the construct's own node.validate() lists its messages", () => {
    const stack = testStack();
    const svc = new DiscoveryService(stack, "ttl", { namespace: testNamespace(stack), name: "ttl", dnsTtl: -1 });
    expect(svc.node.validate()).toEqual([expect.stringMatching(/^test\/ttl: \[SD008\] dnsTtl is -1/)]);
  });

  it("a valid app synthesizes as before", () => {
    const outdir = scratchDir("violations");
    const app = new App({ outdir, stackTraces: false });
    const stack = new TerraformStack(app, "ok");
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    new DiscoverableEcsService(stack, "api", awsvpcProps(testNamespace(stack)));
    app.synth();
    expect(existsSync(join(outdir, "stacks", "ok", "cdk.tf.json"))).toBe(true);
  });
});

describe("as a program", () => {
  const tsNode = join(REPO, "node_modules", ".bin", "ts-node");
  const script = join(REPO, "__tests__", "fixtures", "apps", "broken-app.ts");

  function runBrokenApp(env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string; outdir: string }> {
    const outdir = join(scratchDir("violations"), "cdktf.out");
    return new Promise((done) => {
      // Run as a program, not under jest (the library leaves uncaught errors to jest there).
      const { JEST_WORKER_ID: _jest, ...programEnv } = cleanConfigEnv();
      execFile(tsNode, ["--swc", script], { cwd: REPO, env: { ...programEnv, ...env, CDKTF_OUTDIR: outdir } }, (error, _stdout, stderr) => {
        done({ code: error ? Number(error.code) : 0, stderr: String(stderr), outdir });
      });
    });
  }

  it("prints the three rule messages and nothing else, exits 1 and writes no stack", async () => {
    const { code, stderr, outdir } = await runBrokenApp({ DEBUG: "" });
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toEqual([
      "3 rule violations:",
      expect.stringMatching(/^- first\/ttl: \[SD008\] dnsTtl is -1, .*\. Allowed: .*\. Fix: .*\.$/),
      expect.stringMatching(/^- second\/a-records-on-bridge: \[SD013\] discovery\.dnsRecordType is "A"/),
      expect.stringMatching(/^- second\/bridge-on-fargate: \[SD012\] taskDefinition\.networkMode is "bridge"/),
    ]);
    expect(existsSync(join(outdir, "stacks", "first"))).toBe(false);
    expect(existsSync(join(outdir, "manifest.json"))).toBe(false);
  }, 60_000);

  it("DEBUG=1 keeps Node's report with the stack trace, for bugs", async () => {
    const { code, stderr } = await runBrokenApp({ DEBUG: "1" });
    expect(code).toBe(1);
    expect(stderr).toMatch(/ServiceDiscoveryRuleError: 3 rule violations/);
    expect(stderr).toMatch(/\n\s+at /);
  }, 60_000);
});
