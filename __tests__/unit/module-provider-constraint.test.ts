/**
 * The exported module's hashicorp/aws constraint, read from the committed versions.tf (what HCL
 * users get): it admits the lowest version the module needs (5.0.0), the version the tests plan
 * with (5.100.0) and the 6.x line, and refuses 4.x and 7.0. The Terraform suite checks the same
 * with Terraform's own resolver (module-provider-versions.test.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { admits } from "../../src/ops/provider-version";
import { MODULE_EXAMPLES } from "../../tools/hcl-module/examples";
import { MODULE_DIR } from "../../tools/hcl-module/export-module";
import { MODULE_AWS_PROVIDER_VERSION } from "../../tools/hcl-module/module-stack";

const ROOT = join(__dirname, "../..");

/** The `version` of `required_providers.aws` in an HCL file. */
function awsConstraintIn(file: string): string {
  const text = readFileSync(join(ROOT, file), "utf8");
  const m = /required_providers\s*\{\s*aws\s*=\s*\{[^}]*?version\s*=\s*"([^"]+)"/s.exec(text);
  if (!m) throw new Error(`${file}: no required_providers.aws version`);
  return m[1];
}

describe("the module's hashicorp/aws constraint in versions.tf", () => {
  const constraint = awsConstraintIn(`${MODULE_DIR}/versions.tf`);

  it("is the generator's constraint, and every example root requires the same", () => {
    expect(constraint).toBe(MODULE_AWS_PROVIDER_VERSION);
    for (const example of MODULE_EXAMPLES) expect(awsConstraintIn(`${MODULE_DIR}/examples/${example.name}/main.tf`)).toBe(constraint);
  });

  it.each(["5.0.0", "5.100.0", "6.0.0", "6.4.0", "6.15.0", "6.66.0", "6.999.0"])("admits %s", (version) => {
    expect(admits(constraint, version)).toBe(true);
  });

  it.each(["4.67.0", "4.99.9", "7.0.0", "7.1.0"])("refuses %s", (version) => {
    expect(admits(constraint, version)).toBe(false);
  });
});

describe("the constraint evaluator", () => {
  it.each([
    ["~> 6.4", "6.20.0", true],
    ["~> 6.4", "7.0.0", false],
    ["~> 6.4.1", "6.5.0", false],
    [">= 5.0, != 6.1.0, < 7.0", "6.1.0", false],
    [">= 5.0, != 6.1.0, < 7.0", "6.2.0", true],
    ["= 5.100.0", "5.100.0", true],
  ])("%s admits %s: %s", (constraint, version, expected) => {
    expect(admits(constraint, version)).toBe(expected);
  });
});
