/**
 * The exported module's hashicorp/aws requirement as Terraform itself reads it, offline:
 * - `terraform providers` in a root that calls the committed module lists the module's constraint;
 * - Terraform's own version resolver, run by `terraform init` against filesystem mirrors that hold
 *   stand-in packages of chosen versions, installs 5.0.0, 5.100.0, 6.0.0 and 6.66.0 and refuses
 *   4.67.0 and 7.0.0. The stand-ins are tiny scripts named like provider binaries: `init` only
 *   resolves and copies them, never runs them, so this proves version selection and nothing about
 *   6.x behaviour (no 6.x provider binary exists here; the 5.100.0 plans are in hcl-module.test.ts).
 */
import { chmodSync, cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { findTerraform, TerraformCli, terraformEnvironment } from "../../src/terraform/terraform-cli";
import { MODULE_DIR } from "../../tools/hcl-module/export-module";
import { describeWithTerraform } from "./support/terraform-available";
import { TERRAFORM_WORK_DIR } from "./support/terraform-settings";

jest.setTimeout(120_000);

const REPO = resolve(__dirname, "../..");
const SCRATCH = join(TERRAFORM_WORK_DIR, `module-provider-versions-${process.pid}`);
const MIRRORED = ["4.67.0", "5.0.0", "5.100.0", "6.0.0", "6.66.0", "7.0.0"];
/** Terraform's platform (`linux_amd64`...), the folder name packages need in a mirror. */
let platform: string;

/** A root module calling the committed module (copied next to it) with valid inputs. */
function writeRoot(name: string): string {
  const dir = join(SCRATCH, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "main.tf"),
    [
      'module "service_discovery" {',
      '  source              = "../module"',
      '  namespace_name      = "service"',
      '  vpc_id              = "vpc-0123456789abcdef0"',
      '  service_name        = "service-a"',
      '  cluster_arn         = "arn:aws:ecs:us-east-1:123456789012:cluster/demo"',
      '  task_definition_arn = "arn:aws:ecs:us-east-1:123456789012:task-definition/service-a:1"',
      '  network_mode        = "awsvpc"',
      '  subnet_ids          = ["subnet-0123456789abcdef0"]',
      "}",
      "",
    ].join("\n"),
  );
  return dir;
}

/** A filesystem mirror (unpacked layout) holding stand-in hashicorp/aws packages of `versions`. */
function standInMirror(name: string, versions: readonly string[]): string {
  const mirror = join(SCRATCH, `mirror-${name}`);
  for (const version of versions) {
    const dir = join(mirror, "registry.terraform.io/hashicorp/aws", version, platform);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `terraform-provider-aws_v${version}_x5`);
    writeFileSync(file, "#!/bin/sh\necho 'stand-in for a version-resolution test; not a provider' >&2\nexit 1\n");
    chmodSync(file, 0o755);
  }
  return mirror;
}

/** `terraform init` of a fresh root against a mirror; the version Terraform selected, or its error. */
async function initWith(name: string, versions: readonly string[]): Promise<{ selected?: string; error?: string }> {
  const root = writeRoot(`root-${name}`);
  const env = terraformEnvironment({ workDir: join(SCRATCH, `cli-${name}`), mirror: standInMirror(name, versions) });
  const cli = new TerraformCli(findTerraform()!, env);
  const init = await cli.run(root, ["init", "-input=false", "-no-color", "-backend=false"], true);
  if (init.code !== 0) return { error: init.stderr };
  const version = JSON.parse((await cli.run(root, ["version", "-json"])).stdout);
  return { selected: version.provider_selections["registry.terraform.io/hashicorp/aws"] };
}

describeWithTerraform("the module's hashicorp/aws requirement, read by Terraform", () => {
  beforeAll(async () => {
    rmSync(SCRATCH, { recursive: true, force: true });
    mkdirSync(SCRATCH, { recursive: true });
    const cli = new TerraformCli(findTerraform()!, terraformEnvironment({ workDir: join(SCRATCH, "cli-version") }));
    platform = JSON.parse((await cli.run(SCRATCH, ["version", "-json"])).stdout).platform;
    cpSync(join(REPO, MODULE_DIR), join(SCRATCH, "module"), { recursive: true, filter: (src) => !src.includes(".terraform") });
  });
  afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }));

  it("`terraform providers` lists the module's constraint (>= 5.0.0, < 7.0.0), offline", async () => {
    const root = writeRoot("providers");
    const cli = new TerraformCli(findTerraform()!, terraformEnvironment({ workDir: join(SCRATCH, "cli-providers") }));
    await cli.run(root, ["get", "-no-color"]); // installs the local module only: no provider, no network
    const listed = await cli.run(root, ["providers", "-no-color"]);
    expect(listed.stdout).toMatch(/module\.service_discovery\n\s+└── provider\[registry\.terraform\.io\/hashicorp\/aws\] >= 5\.0\.0, < 7\.0\.0/);
  });

  it("installs the newest admitted version from a mirror holding 4.67.0 to 7.0.0: 6.66.0", async () => {
    expect(await initWith("all", MIRRORED)).toEqual({ selected: "6.66.0" });
  });

  it.each(["5.0.0", "5.100.0", "6.0.0", "6.66.0"])("accepts %s alone", async (version) => {
    expect(await initWith(version, [version])).toEqual({ selected: version });
  });

  it.each(["4.67.0", "7.0.0"])("refuses %s alone", async (version) => {
    const { selected, error } = await initWith(version, [version]);
    expect(selected).toBeUndefined();
    expect(error).toMatch(/no available releases match the given constraints >= 5\.0\.0, < 7\.0\.0/);
  });
});
