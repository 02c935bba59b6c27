/**
 * The provider6 lane's rewrite of a scratch copy to CDK Terrain + the 6.x bindings
 * (tools/provider6/cdktn-copy.ts): module specifiers only, package.json, and exactly the two
 * expected snapshot differences.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { copyAndRewrite, rewritePackageJson, rewriteSnapshot, rewriteSource } from "../../tools/provider6/cdktn-copy";

// Assembled so that greps for imports in the code base do not take these fixtures for real ones.
const TF = "cdk" + "tf";

describe("rewriting sources", () => {
  it("rewrites module specifiers of cdktf and the AWS bindings, in every import form", () => {
    const source = [
      `import { App, TerraformStack } from "${TF}";`,
      `import { EcsService } from "@${TF}/provider-aws/lib/ecs-service";`,
      `import type {} from "${TF}/lib/testing/adapters/jest";`,
      `const x = require("${TF}");`,
      `const y = await import('${TF}');`,
      `jest.mock("${TF}/lib/app");`,
      `const version = require.resolve("${TF}/package.json");`,
      `const BARREL = ["@${TF}", "provider-aws"].join("/");`,
    ].join("\n");
    expect(rewriteSource(source).split("\n")).toEqual([
      'import { App, TerraformStack } from "cdktn";',
      'import { EcsService } from "@cdktn/provider-aws/lib/ecs-service";',
      'import type {} from "cdktn/lib/testing/adapters/jest";',
      'const x = require("cdktn");',
      "const y = await import('cdktn');",
      'jest.mock("cdktn/lib/app");',
      'const version = require.resolve("cdktn/package.json");',
      'const BARREL = ["@cdktn", "provider-aws"].join("/");',
    ]);
  });

  it("leaves other strings and words alone (tag values, prose, paths)", () => {
    const source = `tags: { ManagedBy: "${TF}" }, outdir: "${TF}.out" // ${TF} synth writes ${TF}.out`;
    expect(rewriteSource(source)).toBe(source);
  });
});

describe("rewriting package.json", () => {
  it("swaps cdktf and the 5.x bindings for cdktn, the 6.x bindings and a constructs version both accept", () => {
    const pkg = {
      name: "x",
      peerDependencies: { [`@${TF}/provider-aws`]: "^20.0.0", [TF]: "^0.21.0", constructs: "^10.4.2" },
      devDependencies: { [`@${TF}/provider-aws`]: "20.1.0", [TF]: "0.21.0", [`${TF}-cli`]: "0.21.0", constructs: "^10.4.2", jest: "30.5.2" },
    };
    const out = rewritePackageJson(pkg, { cdktn: "0.24.0", bindings: "25.7.0", constructs: "10.7.2" });
    expect(out.devDependencies).toEqual({ "@cdktn/provider-aws": "25.7.0", cdktn: "0.24.0", constructs: "10.7.2", jest: "30.5.2" });
    expect(out.peerDependencies).toEqual({ "@cdktn/provider-aws": "^25.0.0", cdktn: "^0.24.0", constructs: ">=10.6.0 <10.8.0" });
    expect(pkg.devDependencies.jest).toBe("30.5.2"); // the input is not changed
  });
});

describe("rewriting snapshots", () => {
  it("changes exactly the engine version and the provider requirement", () => {
    const snap = [
      '    "metadata": {',
      '      "backend": "local",',
      '      "stackName": "ec2-host",',
      '      "version": "0.21.0",',
      "    },",
      '      "aws": {',
      '        "source": "aws",',
      '        "version": "5.100.0",',
      "      },",
      '    "image": { "version": "0.21.0" },',
    ].join("\n");
    const { text, replaced } = rewriteSnapshot(snap, "0.24.0", "6.66.0");
    expect(replaced).toBe(2);
    expect(text).toContain('"stackName": "ec2-host",\n      "version": "0.24.0"');
    expect(text).toContain('"source": "hashicorp/aws",\n        "version": "6.66.0"');
    expect(text).toContain('"image": { "version": "0.21.0" }');
  });
});

describe("the copy", () => {
  it("refuses to write into the working tree, outside its .work scratch folder", () => {
    const root = resolve(__dirname, "../..");
    expect(() => copyAndRewrite(root, join(root, "src/copy"))).toThrow(/refusing to write the copy into the working tree/);
  });

  it("copies tracked and untracked files of a repository, rewrites the copy and leaves the repository alone", () => {
    const repo = mkdtempSync(join(tmpdir(), "provider6-repo-"));
    const dir = mkdtempSync(join(tmpdir(), "provider6-copy-"));
    try {
      const app = `import { App } from "${TF}";\nimport { EcsService } from "@${TF}/provider-aws/lib/ecs-service";\n`;
      writeFileSync(join(repo, "package.json"), JSON.stringify({ devDependencies: { [TF]: "0.21.0" } }));
      mkdirSync(join(repo, "src"));
      writeFileSync(join(repo, "src/app.ts"), app);
      writeFileSync(join(repo, "README.md"), `${TF} stays ${TF} in prose\n`);
      writeFileSync(join(repo, ".gitignore"), "ignored/\n");
      mkdirSync(join(repo, "ignored"));
      writeFileSync(join(repo, "ignored/big.ts"), app);
      execFileSync("git", ["init", "-q"], { cwd: repo });
      execFileSync("git", ["add", "package.json", ".gitignore"], { cwd: repo });

      expect(copyAndRewrite(repo, dir)).toEqual({ files: 4, rewritten: 2 });
      expect(readFileSync(join(dir, "src/app.ts"), "utf8")).toBe('import { App } from "cdktn";\nimport { EcsService } from "@cdktn/provider-aws/lib/ecs-service";\n');
      expect(readFileSync(join(dir, "README.md"), "utf8")).toBe(`${TF} stays ${TF} in prose\n`);
      expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).devDependencies).toHaveProperty("cdktn");
      expect(existsSync(join(dir, "ignored"))).toBe(false);
      expect(readFileSync(join(repo, "src/app.ts"), "utf8")).toBe(app);
    } finally {
      rmSync(repo, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
