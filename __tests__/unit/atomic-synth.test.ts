/**
 * A failed synth must not overwrite an earlier good output: synthAtomically writes into a staging
 * folder and publishes only when every stack succeeded. Checked with small in-process apps for
 * each way a synth fails, and end to end through main.ts (what `npm run synth` runs).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { App, TerraformOutput, TerraformStack } from "cdktf";
import { DiscoverableEcsService, ServiceDiscoveryRuleError } from "../../src";
import { synthAtomically } from "../../example-app/synth/atomic-synth";
import { bridgeProps, testNamespace } from "../support/constructs";
import { cleanConfigEnv } from "../support/clean-env";
import { scratchDir } from "../support/scratch";

const REPO = resolve(__dirname, "../..");

/** Every file under `dir` with its bytes, keyed by relative path. */
function snapshotTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return files;
}

function expectTreeUnchanged(dir: string, before: Map<string, Buffer>): void {
  const after = snapshotTree(dir);
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [file, bytes] of before) expect(after.get(file)!.equals(bytes)).toBe(true);
}

/** Staging folders synthAtomically left beside the output folder. */
function stagingLeftovers(outdir: string): string[] {
  return readdirSync(dirname(outdir)).filter((name) => name.startsWith(".cdktf-staging-"));
}

/** A stack with one output whose value says which synth wrote it. */
function smallStack(app: App, id: string, marker: string): TerraformStack {
  const stack = new TerraformStack(app, id);
  new TerraformOutput(stack, "marker", { value: marker });
  return stack;
}

describe("synthAtomically", () => {
  let root: string;
  let outdir: string;
  let good: Map<string, Buffer>;

  beforeEach(() => {
    root = scratchDir("atomic");
    outdir = join(root, "cdktf.out");
    synthAtomically(
      (app) => {
        smallStack(app, "one", "good");
        smallStack(app, "two", "good");
      },
      { outdir },
    );
    // Something Terraform keeps beside the synthesized JSON.
    writeFileSync(join(outdir, "stacks", "one", ".terraform.lock.hcl"), "# lock\n");
    good = snapshotTree(outdir);
  });


  it("publishes a good synth: manifest and every stack", () => {
    expect([...good.keys()].sort()).toEqual(["manifest.json", "stacks/one/.terraform.lock.hcl", "stacks/one/cdk.tf.json", "stacks/two/cdk.tf.json"]);
    expect(JSON.parse(good.get("stacks/two/cdk.tf.json")!.toString()).output.marker.value).toBe("good");
    expect(stagingLeftovers(outdir)).toEqual([]);
  });

  it("a rule violation writes nothing and leaves the earlier output untouched", () => {
    expect(() =>
      synthAtomically(
        (app) => {
          smallStack(app, "one", "bad");
          const stack = new TerraformStack(app, "two");
          new DiscoverableEcsService(stack, "orders", bridgeProps(testNamespace(stack), { discovery: { dnsRecordType: "A" } }));
        },
        { outdir },
      ),
    ).toThrow(ServiceDiscoveryRuleError);
    expectTreeUnchanged(outdir, good);
    expect(stagingLeftovers(outdir)).toEqual([]);
  });

  it("an exception in a later stack's constructor writes nothing", () => {
    expect(() =>
      synthAtomically(
        (app) => {
          smallStack(app, "one", "bad");
          smallStack(app, "two", "bad");
          throw new Error("stack three failed");
        },
        { outdir },
      ),
    ).toThrow("stack three failed");
    expectTreeUnchanged(outdir, good);
    expect(stagingLeftovers(outdir)).toEqual([]);
  });

  it("a validation error raised in app.synth() after an earlier stack was written to staging writes nothing", () => {
    let stagedBeforeFailure: string[] = [];
    expect(() =>
      synthAtomically(
        (app) => {
          smallStack(app, "one", "bad");
          const two = smallStack(app, "two", "bad");
          // cdktf writes every stack first and validates the app afterwards: by the time this
          // runs, stack "one" (and "two") are already in the staging folder.
          two.node.addValidation({
            validate: () => {
              stagedBeforeFailure = readdirSync(join(app.outdir, "stacks"));
              return ["stack two is invalid"];
            },
          });
        },
        { outdir },
      ),
    ).toThrow(/stack two is invalid/);
    expect(stagedBeforeFailure).toEqual(expect.arrayContaining(["one"]));
    expectTreeUnchanged(outdir, good);
    expect(stagingLeftovers(outdir)).toEqual([]);
  });

  it("a failed first synth creates no output folder at all", () => {
    const fresh = join(root, "never-written", "cdktf.out");
    expect(() => synthAtomically(() => {
      throw new Error("boom");
    }, { outdir: fresh })).toThrow("boom");
    expect(existsSync(fresh)).toBe(false);
    expect(stagingLeftovers(fresh)).toEqual([]);
  });

  it("a later good synth replaces the stacks and keeps Terraform's files beside them", () => {
    synthAtomically(
      (app) => {
        smallStack(app, "one", "newer");
        smallStack(app, "two", "newer");
      },
      { outdir },
    );
    const after = snapshotTree(outdir);
    expect(JSON.parse(after.get("stacks/one/cdk.tf.json")!.toString()).output.marker.value).toBe("newer");
    expect(after.get("stacks/one/.terraform.lock.hcl")!.toString()).toBe("# lock\n");
    expect(stagingLeftovers(outdir)).toEqual([]);
  });
});

describe("main.ts end to end", () => {
  const STACKS = ["fargate-awsvpc", "ec2-bridge", "ec2-host"];
  let root: string;
  let outdir: string;

  /** Runs main.ts the way cdktf does (transpile only), with the given context JSON. */
  function runMain(contextJson?: string) {
    const env = cleanConfigEnv();
    env.CDKTF_OUTDIR = outdir;
    if (contextJson !== undefined) env.CDKTF_CONTEXT_JSON = contextJson;
    return spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "main.ts"], {
      cwd: REPO,
      env,
      encoding: "utf8",
      timeout: 60_000,
    });
  }

  beforeAll(() => {
    root = scratchDir("main-e2e");
    outdir = join(root, "cdktf.out");
  });


  it("a good run writes stacks/{fargate-awsvpc,ec2-bridge,ec2-host}/cdk.tf.json and the manifest", () => {
    const run = runMain();
    // stderr rides along so a failure shows why main.ts failed.
    expect({ status: run.status, stderr: run.stderr }).toMatchObject({ status: 0 });
    for (const stack of STACKS) expect(existsSync(join(outdir, "stacks", stack, "cdk.tf.json"))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8"));
    expect(Object.keys(manifest.stacks)).toEqual(expect.arrayContaining(STACKS));
  });

  it("a bad configuration exits non-zero with a clear message and leaves the earlier output unchanged", () => {
    const before = snapshotTree(outdir);
    expect(before.size).toBeGreaterThan(STACKS.length);
    const run = runMain(JSON.stringify({ vpcId: "vpc-1" }));
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("Configuration: vpcId and privateSubnetIds go together");
    // Written for people: the message, not a stack trace into the library.
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expectTreeUnchanged(outdir, before);
    expect(stagingLeftovers(outdir)).toEqual([]);
  });
});
