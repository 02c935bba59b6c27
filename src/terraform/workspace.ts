import { copyFileSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { OFFLINE_OVERRIDE_FILE, OFFLINE_PROVIDER_SETTINGS } from "./offline";
import { PLUGIN_MIRROR_ENV } from "./cli-config";
import {
  PlanJson,
  PlanOptions,
  TerraformCli,
  TerraformCliOptions,
  TerraformError,
  TerraformResult,
  findTerraform,
  terraformEnvironment,
} from "./terraform-cli";

/** The provider every root module here uses; the seed init installs it once. */
const PROVIDER_REQUIREMENT = { aws: { source: "hashicorp/aws", version: "5.100.0" } };

/**
 * Terraform cannot be prepared (the provider cannot be installed): one message that says what
 * to set, instead of Terraform's whole init output.
 */
export class TerraformSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TerraformSetupError";
  }
}

/** Local state file an offline root plans against (the override replaces any configured backend). */
export const OFFLINE_STATE_FILE = "offline.tfstate";

export interface WorkspaceOptions {
  /** Scratch folder for the CLI config, plugin cache and shared data dir. */
  readonly workDir: string;
  /** Provider mirror root. @default - Terraform's default installation (registry) */
  readonly mirror?: string | undefined;
  /** Where the mirror came from (`TF_PLUGIN_MIRROR`, `found on this machine`), for messages. */
  readonly mirrorOrigin?: string | undefined;
  /** @default - findTerraform() */
  readonly bin?: string | undefined;
  /** Progress hooks of every Terraform command run through the workspace. */
  readonly cliOptions?: TerraformCliOptions | undefined;
}

/**
 * Runs many root modules against one provider installation, offline:
 * - one `terraform init` of a seed root fills a shared data dir (TF_DATA_DIR) and lock file;
 * - each root gets the lock file and an override file (mock credentials, skip flags, a local
 *   backend), so validate/plan need no per-root init and no AWS account;
 * - roots that call modules get their own quick init (module paths live in the data dir).
 * Provider start-up dominates each command (~2 s), so callers run roots in parallel.
 */
export class TerraformWorkspace {
  /** Prepares the workspace; the seed init runs once per work folder and process. */
  public static async create(opts: WorkspaceOptions): Promise<TerraformWorkspace> {
    const bin = opts.bin ?? findTerraform();
    if (!bin) throw new Error("terraform not found on PATH (or $TERRAFORM_BIN)");
    const workDir = resolve(opts.workDir);
    const env = terraformEnvironment({ workDir, mirror: opts.mirror });
    const dataDir = join(workDir, "data");
    const seed = join(workDir, "seed");
    mkdirSync(seed, { recursive: true });
    writeFileSync(join(seed, "main.tf.json"), JSON.stringify(seedRoot(), null, 2));
    const workspace = new TerraformWorkspace(new TerraformCli(bin, { ...env, TF_DATA_DIR: dataDir }, opts.cliOptions), seed);
    await withDirectoryLock(join(workDir, "seed.lock"), async () => {
      if (!existsSync(join(seed, ".terraform.lock.hcl")) || !existsSync(join(dataDir, "providers"))) {
        try {
          await workspace.sharedCli.init(seed);
        } catch (e) {
          throw e instanceof TerraformError ? new TerraformSetupError(initFailureMessage(e, opts)) : e;
        }
      }
    });
    return workspace;
  }

  private constructor(
    /** CLI bound to the shared data dir. */
    public readonly sharedCli: TerraformCli,
    private readonly seedDir: string,
  ) {}

  /** Environment of the shared CLI (config, data dir, mock credentials). */
  public get env(): NodeJS.ProcessEnv {
    return this.sharedCli.env;
  }

  /** A CLI with its own data dir per root (`.terraform/` in the root), for roots that call modules. */
  public get ownDataDirCli(): TerraformCli {
    const { TF_DATA_DIR: _unused, ...env } = this.sharedCli.env;
    return new TerraformCli(this.sharedCli.bin, env, this.sharedCli.options);
  }

