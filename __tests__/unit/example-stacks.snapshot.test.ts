/**
 * A snapshot of each example stack's cdk.tf.json, as `npm run synth` writes it. The snapshot must
 * be the same on every machine and every run: no absolute paths, no dependence on the shell's
 * AWS/SD_* variables, nothing random.
 */
import { readFileSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { CDKTF_VERSION, stackDir, synthExampleApp, versionIndependent } from "../support/synth-example";
import { useCleanConfigEnv } from "../support/clean-env";

/** The stacks the Core issue defines (other example stacks bring their own tests). */
const STACKS = ["fargate-awsvpc", "ec2-bridge", "ec2-host"] as const;
const REPO = resolve(__dirname, "../..");

useCleanConfigEnv();

let outdir: string;
const texts: Record<string, string> = {};

beforeAll(() => {
  outdir = synthExampleApp();
  for (const stack of STACKS) texts[stack] = readFileSync(join(stackDir(outdir, stack), "cdk.tf.json"), "utf8");
});

afterAll(() => {
  if (outdir) rmSync(dirname(outdir), { recursive: true, force: true });
});

describe.each(STACKS)("%s", (stack) => {
  it("matches the snapshot (whichever cdktf version is installed)", () => {
    expect(versionIndependent(JSON.parse(texts[stack]))).toMatchSnapshot();
  });

  it("carries the installed cdktf version in its metadata", () => {
    expect(JSON.parse(texts[stack])["//"].metadata.version).toBe(CDKTF_VERSION);
  });

  it("holds no absolute or machine-specific path", () => {
    const text = texts[stack];
    for (const machinePath of [REPO, outdir, tmpdir(), homedir()]) expect(text).not.toContain(machinePath);
    // Nor any other absolute path of a usual filesystem root (log group names like "/ecs/..." are fine).
    expect(text).not.toMatch(/"(\/(home|Users|tmp|root|opt|var|private|mnt|work|srv)\/|[A-Za-z]:\\\\)/);
  });

  it("keeps local state outside cdktf.out through a relative path", () => {
    const backend = JSON.parse(texts[stack]).terraform.backend.local;
    expect(backend.path).toMatch(new RegExp(`^(\\.\\./)+terraform\\.${stack}\\.tfstate$`));
    // Relative to the stack folder, where cdktf runs Terraform: it lands in the project root.
    expect(resolve(stackDir(outdir, stack), backend.path)).toBe(join(REPO, `terraform.${stack}.tfstate`));
  });
});

it("is deterministic: a second synth in the same process writes the same bytes", () => {
  const again = synthExampleApp();
  try {
    for (const stack of STACKS) {
      expect(readFileSync(join(stackDir(again, stack), "cdk.tf.json"), "utf8")).toBe(texts[stack]);
    }
  } finally {
    rmSync(dirname(again), { recursive: true, force: true });
  }
});
