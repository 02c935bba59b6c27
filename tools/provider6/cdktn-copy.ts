/**
 * The provider6 lane's scratch copy: the repository with its cdktf 0.21 + @cdktf/provider-aws 20
 * (hashicorp/aws 5.100.0) imports rewritten to CDK Terrain (`cdktn`) + @cdktn/provider-aws 25.x
 * (hashicorp/aws 6.x). Never touches the working tree: it copies first, then rewrites the copy.
 *
 *   ts-node --swc tools/provider6/cdktn-copy.ts copy --to DIR       copy + rewrite sources, package.json
 *   ts-node --swc tools/provider6/cdktn-copy.ts snapshots --in DIR  after install: expected snapshot delta
 *
 * The only expected differences in synthesized JSON are the engine version in the metadata and
 * the provider requirement (cdktn writes `source = "hashicorp/aws"` and the bindings' version);
 * the `snapshots` step writes exactly those into the copy's jest snapshots, so any other
 * difference fails the lane's unit run.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** Package versions the copy installs (override with PROVIDER6_BINDINGS / PROVIDER6_CDKTN). */
export const CDKTN_PACKAGES = {
  cdktn: process.env.PROVIDER6_CDKTN ?? "0.24.0",
  bindings: process.env.PROVIDER6_BINDINGS ?? "25.7.0",
  // Both cdktn 0.24 and @cdktn/provider-aws 25 want constructs >=10.6.0 <10.8.0.
  constructs: "10.7.2",
} as const;

/** "cdktf", assembled so that this file reads the same after the lane rewrites it in the copy (its unit test runs there too). */
const CDKTF = ["cdk", "tf"].join("");

