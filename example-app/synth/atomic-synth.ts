import { App, AppConfig } from "cdktf";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

export interface AtomicSynthOptions {
  /** Final output folder. @default $CDKTF_OUTDIR, else "cdktf.out" */
  readonly outdir?: string;
  /** Extra App options (context, hclOutput...). */
  readonly appConfig?: Omit<AppConfig, "outdir">;
}

/**
 * Synthesizes into a staging folder and only on success moves the result into the output folder.
 * A failing synth (a rule violation, an exception in a stack) therefore writes nothing and leaves
 * an earlier good cdktf.out untouched. Files Terraform keeps beside the synthesized JSON
 * (.terraform/, lock files, plans) are left in place.
 */
export function synthAtomically(define: (app: App, outdir: string) => void, opts: AtomicSynthOptions = {}): string {
  const outdir = resolve(opts.outdir ?? process.env.CDKTF_OUTDIR ?? "cdktf.out");
  mkdirSync(dirname(outdir), { recursive: true });
  const staging = mkdtempSync(join(dirname(outdir), ".cdktf-staging-"));
  try {
    const app = new App({ stackTraces: false, ...opts.appConfig, outdir: staging });
    define(app, outdir);
    app.synth();
    publish(staging, outdir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return outdir;
}

/** Moves every file of `from` to the same relative place under `to` (renames, same filesystem). */
function publish(from: string, to: string): void {
  for (const file of listFiles(from)) {
    const target = join(to, relative(from, file));
    mkdirSync(dirname(target), { recursive: true });
    try {
      renameSync(file, target);
    } catch {
      cpSync(file, target); // e.g. a target directory of the same name; copy instead
    }
  }
  // The manifest lands last so readers never see a manifest that points at missing stacks.
  if (!existsSync(join(to, "manifest.json"))) throw new Error(`synth produced no manifest in ${to}`);
}

function listFiles(dir: string): string[] {
  const entries = readdirSync(dir).map((name) => join(dir, name));
  const files = entries.flatMap((p) => (statSync(p).isDirectory() ? listFiles(p) : [p]));
  // manifest.json last (see publish)
  return files.sort((a, b) => Number(a.endsWith("manifest.json")) - Number(b.endsWith("manifest.json")));
}
