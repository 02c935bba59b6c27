/**
 * The example app reads its configuration from the environment (AWS_REGION, SD_*) and cdktf reads
 * CDKTF_* variables. Tests that synthesize it must not depend on the developer's or CI's shell,
 * or a snapshot taken on one machine fails on the next.
 */

/** True for variables that change what the example app synthesizes. */
function affectsSynth(name: string): boolean {
  return (
    name.startsWith("SD_") ||
    name.startsWith("CDKTF_") ||
    name === "AWS_REGION" ||
    name === "AWS_DEFAULT_REGION" ||
    name === "SYNTH_HCL_OUTPUT"
  );
}

/** A copy of `env` without the variables that change the synthesized output (for child processes). */
export function cleanConfigEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !affectsSynth(name)));
}

/** Removes those variables from process.env for the tests of the calling file, and restores them after. */
export function useCleanConfigEnv(): void {
  const saved: NodeJS.ProcessEnv = {};
  beforeAll(() => {
    for (const name of Object.keys(process.env).filter(affectsSynth)) {
      saved[name] = process.env[name];
      delete process.env[name];
    }
  });
  afterAll(() => {
    Object.assign(process.env, saved);
  });
}
