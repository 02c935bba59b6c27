/**
 * `npm run bench`: compiles bench/ and the library to plain JS under .work/bench/dist (so no
 * measurement includes TypeScript compilation), then runs bench/run.ts's compiled form with the
 * same arguments. `--help` is answered here, before compiling.
 */
const { spawnSync } = require("node:child_process");
const { join, resolve } = require("node:path");

const USAGE = `usage: npm run bench [-- --quick] [-- --only=scaling,load,synth] [-- --tests] [-- --profile] [-- --render]

Measures the library against hand-written cdktf L1 code for the same topology (build + synth time
and peak RSS for N = 1..3000 services), the library's load time, and \`cdktf synth\` of the example
app against an empty app. A full run writes bench/results.json, bench/results.md, bench/chart.svg
and README.md's Performance section; progress goes to stderr, a line per size and part.

  --quick     fewer sizes and repetitions; results go to .work/bench/quick/ (never the committed ones)
  --only=...  run only these parts (results go to .work/bench/quick/)
  --tests     also time \`npm test\` and \`npm run test:unit\`: wall and CPU time (set TF_PLUGIN_MIRROR as for npm test)
  --profile   also write CPU profiles of both variants at N=1000 to .work/bench/profiles/
  --render    measure nothing: re-render results.md, chart.svg and the README section from bench/results.json
  --help      print this help

Run it on a quiet machine: other processes inflate wall times (the results record the load,
and CPU times are the cross-check).`;

const ROOT = resolve(__dirname, "..");
const args = process.argv.slice(2);

if (args.includes("--help") || args.includes("-h")) {
  process.stdout.write(`${USAGE}\n`);
} else {
  const started = Date.now();
  const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(ROOT, "bench", "tsconfig.json")], { stdio: "inherit", cwd: ROOT });
  if (tsc.status !== 0) {
    process.exitCode = tsc.status ?? 1;
  } else {
    process.stderr.write(`[bench] compiled in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    const run = spawnSync(process.execPath, [join(ROOT, ".work", "bench", "dist", "bench", "run.js"), ...args], { stdio: "inherit", cwd: ROOT });
    process.exitCode = run.status ?? 1;
  }
}
