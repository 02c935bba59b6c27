import { execFile } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { delimiter, join } from "node:path";
import { writeCliConfig } from "./cli-config";
import { OFFLINE_ENV } from "./offline";

export interface TerraformResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export class TerraformError extends Error {
  constructor(
    public readonly args: readonly string[],
    public readonly dir: string,
    public readonly result: TerraformResult,
  ) {
    super(`terraform ${args.join(" ")} failed in ${dir} (exit ${result.code}):\n${result.stderr}${result.stdout}`);
    this.name = "TerraformError";
  }
}

/** Path of the `terraform` binary: $TERRAFORM_BIN, or the first on PATH; undefined when absent. */
export function findTerraform(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.TERRAFORM_BIN) return existsSync(env.TERRAFORM_BIN) ? env.TERRAFORM_BIN : undefined;
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, "terraform");
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

export interface TerraformEnvironmentOptions {
  /** Folder for the CLI config and the plugin cache. */
  readonly workDir: string;
  /** Provider mirror root (see providerMirrorFromEnv). */
  readonly mirror?: string | undefined;
  /** Use mock AWS credentials (offline validate/plan). @default true */
  readonly offline?: boolean | undefined;
}

/**
 * Environment for running Terraform: a shared plugin cache, no checkpoint calls, and (offline)
 * mock credentials. With a provider mirror, a CLI config of our own installs hashicorp providers
 * from it alone. Without one, the caller's own CLI config (TF_CLI_CONFIG_FILE or ~/.terraformrc:
 * their network mirror, registry credentials) stays in force, and the cache is set by variable.
 */
export function terraformEnvironment(opts: TerraformEnvironmentOptions): NodeJS.ProcessEnv {
  mkdirSync(opts.workDir, { recursive: true });
  const pluginCacheDir = join(opts.workDir, "plugin-cache");
  let installation: NodeJS.ProcessEnv;
  if (opts.mirror === undefined) {
    mkdirSync(pluginCacheDir, { recursive: true });
    installation = { TF_PLUGIN_CACHE_DIR: pluginCacheDir, TF_PLUGIN_CACHE_MAY_BREAK_DEPENDENCY_LOCK_FILE: "true" };
  } else {
    installation = { TF_CLI_CONFIG_FILE: writeCliConfig(join(opts.workDir, "terraformrc"), { mirror: opts.mirror, pluginCacheDir }) };
  }
  return {
    ...process.env,
    ...installation,
    TF_IN_AUTOMATION: "1",
    TF_INPUT: "0",
    CHECKPOINT_DISABLE: "1",
    ...(opts.offline === false ? {} : OFFLINE_ENV),
  };
}

export interface PlanOptions {
  /** Plan file name, relative to the root module. @default "tfplan" */
  readonly out?: string | undefined;
  /** @default true */
  readonly refresh?: boolean | undefined;
  readonly destroy?: boolean | undefined;
  /** A state file to plan against (local backend). */
  readonly state?: string | undefined;
  readonly vars?: Record<string, unknown> | undefined;
  /** Return a failed plan instead of throwing. @default false */
  readonly allowFailure?: boolean | undefined;
}

/** One finished Terraform command, for progress output. */
export interface TerraformCommandEvent {
  /** `["plan", "-input=false", ...]` */
  readonly args: readonly string[];
  /** The root module it ran in. */
  readonly dir: string;
  readonly durationMs: number;
  readonly code: number;
}

export interface TerraformCliOptions {
  /** Called after every command (long runs print a line per command with it). */
  readonly onCommand?: ((event: TerraformCommandEvent) => void) | undefined;
}

/** A thin async wrapper over the Terraform CLI. */
export class TerraformCli {
  constructor(
    public readonly bin: string,
    public readonly env: NodeJS.ProcessEnv,
    public readonly options: TerraformCliOptions = {},
  ) {}

  public run(dir: string, args: string[], allowFailure = false): Promise<TerraformResult> {
    const started = Date.now();
    return new Promise((resolvePromise, reject) => {
      execFile(
        this.bin,
        args,
        { cwd: dir, env: this.env, maxBuffer: 256 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
          const result = { code, stdout: String(stdout), stderr: String(stderr) };
          this.options.onCommand?.({ args, dir, durationMs: Date.now() - started, code });
          if (code !== 0 && !allowFailure) reject(new TerraformError(args, dir, result));
          else resolvePromise(result);
        },
      );
    });
  }

  public init(dir: string): Promise<TerraformResult> {
    return this.run(dir, ["init", "-input=false", "-no-color"]);
  }

  /** `terraform validate -json`, parsed. */
  public async validate(dir: string): Promise<{ valid: boolean; diagnostics: Diagnostic[] }> {
    const result = await this.run(dir, ["validate", "-json", "-no-color"], true);
    return JSON.parse(result.stdout);
  }

  public plan(dir: string, opts: PlanOptions = {}): Promise<TerraformResult> {
    const args = ["plan", "-input=false", "-no-color", "-lock=false", `-out=${opts.out ?? "tfplan"}`];
    if (opts.refresh === false) args.push("-refresh=false");
    if (opts.destroy) args.push("-destroy");
    if (opts.state) args.push(`-state=${opts.state}`);
    for (const [name, value] of Object.entries(opts.vars ?? {})) {
      args.push("-var", `${name}=${typeof value === "string" ? value : JSON.stringify(value)}`);
    }
    return this.run(dir, args, opts.allowFailure);
  }

  /** `terraform show -json <planfile>`, parsed. */
  public async showPlan(dir: string, planFile = "tfplan"): Promise<PlanJson> {
    const result = await this.run(dir, ["show", "-json", "-no-color", planFile]);
    if (result.stdout.trim() === "") {
      throw new Error(`terraform show -json ${planFile} printed nothing in ${dir} (exit 0)${result.stderr ? `: ${result.stderr.trim()}` : ""}`);
    }
    return JSON.parse(result.stdout);
  }
}

export interface Diagnostic {
  readonly severity: "error" | "warning";
  readonly summary: string;
  readonly detail?: string | undefined;
  readonly address?: string | undefined;
}

/** The parts of `terraform show -json` this project reads. */
export interface PlanJson {
  readonly format_version: string;
  readonly planned_values?: { readonly root_module: PlanModule } | undefined;
  readonly resource_changes?: readonly ResourceChange[] | undefined;
  readonly configuration?: unknown | undefined;
  readonly prior_state?: unknown | undefined;
}

export interface PlanModule {
  readonly resources?: readonly PlannedResource[] | undefined;
  readonly child_modules?: readonly (PlanModule & { address: string })[] | undefined;
}

export interface PlannedResource {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly index?: number | string | undefined;
  readonly values: Record<string, unknown>;
}

export interface ResourceChange {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly change: {
    readonly actions: readonly string[];
    readonly before: Record<string, unknown> | null;
    readonly after: Record<string, unknown> | null;
    readonly after_unknown?: Record<string, unknown> | undefined;
    readonly replace_paths?: readonly (readonly (string | number)[])[] | undefined;
  };
  readonly action_reason?: string | undefined;
}

/** All planned resources of a plan, child modules included. */
export function plannedResources(plan: PlanJson): PlannedResource[] {
  const out: PlannedResource[] = [];
  const walk = (m: PlanModule | undefined) => {
    if (!m) return;
    out.push(...(m.resources ?? []));
    (m.child_modules ?? []).forEach(walk);
  };
  walk(plan.planned_values?.root_module);
  return out;
}
