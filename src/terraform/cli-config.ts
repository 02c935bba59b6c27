import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** Environment variable naming the folder that holds `registry.terraform.io/...` provider packages. */
export const PLUGIN_MIRROR_ENV = "TF_PLUGIN_MIRROR";

/**
 * The provider mirror given by the environment, checked. Air-gapped users (and CI here) point
 * TF_PLUGIN_MIRROR at a `terraform providers mirror` folder; without it Terraform uses the registry.
 */
export function providerMirrorFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = env[PLUGIN_MIRROR_ENV];
  if (!dir) return undefined;
  const root = resolve(dir);
  if (!existsSync(join(root, "registry.terraform.io"))) {
    throw new Error(
      `${PLUGIN_MIRROR_ENV}=${dir} is not a provider mirror: it has no registry.terraform.io folder. ` +
        "Point it at the folder above registry.terraform.io (the output folder of `terraform providers mirror`).",
    );
  }
  return root;
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
