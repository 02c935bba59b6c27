/**
 * `npm run bench`: the library against hand-written cdktf L1 code for the same topology, module
 * load time, and `cdktf synth` of the example app against an empty app. Writes bench/results.json,
 * bench/results.md and bench/chart.svg, and the Performance section of README.md (between its
 * markers) from the same results.
 *
 * Flags: `npm run bench -- --help` (bench/launch.js, which compiles this to .work/bench/dist
 * first, so TypeScript compilation is never part of a measurement).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { Variant } from "./build-and-synth";
import { renderChart } from "./chart";
import { FINDINGS } from "./findings";
import { LOAD_VARIANTS, LoadChildResult, LoadVariant } from "./load-child";
import { MeasureChildResult } from "./measure-child";
import { summarizeProfile } from "./profile-summary";
import { renderReadmeSection, updateReadme } from "./readme-section";
import { renderMarkdown } from "./report";
import {
  BenchResults,
  LoadResult,
  ScalingRow,
  SynthCommandResult,
  TargetResult,
  TestSuiteTiming,
  VariantAtSize,
} from "./results";
import { countResources } from "./resource-counts";
import { round, summarize } from "./stats";
import { CpuSnapshot, childrenCpuMs, cpuSnapshot, oneMinuteLoad, otherCoresBusy } from "./system-load";
import { SIZES } from "./topology";

type Part = "scaling" | "load" | "synth";
const PARTS: readonly Part[] = ["scaling", "load", "synth"];

interface Options {
  readonly quick: boolean;
  /** Parts to run (all by default). */
  readonly only: readonly Part[];
  readonly tests: boolean;
  readonly profile: boolean;
}

/** The repository root: the folder above this file that holds cdktf.json. */
function findRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, "cdktf.json")) && existsSync(join(dir, "package.json"))) return dir;
  }
  throw new Error(`no cdktf.json above ${__dirname}`);
}

const ROOT = findRoot();
const WORK = join(ROOT, ".work", "bench");
const LIBRARY_ENTRY = resolve(__dirname, "..", "src", "index.js");
const CDKTF_CLI = require.resolve("cdktf-cli/bundle/bin/cdktf", { paths: [ROOT] });

