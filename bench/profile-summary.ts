/**
 * Top functions by self time of a V8 .cpuprofile (as written by `node --cpu-prof`), for a quick
 * look in the terminal; open the file in Chrome DevTools for the full picture.
 */
import { readFileSync } from "node:fs";

interface CpuProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface CpuProfile {
  readonly nodes: CpuProfileNode[];
  readonly samples: number[];
  readonly timeDeltas: number[];
}

function frameName(node: CpuProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*\/node_modules\//, "").replace(/^.*\/dist\//, "");
  return `${functionName || "(anonymous)"} ${file}${file ? `:${lineNumber + 1}` : ""}`;
}

export function summarizeProfile(path: string, top: number): string {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMicros = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const name = frameName(nodes.get(id)!);
    selfMicros.set(name, (selfMicros.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);
  return [...selfMicros]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${name}`)
    .join("\n");
}
