/**
 * findProviderMirror: TF_PLUGIN_MIRROR wins (checked; `none` means the registry), else a mirror
 * found on this machine the way `.ci/run` finds it (remembered in a cache file), else the registry.
 * The search runs over a scratch folder here, not the whole filesystem.
 */
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findProviderMirror } from "../../src/terraform/cli-config";
import { terraformEnvironment } from "../../src/terraform/terraform-cli";
import { scratchDir } from "../support/scratch";

/** A folder laid out as `terraform providers mirror` writes one (packed or unpacked). */
function mirrorAt(root: string, layout: "packed" | "unpacked" = "unpacked"): string {
  const aws = join(root, "registry.terraform.io", "hashicorp", "aws");
  if (layout === "packed") {
    mkdirSync(aws, { recursive: true });
    writeFileSync(join(aws, "terraform-provider-aws_5.100.0_linux_amd64.zip"), "");
  } else {
    mkdirSync(join(aws, "5.100.0", "linux_amd64"), { recursive: true });
    writeFileSync(join(aws, "5.100.0", "linux_amd64", "terraform-provider-aws_v5.100.0_x5"), "");
  }
  return root;
}

describe("findProviderMirror", () => {
  it("takes TF_PLUGIN_MIRROR first, without searching", () => {
    const given = mirrorAt(join(scratchDir("mirror-env"), "given"));
    const elsewhere = mirrorAt(join(scratchDir("mirror-search"), "found"));
    expect(findProviderMirror({ env: { TF_PLUGIN_MIRROR: given }, searchRoots: [elsewhere] })).toEqual({ mirror: given, origin: "TF_PLUGIN_MIRROR" });
  });

  it("refuses a TF_PLUGIN_MIRROR that is not a mirror, saying what a mirror is", () => {
    const dir = scratchDir("not-a-mirror");
    expect(() => findProviderMirror({ env: { TF_PLUGIN_MIRROR: dir } })).toThrow(
      `TF_PLUGIN_MIRROR=${dir} is not a provider mirror: it has no registry.terraform.io folder. Point it at the folder above registry.terraform.io`,
    );
  });

  it("finds a mirror under the search roots (unpacked or packed), skipping installed copies", () => {
    const root = scratchDir("mirror-search");
    // Installed copies of the provider, not mirrors: node_modules, .terraform, .work.
    for (const skipped of ["node_modules/x", "stack/.terraform/providers", ".work/terraform/plugin-cache"]) mirrorAt(join(root, skipped));
    expect(findProviderMirror({ env: {}, searchRoots: [root] }).mirror).toBeUndefined();
    const unpacked = mirrorAt(join(root, "opt", "tf-plugins"));
    expect(findProviderMirror({ env: {}, searchRoots: [root] })).toEqual({ mirror: unpacked, origin: "found on this machine" });
    const packedRoot = scratchDir("mirror-packed");
    const packed = mirrorAt(join(packedRoot, "mirror"), "packed");
    expect(findProviderMirror({ env: {}, searchRoots: [packedRoot] }).mirror).toBe(packed);
  });

  it("remembers what it found, and searches again when that mirror is gone", () => {
    const root = scratchDir("mirror-cache");
    const cacheFile = join(scratchDir("mirror-cache-file"), "provider-mirror.txt");
    const first = mirrorAt(join(root, "first"));
    expect(findProviderMirror({ env: {}, searchRoots: [root], cacheFile }).mirror).toBe(first);
    expect(readFileSync(cacheFile, "utf8").trim()).toBe(first);
    // Cached: found even when the search would not look there.
    expect(findProviderMirror({ env: {}, searchRoots: [scratchDir("empty")], cacheFile }).mirror).toBe(first);
    rmSync(first, { recursive: true });
    const second = mirrorAt(join(root, "second"));
    expect(findProviderMirror({ env: {}, searchRoots: [root], cacheFile }).mirror).toBe(second);
  });

  it("remembers that nothing was found for a day, and says when it searches", () => {
    const cacheFile = join(scratchDir("mirror-none-cache"), "provider-mirror.txt");
    const root = scratchDir("mirror-later");
    const searches: string[] = [];
    const find = () => findProviderMirror({ env: {}, searchRoots: [root], cacheFile, onSearch: () => searches.push("search") });
    expect(find().mirror).toBeUndefined();
    mirrorAt(join(root, "m"));
    expect(find().mirror).toBeUndefined(); // remembered: no second search
    expect(searches).toEqual(["search"]);
    utimesSync(cacheFile, new Date(Date.now() - 25 * 3600_000), new Date(Date.now() - 25 * 3600_000));
    expect(find().mirror).toBe(join(root, "m"));
    expect(searches).toEqual(["search", "search"]);
  });

  it("falls back to the registry when nothing is found, or when TF_PLUGIN_MIRROR=none", () => {
    expect(findProviderMirror({ env: {}, searchRoots: [scratchDir("empty")] })).toEqual({
      mirror: undefined,
      origin: "registry (no TF_PLUGIN_MIRROR, no mirror found on this machine)",
    });
    const root = mirrorAt(join(scratchDir("mirror-none"), "m"));
    expect(findProviderMirror({ env: { TF_PLUGIN_MIRROR: "none" }, searchRoots: [root] })).toEqual({
      mirror: undefined,
      origin: "registry (TF_PLUGIN_MIRROR=none)",
    });
  });
});

describe("terraformEnvironment", () => {
  it("with a mirror, installs hashicorp providers from it alone through a CLI config of its own", () => {
    const work = scratchDir("tf-env-mirror");
    const mirror = mirrorAt(scratchDir("tf-env-the-mirror"));
    const env = terraformEnvironment({ workDir: work, mirror });
    expect(env.TF_CLI_CONFIG_FILE).toBe(join(work, "terraformrc"));
    const config = readFileSync(env.TF_CLI_CONFIG_FILE!, "utf8");
    expect(config).toContain(`path    = ${JSON.stringify(mirror)}`);
    expect(config).toContain(`plugin_cache_dir = ${JSON.stringify(join(work, "plugin-cache"))}`);
  });

  it("without one, keeps the caller's own CLI config (their network mirror, credentials) and sets only the cache", () => {
    const work = scratchDir("tf-env-registry");
    const saved = process.env.TF_CLI_CONFIG_FILE;
    const own = join(scratchDir("tf-env-users-config"), ".terraformrc");
    process.env.TF_CLI_CONFIG_FILE = own;
    try {
      const env = terraformEnvironment({ workDir: work });
      expect(env.TF_CLI_CONFIG_FILE).toBe(own);
      expect(env.TF_PLUGIN_CACHE_DIR).toBe(join(work, "plugin-cache"));
      expect(env.TF_PLUGIN_CACHE_MAY_BREAK_DEPENDENCY_LOCK_FILE).toBe("true");
    } finally {
      if (saved === undefined) delete process.env.TF_CLI_CONFIG_FILE;
      else process.env.TF_CLI_CONFIG_FILE = saved;
    }
  });
});