  /**
   * Makes `dir` plannable offline. Roots without module calls share the seeded data dir; roots
   * with module calls (`withModules`) are initialized on their own (fast: the plugin cache links).
   */
  public async prepareRoot(dir: string, opts: { withModules?: boolean } = {}): Promise<void> {
    writeFileSync(join(dir, OFFLINE_OVERRIDE_FILE), JSON.stringify(offlineOverride(), null, 2) + "\n");
    if (opts.withModules) {
      await this.ownDataDirCli.init(dir);
    } else {
      copyFileSync(join(this.seedDir, ".terraform.lock.hcl"), join(dir, ".terraform.lock.hcl"));
    }
  }

  public cliFor(opts: { withModules?: boolean } = {}): TerraformCli {
    return opts.withModules ? this.ownDataDirCli : this.sharedCli;
  }

  public validate(dir: string, opts: { withModules?: boolean } = {}) {
    return this.cliFor(opts).validate(dir);
  }

  public plan(dir: string, opts: PlanOptions & { withModules?: boolean } = {}): Promise<TerraformResult> {
    return this.cliFor(opts).plan(dir, opts);
  }

  public showPlan(dir: string, opts: { withModules?: boolean; planFile?: string } = {}): Promise<PlanJson> {
    return this.cliFor(opts).showPlan(dir, opts.planFile);
  }
}

const PROVIDER = `hashicorp/aws ${PROVIDER_REQUIREMENT.aws.version}`;

/** What `terraform init` said went wrong, in one line: its first error and the sentence after it. */
function terraformReason(error: TerraformError): string {
  const lines = `${error.result.stderr}\n${error.result.stdout}`.split("\n").map((l) => l.trim());
  const at = lines.findIndex((l) => l.startsWith("Error: "));
  if (at < 0) return `exit ${error.result.code}`;
  const detail: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (line === "" && detail.length > 0) break;
    if (line !== "") detail.push(line);
  }
  const text = [lines[at].slice("Error: ".length), detail.join(" ")].filter(Boolean).join(": ");
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

/** The one message for a failed seed init: what happened and exactly what to set. */
function initFailureMessage(error: TerraformError, opts: WorkspaceOptions): string {
  const reason = terraformReason(error);
  const mirrorHelp =
    `the folder above registry.terraform.io, as \`terraform providers mirror <folder>\` writes it on a machine with registry ` +
    `access from a configuration that requires ${PROVIDER}`;
  if (opts.mirror === undefined) {
    return (
      `Terraform cannot install ${PROVIDER}: \`terraform init\` used the ${opts.mirrorOrigin ?? "registry (no provider mirror given)"} ` +
      `and failed (${reason}). ` +
      `Set ${PLUGIN_MIRROR_ENV} to a provider mirror, ${mirrorHelp}; e.g. \`${PLUGIN_MIRROR_ENV}=/path/to/mirror npm test\`.`
    );
  }
  return (
    `Terraform cannot install ${PROVIDER} from the provider mirror ${opts.mirror}` +
    `${opts.mirrorOrigin ? ` (${opts.mirrorOrigin})` : ""}: \`terraform init\` failed (${reason}). ` +
    `Set ${PLUGIN_MIRROR_ENV} to a mirror that holds ${PROVIDER}, ${mirrorHelp}.`
  );
}

/** Serializes the seed init across processes (parallel jest runs, a test run beside plan:offline). */
async function withDirectoryLock<T>(lockDir: string, body: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      // A lock older than the deadline window is left over from a killed process.
      if (Date.now() - statSync(lockDir).mtimeMs > 120_000) rmSync(lockDir, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockDir}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await body();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

function seedRoot() {
  return {
    terraform: { required_providers: PROVIDER_REQUIREMENT, backend: { local: { path: OFFLINE_STATE_FILE } } },
  };
}

/** Provider settings for planning without AWS, and a local backend in place of any other. */
export function offlineOverride(): Record<string, unknown> {
  return {
    terraform: { backend: { local: { path: OFFLINE_STATE_FILE } } },
    provider: { aws: OFFLINE_PROVIDER_SETTINGS },
  };
}
