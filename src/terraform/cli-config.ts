import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** Environment variable naming the folder that holds `registry.terraform.io/...` provider packages. */
export const PLUGIN_MIRROR_ENV = "TF_PLUGIN_MIRROR";

/** `TF_PLUGIN_MIRROR=none`: use the registry, and do not look for a mirror on this machine. */
export const NO_MIRROR = "none";

/**
 * The provider mirror given by the environment, checked. Air-gapped users (and CI here) point
 * TF_PLUGIN_MIRROR at a `terraform providers mirror` folder; without it Terraform uses the registry.
 */
export function providerMirrorFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = env[PLUGIN_MIRROR_ENV];
  if (!dir) return undefined;
  const root = resolve(dir);
  if (!isProviderMirror(root)) {
    throw new Error(
      `${PLUGIN_MIRROR_ENV}=${dir} is not a provider mirror: it has no registry.terraform.io folder. ` +
        "Point it at the folder above registry.terraform.io (the output folder of `terraform providers mirror`).",
    );
  }
  return root;
}

/** Where Terraform gets the providers from, and why. */
export interface ProviderSource {
  /** Mirror root; undefined: the registry. */
  readonly mirror: string | undefined;
  /** For people: `TF_PLUGIN_MIRROR`, `found on this machine`, `registry`... */
  readonly origin: string;
}

export interface FindMirrorOptions {
  readonly env?: NodeJS.ProcessEnv | undefined;
  /** Folders searched for a mirror. @default ["/"] (the root filesystem, as `.ci/run` searches) */
  readonly searchRoots?: readonly string[] | undefined;
  /**
   * Remembers what the search found, so it runs once per machine: a mirror until it disappears,
   * "none" for a day (a machine that uses the registry should not pay for a search every run).
   * @default - no cache
   */
  readonly cacheFile?: string | undefined;
  /** Called before searching the filesystem (which can take seconds), e.g. to say so. */
  readonly onSearch?: (() => void) | undefined;
}

/** What the cache file holds when the search found nothing. */
const NOTHING_FOUND = "<none>";
const NOTHING_FOUND_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The provider mirror to use: `TF_PLUGIN_MIRROR` when set (checked; `none` means the registry);
 * else a mirror on this machine, found the way `.ci/run` finds it (a `terraform-provider-aws_*`
 * under a `registry.terraform.io` folder; the mirror root is the folder above that); else none,
 * and Terraform uses the registry. The search skips folders that hold installed copies rather
 * than mirrors (`node_modules`, `.git`, `.terraform`, `.work`), and stays on one filesystem.
 */
export function findProviderMirror(opts: FindMirrorOptions = {}): ProviderSource {
  const env = opts.env ?? process.env;
  if (env[PLUGIN_MIRROR_ENV] === NO_MIRROR) return { mirror: undefined, origin: `registry (${PLUGIN_MIRROR_ENV}=${NO_MIRROR})` };
  const given = providerMirrorFromEnv(env);
  if (given) return { mirror: given, origin: PLUGIN_MIRROR_ENV };
  const registry = { mirror: undefined, origin: "registry (no TF_PLUGIN_MIRROR, no mirror found on this machine)" };
  const cached = opts.cacheFile && existsSync(opts.cacheFile) ? readFileSync(opts.cacheFile, "utf8").trim() : "";
  if (cached === NOTHING_FOUND && Date.now() - statSync(opts.cacheFile!).mtimeMs < NOTHING_FOUND_TTL_MS) return registry;
  if (cached && cached !== NOTHING_FOUND && isProviderMirror(cached)) return { mirror: cached, origin: "found on this machine" };
  opts.onSearch?.();
  const found = searchProviderMirror(opts.searchRoots ?? ["/"]);
  if (opts.cacheFile) {
    mkdirSync(dirname(opts.cacheFile), { recursive: true });
    writeFileSync(opts.cacheFile, `${found ?? NOTHING_FOUND}\n`);
  }
  return found === undefined ? registry : { mirror: found, origin: "found on this machine" };
}

/** Whether `dir` looks like a provider mirror root. */
export function isProviderMirror(dir: string): boolean {
  return existsSync(join(dir, "registry.terraform.io"));
}

function searchProviderMirror(roots: readonly string[]): string | undefined {
  const skipped = ["node_modules", ".git", ".terraform", ".work"].flatMap((name, i) => (i === 0 ? ["-name", name] : ["-o", "-name", name]));
  const result = spawnSync(
    "find",
    [...roots, "-xdev", "(", ...skipped, ")", "-prune", "-o", "-name", "terraform-provider-aws_*", "-path", "*/registry.terraform.io/*", "-print", "-quit"],
    { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 120_000 },
  );
  // find exits non-zero on unreadable folders; what it printed still counts.
  const provider = (result.stdout ?? "").split("\n")[0];
  const at = provider.indexOf("/registry.terraform.io/");
  return at >= 0 ? provider.slice(0, at) || "/" : undefined;
}

export interface CliConfigOptions {
  /** Provider mirror root; when set, hashicorp providers come only from it (offline). */
  readonly mirror?: string | undefined;
  /** Shared plugin cache: each `init` links the provider instead of copying ~700 MB. */
  readonly pluginCacheDir: string;
}

/** Terraform CLI configuration text (HCL) for a mirror and a plugin cache. */
export function cliConfigText(opts: CliConfigOptions): string {
  const lines = [
    `plugin_cache_dir = ${JSON.stringify(opts.pluginCacheDir)}`,
    // Lets the cache satisfy a lock file that lists only this platform's checksum.
    "plugin_cache_may_break_dependency_lock_file = true",
    "disable_checkpoint = true",
  ];
  if (opts.mirror) {
    lines.push(
      "provider_installation {",
      "  filesystem_mirror {",
      `    path    = ${JSON.stringify(opts.mirror)}`,
      '    include = ["registry.terraform.io/*/*"]',
      "  }",
      "  direct {",
      '    exclude = ["registry.terraform.io/*/*"]',
      "  }",
      "}",
    );
  }
  return lines.join("\n") + "\n";
}

/** Writes the CLI config file (creating the plugin cache) and returns its path. */
export function writeCliConfig(file: string, opts: CliConfigOptions): string {
  mkdirSync(opts.pluginCacheDir, { recursive: true });
  writeFileSync(file, cliConfigText(opts));
  return file;
}