/** Rewrites module specifiers of one source file (TypeScript/JavaScript). */
export function rewriteSource(text: string): string {
  return (
    text
      .replace(/@cdktf\/provider-aws/g, "@cdktn/provider-aws")
      // The scope alone, as a string literal (`["@cdktf", "provider-aws"].join("/")`).
      .replace(/(["'])@cdktf\1/g, "$1@cdktn$1")
      // import/export ... from "cdktf", require("cdktf"), require.resolve("cdktf/package.json"),
      // import("cdktf"), jest.mock("cdktf/...")
      .replace(/((?:from|require\(|require\.resolve\(|import\(|mock\()\s*)(["'])cdktf(\/[^"']*)?\2/g, "$1$2cdktn$3$2")
  );
}

type Dependencies = Record<string, string>;

export interface PackageJson {
  dependencies?: Dependencies;
  devDependencies?: Dependencies;
  peerDependencies?: Dependencies;
  [key: string]: unknown;
}

/** package.json of the copy: cdktn and the 6.x bindings instead of cdktf and the 5.x ones. */
export function rewritePackageJson(pkg: PackageJson, versions: { cdktn: string; bindings: string; constructs: string } = CDKTN_PACKAGES): PackageJson {
  const out = JSON.parse(JSON.stringify(pkg)) as PackageJson;
  for (const section of ["dependencies", "devDependencies", "peerDependencies"] as const) {
    for (const name of [CDKTF, `${CDKTF}-cli`, `@${CDKTF}/provider-aws`]) delete out[section]?.[name];
  }
  out.devDependencies = {
    ...out.devDependencies,
    cdktn: versions.cdktn,
    "@cdktn/provider-aws": versions.bindings,
    constructs: versions.constructs,
  };
  out.peerDependencies = { ...out.peerDependencies, cdktn: `^${versions.cdktn}`, "@cdktn/provider-aws": `^${versions.bindings.split(".")[0]}.0.0`, constructs: ">=10.6.0 <10.8.0" };
  return out;
}

/** A jest snapshot with the two expected differences of a cdktn synth written in. */
export function rewriteSnapshot(text: string, engineVersion: string, providerVersion: string): { text: string; replaced: number } {
  let replaced = 0;
  const out = text
    .replace(/("stackName": "[^"]*",\n\s*"version": )"0\.21\.0"/g, (_m, head: string) => {
      replaced++;
      return `${head}"${engineVersion}"`;
    })
    .replace(/("aws": \{\n(\s*)"source": )"aws",(\n\s*"version": )"5\.100\.0"/g, (_m, head: string, _indent: string, mid: string) => {
      replaced++;
      return `${head}"hashicorp/aws",${mid}"${providerVersion}"`;
    });
  return { text: out, replaced };
}

/** Files of the working tree to copy: tracked and untracked, without ignored ones (node_modules, .work). */
function repositoryFiles(root: string): string[] {
  const out = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return out.split("\0").filter((f) => f && existsSync(join(root, f)) && statSync(join(root, f)).isFile());
}

const SOURCE = /\.(ts|js|mjs|cjs)$/;

export function copyAndRewrite(root: string, to: string): { files: number; rewritten: number } {
  const target = resolve(to);
  if (target === resolve(root) || target.startsWith(resolve(root) + "/") && !target.includes("/.work/")) {
    throw new Error(`refusing to write the copy into the working tree (${target}); give a folder outside it`);
  }
  let rewritten = 0;
  const files = repositoryFiles(root);
  for (const file of files) {
    const from = join(root, file);
    const dest = join(target, file);
    mkdirSync(dirname(dest), { recursive: true });
    if (file === "package.json") {
      writeFileSync(dest, JSON.stringify(rewritePackageJson(JSON.parse(readFileSync(from, "utf8"))), null, 2) + "\n");
      rewritten++;
    } else if (SOURCE.test(file)) {
      const text = readFileSync(from, "utf8");
      const changed = rewriteSource(text);
      writeFileSync(dest, changed);
      if (changed !== text) rewritten++;
    } else {
      copyFileSync(from, dest);
    }
  }
  return { files: files.length, rewritten };
}

/** After `npm install` in the copy: the installed engine and provider versions into its snapshots. */
export function rewriteSnapshots(dir: string): { files: number; replaced: number; engine: string; provider: string } {
  const engine = JSON.parse(readFileSync(join(dir, "node_modules/cdktn/package.json"), "utf8")).version as string;
  const providerModule = readFileSync(join(dir, "node_modules/@cdktn/provider-aws/lib/provider/index.js"), "utf8");
  const provider = /providerVersion: '([\d.]+)'/.exec(providerModule)?.[1];
  if (!provider) throw new Error("cannot read providerVersion from @cdktn/provider-aws/lib/provider/index.js");
  let files = 0;
  let replaced = 0;
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (name === "node_modules" || name === ".work") continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".snap")) {
        const result = rewriteSnapshot(readFileSync(path, "utf8"), engine, provider);
        if (result.replaced > 0) {
          writeFileSync(path, result.text);
          files++;
          replaced += result.replaced;
        }
      }
    }
  };
  walk(join(dir, "__tests__"));
  return { files, replaced, engine, provider };
}

function main(argv: readonly string[]): void {
  const [command, flag, dir] = argv;
  const root = resolve(__dirname, "../..");
  if (command === "copy" && flag === "--to" && dir) {
    const { files, rewritten } = copyAndRewrite(root, dir);
    process.stdout.write(`copied ${files} files to ${dir}; rewrote ${rewritten} (imports cdktf -> cdktn, @cdktf/provider-aws -> @cdktn/provider-aws ${CDKTN_PACKAGES.bindings}, package.json)\n`);
  } else if (command === "snapshots" && flag === "--in" && dir) {
    const r = rewriteSnapshots(resolve(dir));
    // The example stacks' snapshots hold both differences; none found means their format changed.
    if (r.replaced === 0) throw new Error("no expected snapshot differences found: did the snapshot format or the 5.x versions change?");
    process.stdout.write(`snapshots: ${r.replaced} expected differences in ${r.files} files (engine cdktn ${r.engine}, provider hashicorp/aws ${r.provider})\n`);
  } else {
    process.stdout.write("usage: ts-node --swc tools/provider6/cdktn-copy.ts copy --to DIR | snapshots --in DIR\n");
    process.exitCode = argv.includes("--help") || argv.includes("-h") ? 0 : 1;
  }
}

if (require.main === module) main(process.argv.slice(2));