let maxLoad = 0;
function noteLoad(): void {
  maxLoad = Math.max(maxLoad, oneMinuteLoad());
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Runs a compiled child script with node and parses its one JSON line. */
function runChild<T>(script: string, args: string[], nodeFlags: string[] = []): T {
  noteLoad();
  const r = spawnSync(process.execPath, [...nodeFlags, join(__dirname, script), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    throw new Error(`${script} ${args.join(" ")} failed (exit ${r.status}):\n${r.stderr}`);
  }
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as T;
}

// ---------------------------------------------------------------------------------------------
// Build + synth scaling
// ---------------------------------------------------------------------------------------------

function repetitionsFor(n: number, opts: Options): number {
  if (opts.quick) return 2;
  if (n >= 3000) return 3; // ~7 s per run; three keep the whole bench within a few minutes
  if (n >= 1000) return 5;
  return 7;
}

function measure(variant: Variant, n: number): { result: MeasureChildResult; outdir: string } {
  const outdir = join(WORK, "out", `${variant}-${n}`);
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(dirname(outdir), { recursive: true });
  const result = runChild<MeasureChildResult>("measure-child.js", [variant, String(n), outdir]);
  return { result, outdir };
}

function variantSummary(samples: MeasureChildResult[]): VariantAtSize {
  return {
    totalMs: summarize(samples.map((s) => s.totalMs)),
    buildMs: summarize(samples.map((s) => s.buildMs)),
    synthMs: summarize(samples.map((s) => s.synthMs)),
    totalCpuMs: summarize(samples.map((s) => s.totalCpuMs)),
    maxRssMb: summarize(samples.map((s) => s.maxRssMb)),
  };
}

function runScaling(opts: Options): ScalingRow[] {
  const sizes = opts.quick ? SIZES.filter((n) => n <= 1000) : [...SIZES];
  // Warm-up (discarded): the first processes pay for cold file caches.
  measure("library", 10);
  measure("l1", 10);
  const rows: ScalingRow[] = [];
  for (const n of sizes) {
    const reps = repetitionsFor(n, opts);
    const samples: Record<Variant, MeasureChildResult[]> = { library: [], l1: [] };
    const counts: Partial<Record<Variant, Record<string, number>>> = {};
    for (let rep = 0; rep < reps; rep++) {
      // Alternate which variant goes first, so drift in machine load hits both alike.
      const order: Variant[] = rep % 2 === 0 ? ["library", "l1"] : ["l1", "library"];
      for (const variant of order) {
        const { result, outdir } = measure(variant, n);
        samples[variant].push(result);
        counts[variant] ??= countResources(join(outdir, "stacks", "bench", "cdk.tf.json"));
        rmSync(outdir, { recursive: true, force: true });
      }
    }
    const same = JSON.stringify(counts.library) === JSON.stringify(counts.l1);
    if (!same) {
      throw new Error(`N=${n}: the variants synthesized different resources: ${JSON.stringify(counts)}`);
    }
    const library = variantSummary(samples.library);
    const l1 = variantSummary(samples.l1);
    const row: ScalingRow = {
      n,
      resources: Object.values(counts.library!).reduce((a, b) => a + b, 0),
      repetitions: reps,
      library,
      l1,
      ratio: round(library.totalMs.median / l1.totalMs.median, 3),
      cpuRatio: round(library.totalCpuMs.median / l1.totalCpuMs.median, 3),
    };
    log(
      `N=${n}: library ${library.totalMs.median} ms, L1 ${l1.totalMs.median} ms, ratio ${row.ratio} (CPU time ratio ${row.cpuRatio}), peak RSS ${library.maxRssMb.max}/${l1.maxRssMb.max} MB`,
    );
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Module load
// ---------------------------------------------------------------------------------------------

function runLoad(opts: Options): BenchResults["load"] {
  const reps = opts.quick ? 3 : 9;
  // A first (discarded) library load tells which provider classes the library uses; the deep
  // variant then loads exactly those.
  const libraryModules = runChild<LoadChildResult>("load-child.js", ["library", LIBRARY_ENTRY]).providerModules;
  const load = (v: LoadVariant) => runChild<LoadChildResult>("load-child.js", [v, LIBRARY_ENTRY, libraryModules.join(",")]);
  const samples: Record<LoadVariant, LoadChildResult[]> = { library: [], deep: [], barrel: [] };
  for (let rep = 0; rep < reps; rep++) {
    const order: LoadVariant[] = rep % 2 === 0 ? ["library", "deep"] : ["deep", "library"];
    for (const v of order) samples[v].push(load(v));
  }
  if (!opts.quick) {
    for (let rep = 0; rep < 3; rep++) samples.barrel.push(load("barrel"));
  }
  const deepModules = samples.deep[0].providerModules;
  if (JSON.stringify(libraryModules) !== JSON.stringify(deepModules)) {
    throw new Error(
      `unfair load comparison: the library loads provider modules ${libraryModules.join(", ")} but the deep-import variant loaded ${deepModules.join(", ")}`,
    );
  }
  const variants: Partial<Record<LoadVariant, LoadResult>> = {};
  for (const v of LOAD_VARIANTS) {
    if (samples[v].length === 0) continue;
    variants[v] = {
      requireMs: summarize(samples[v].map((s) => s.requireMs)),
      modules: samples[v][0].modules,
      maxRssMb: summarize(samples[v].map((s) => s.maxRssMb)),
    };
    log(`load ${v}: ${variants[v]!.requireMs.median} ms, ${variants[v]!.modules} modules`);
  }
  return { variants, libraryProviderModules: libraryModules };
}

// ---------------------------------------------------------------------------------------------
// cdktf synth: main.ts against an empty app
// ---------------------------------------------------------------------------------------------

/** A throwaway app under .work run by the same `app` command as the project's cdktf.json. */
function prepareEmptyApp(): string {
  const dir = join(WORK, "empty-app");
  mkdirSync(dir, { recursive: true });
  const projectConfig = JSON.parse(readFileSync(join(ROOT, "cdktf.json"), "utf8")) as Record<string, unknown>;
  writeFileSync(
    join(dir, "cdktf.json"),
    `${JSON.stringify({ language: projectConfig.language, app: projectConfig.app, terraformProviders: [], terraformModules: [], context: {} }, null, 2)}\n`,
  );
  writeFileSync(
    join(dir, "main.ts"),
    [
      "// The smallest cdktf app: the baseline `npm run bench` compares main.ts against.",
      'import { App, TerraformStack } from "cdktf";',
      "const app = new App();",
      'new TerraformStack(app, "empty");',
      "app.synth();",
      "",
    ].join("\n"),
  );
  return dir;
}

function timeSynth(cwd: string, outdir: string): { wallMs: number; cpuMs?: number } {
  rmSync(outdir, { recursive: true, force: true });
  noteLoad();
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CDKTF_CLI, "synth", "--output", outdir], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - t0;
  const cpu1 = childrenCpuMs();
  if (r.status !== 0) throw new Error(`cdktf synth in ${cwd} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  if (!existsSync(join(outdir, "manifest.json"))) throw new Error(`cdktf synth in ${cwd} wrote no manifest to ${outdir}`);
  return cpu0 !== undefined && cpu1 !== undefined ? { wallMs, cpuMs: cpu1 - cpu0 } : { wallMs };
}

function runCdktfSynth(opts: Options): BenchResults["cdktfSynth"] {
  try {
    const emptyApp = prepareEmptyApp();
    const reps = opts.quick ? 1 : 4;
    const main: { wallMs: number; cpuMs?: number }[] = [];
    const empty: { wallMs: number; cpuMs?: number }[] = [];
    for (let rep = 0; rep < reps; rep++) {
      const order = rep % 2 === 0 ? ["main", "empty"] : ["empty", "main"];
      for (const which of order) {
        if (which === "main") main.push(timeSynth(ROOT, join(WORK, "synth-main", "cdktf.out")));
        else empty.push(timeSynth(emptyApp, join(emptyApp, "cdktf.out")));
      }
    }
    const result = (runs: typeof main): SynthCommandResult => {
      const cpu = runs.map((r) => r.cpuMs).filter((v): v is number => v !== undefined);
      return { wallMs: summarize(runs.map((r) => r.wallMs), 0), cpuMs: cpu.length === runs.length ? summarize(cpu, 0) : undefined };
    };
    const mainResult = result(main);
    const emptyResult = result(empty);
    const ratio = round(mainResult.wallMs.median / emptyResult.wallMs.median, 3);
    const cpuRatio =
      mainResult.cpuMs && emptyResult.cpuMs ? round(mainResult.cpuMs.median / emptyResult.cpuMs.median, 3) : undefined;
    log(
      `cdktf synth: main.ts ${mainResult.wallMs.median} ms, empty app ${emptyResult.wallMs.median} ms, ratio ${ratio} (CPU time ratio ${cpuRatio})`,
    );
    return { command: "cdktf synth --output <dir>", main: mainResult, emptyApp: emptyResult, ratio, cpuRatio };
  } catch (e) {
    const error = (e as Error).message;
    log(`cdktf synth not measured: ${error}`);
    return { error: error.slice(0, 2000) };
  }
}

// ---------------------------------------------------------------------------------------------
// Test suite (optional)
// ---------------------------------------------------------------------------------------------

/**
 * Wall time and CPU time of a command: CPU time is that of every process it waited for (the
 * shell reaps npm, npm reaps jest, jest its workers, the workers Terraform), which load on the
 * machine does not change; wall time is what load stretches.
 */
function timeCommand(command: string, limitSeconds: number): TestSuiteTiming {
  noteLoad();
  log(`timing \`${command}\`...`);
  const cpu0 = childrenCpuMs();
  const before = cpuSnapshot();
  const t0 = performance.now();
  const r = spawnSync(command, { cwd: ROOT, shell: true, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const wallSeconds = round((performance.now() - t0) / 1000, 1);
  const cpu1 = childrenCpuMs();
  const others = otherCoresBusy(before, cpuSnapshot());
  const cpuSeconds = cpu0 !== undefined && cpu1 !== undefined ? round((cpu1 - cpu0) / 1000, 1) : undefined;
  if (r.status !== 0) log(r.stderr.slice(-4000));
  log(`\`${command}\`: ${wallSeconds} s wall, ${cpuSeconds ?? "n/a"} s CPU, other processes ${others === undefined ? "n/a" : `${others.toFixed(2)} cores`} (exit ${r.status})`);
  return { command, wallSeconds, cpuSeconds, otherCoresBusy: others === undefined ? undefined : round(others, 2), exitCode: r.status ?? -1, limitSeconds };
}

// ---------------------------------------------------------------------------------------------
// Profiles (optional)
// ---------------------------------------------------------------------------------------------

function runProfiles(): void {
  const dir = join(WORK, "profiles");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const variant of ["library", "l1"] as const) {
    const name = `${variant}-1000.cpuprofile`;
    const outdir = join(WORK, "out", `profile-${variant}`);
    runChild<MeasureChildResult>("measure-child.js", [variant, "1000", outdir], ["--cpu-prof", `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}`]);
    rmSync(outdir, { recursive: true, force: true });
    log(`\n${join(dir, name)} (open in Chrome DevTools > Performance):\n${summarizeProfile(join(dir, name), 15)}`);
  }
}

// ---------------------------------------------------------------------------------------------

function targets(r: Omit<BenchResults, "targets">): TargetResult[] {
  const out: TargetResult[] = [];
  const add = (id: string, description: string, value: number, limit: number, unit: string, cpuTimeValue?: number) =>
    out.push({
      id,
      description,
      value: round(value, 2),
      limit,
      unit,
      cpuTimeValue: cpuTimeValue === undefined ? undefined : round(cpuTimeValue, 2),
      met: value <= limit && (cpuTimeValue === undefined || cpuTimeValue <= limit),
    });
  const at = (n: number) => r.scaling.find((s) => s.n === n);
  const n1000 = at(1000);
  const n3000 = at(3000);
  if (n1000) add("ratio-1000", "library / L1 build + synth time at N=1000", n1000.ratio, 1.2, "×", n1000.cpuRatio);
  if (n1000 && n3000) {
    const cpuGrowth = n3000.library.totalCpuMs.median / n1000.library.totalCpuMs.median;
    add("growth", "library t(3000) / t(1000)", r.growth.library, 3.3, "×", cpuGrowth);
  }
  const load = r.load.variants.library;
  if (load) add("load", "library entry point load time", load.requireMs.median / 1000, 0.3, "s");
  if (!("error" in r.cdktfSynth)) {
    add("cdktf-synth", "`cdktf synth` of main.ts / empty app", r.cdktfSynth.ratio, 1.3, "×", r.cdktfSynth.cpuRatio);
  }
  if (n3000) add("rss-3000", "library peak RSS at N=3000", n3000.library.maxRssMb.max, 512, "MB");
  for (const t of r.testSuite ?? []) {
    add(`test:${t.command}`, `\`${t.command}\` wall time${t.exitCode === 0 ? "" : " (FAILED)"}`, t.wallSeconds, t.limitSeconds, "s");
  }
  return out;
}

function busyVerdict(others: Record<string, number>, maxOneMinute: number): string {
  const worst = Math.max(0, ...Object.values(others));
  if (Object.keys(others).length === 0) {
    return maxOneMinute > 1.5 ? "busy: load average above what the benchmark alone causes" : "quiet";
  }
  if (worst < 0.15) return "quiet: other processes used under 0.15 cores";
  if (worst < 0.5) return `somewhat busy: other processes used up to ${worst.toFixed(2)} cores`;
  return `busy: other processes used up to ${worst.toFixed(2)} of ${cpus().length} cores, which inflates wall times (CPU-time ratios are the cross-check)`;
}

/** `--render`: the reports of the committed results again, after a change to how they are written. */
function render(): void {
  const outDir = join(ROOT, "bench");
  const results = JSON.parse(readFileSync(join(outDir, "results.json"), "utf8")) as BenchResults;
  writeFileSync(join(outDir, "results.md"), renderMarkdown(results));
  if (results.scaling.length > 0) writeFileSync(join(outDir, "chart.svg"), renderChart(results));
  const updated = updateReadme(join(ROOT, "README.md"), renderReadmeSection(results));
  log(`re-rendered bench/results.md, bench/chart.svg${updated ? " and README.md's Performance section" : ""} from bench/results.json (nothing measured)`);
}

function main(): void {
  const argv = process.argv.slice(2);
  const args = new Set(argv);
  if (args.has("--render")) return render();
  const known = ["--quick", "--tests", "--profile", "--render"];
  const unknownFlags = argv.filter((a) => !known.includes(a) && !a.startsWith("--only="));
  if (unknownFlags.length > 0) throw new Error(`unknown option(s) ${unknownFlags.join(" ")}: see npm run bench -- --help`);
  const onlyArg = argv.find((a) => a.startsWith("--only="));
  const only = onlyArg ? (onlyArg.slice("--only=".length).split(",") as Part[]) : [...PARTS];
  const unknown = only.filter((p) => !PARTS.includes(p));
  if (unknown.length > 0) throw new Error(`--only takes ${PARTS.join(", ")}; got ${unknown.join(", ")}`);
  const opts: Options = { quick: args.has("--quick"), only, tests: args.has("--tests"), profile: args.has("--profile") };
  // Partial runs never overwrite the committed results.
  const partial = opts.quick || onlyArg !== undefined;
  const outDir = partial ? join(WORK, "quick") : join(ROOT, "bench");
  mkdirSync(WORK, { recursive: true });
  mkdirSync(outDir, { recursive: true });

  const loadAtStart = loadavg();
  const others: Record<string, number> = {};
  const section = <T>(name: string, fn: () => T): T => {
    const before: CpuSnapshot | undefined = cpuSnapshot();
    const result = fn();
    const busy = otherCoresBusy(before, cpuSnapshot());
    if (busy !== undefined) others[name] = round(busy, 2);
    return result;
  };

  const scaling = opts.only.includes("scaling") ? section("scaling", () => runScaling(opts)) : [];
  const load = opts.only.includes("load")
    ? section("load", () => runLoad(opts))
    : { variants: {}, libraryProviderModules: [] };
  const cdktfSynth = opts.only.includes("synth")
    ? section("cdktfSynth", () => runCdktfSynth(opts))
    : { error: "not run (--only)" };
  const testSuite = opts.tests
    ? section("testSuite", () => [timeCommand("npm test", 90), timeCommand("npm run test:unit", 20)])
    : undefined;
  if (opts.profile) runProfiles();

  const growthOf = (v: Variant) => {
    const a = scaling.find((s) => s.n === 1000);
    const b = scaling.find((s) => s.n === 3000);
    return a && b ? round(b[v].totalMs.median / a[v].totalMs.median, 3) : NaN;
  };
  const cpu = cpus();
  const measured: Omit<BenchResults, "targets"> = {
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: cpu.length,
      cpuModel: cpu[0]?.model.trim() ?? "unknown",
      totalMemoryMb: Math.round(totalmem() / 1024 / 1024),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      loadAverageAtStart: loadAtStart.map((v) => round(v, 2)),
      loadAverageAtEnd: loadavg().map((v) => round(v, 2)),
      maxOneMinuteLoad: round(maxLoad, 2),
      otherProcessesCores: others,
      busy: busyVerdict(others, maxLoad),
    },
    method: [
      "Topology: one Cloud Map private DNS namespace + N × (Cloud Map service + ECS service + task definition); 3 of 4 services Fargate/awsvpc/A, every 4th EC2/bridge/SRV (bench/topology.ts).",
      "Library variant: `PrivateDnsNamespace` + `DiscoverableEcsService` from the compiled library entry point (bench/library-stack.ts). L1 variant: the same resources written by hand with `@cdktf/provider-aws` classes (bench/l1-stack.ts); a unit test checks both synthesize identical resources and attributes, and every run checks equal resource counts.",
      "Each measurement is a fresh `node` process running compiled JS (tsc to .work/bench/dist): new App + stack + provider + topology (build), then `app.synth()` to disk (synth). Module loading is excluded and measured separately. Peak RSS is the child's `process.resourceUsage().maxRSS`.",
      "At N ≤ 10 the times are tens of milliseconds and a few ms of one-time work (V8 compiling cdktf code that the library's module load has already run) decide the ratio; the comparison that matters starts at N = 100.",
      `Variants alternate within each repetition (ABBA order); ${opts.quick ? "quick mode: 2 repetitions" : "7 repetitions at N ≤ 100, 5 at N = 1000, 3 at N = 3000 (about 7 s each)"}; one discarded warm-up per variant.`,
      "Load time: `require` time of the compiled library entry point versus requiring `cdktf`, `constructs` and the same provider classes by deep path, both through Node's CommonJS loader; the run fails if the two load different provider classes.",
      "`cdktf synth`: the cdktf CLI (CHECKPOINT_DISABLE=1) on main.ts and on an empty app (one App, one empty stack) in .work/bench/empty-app that uses the project's own `app` command; alternated.",
      "Machine load: `os.loadavg()` plus CPU time of other processes from /proc/stat minus this run's own, per section.",
    ],
    scaling,
    growth: { library: growthOf("library"), l1: growthOf("l1") },
    load,
    cdktfSynth,
    testSuite,
    findings: FINDINGS,
  };
  const results: BenchResults = { ...measured, targets: targets(measured) };

  writeFileSync(join(outDir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(outDir, "results.md"), renderMarkdown(results));
  if (scaling.length > 0) writeFileSync(join(outDir, "chart.svg"), renderChart(results));
  if (!partial) {
    const updated = updateReadme(join(ROOT, "README.md"), renderReadmeSection(results));
    log(updated ? "updated the Performance section of README.md" : "README.md has no performance markers; left alone");
  }

  log(`\nmachine: ${results.machine.busy}; load average ${results.machine.loadAverageAtStart.join("/")} -> ${results.machine.loadAverageAtEnd.join("/")}`);
  for (const t of results.targets) {
    const cpu = t.cpuTimeValue === undefined ? "" : `, CPU time ${t.cpuTimeValue} ${t.unit}`;
    log(`${t.met ? "MET   " : "MISSED"} ${t.description}: ${t.value} ${t.unit}${cpu} (limit ${t.limit} ${t.unit})`);
  }
  log(`\nwrote ${join(outDir, "results.json")}, results.md, chart.svg`);
}

main();
