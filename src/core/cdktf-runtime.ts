/**
 * One CDK for Terraform runtime per app. This library is built against `cdktf`; an app made with
 * CDK Terrain's `cdktn` (its fork) without the npm alias that makes `cdktf` resolve to `cdktn`
 * holds elements of two runtimes. They recognize each other (the runtimes share their
 * `Symbol.for` brands), so nothing fails while constructs are built — but cdktn's synth calls
 * methods that cdktf 0.21's elements do not have, and crashes inside the runtime with
 * `e._resetResolveDiscoveredProviderFeatureUsage is not a function`. This check turns that into
 * a message saying what to change, when the first construct of this library joins such an app.
 *
 * Two copies of the same runtime (e.g. `cdktn` and `cdktf` aliased to `cdktn`, as the README's
 * recipe installs them) work together and pass: runtimes are compared by the methods of their
 * TerraformStack class, not by identity.
 */
import { App, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { readFileSync } from "node:fs";
import { throwReadable } from "../rules/readable-error";

/** The app's runtime differs from the one this library loaded. */
export class CdktfRuntimeMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CdktfRuntimeMismatchError";
  }
}

/** Apps whose runtime was compared already (the check runs once per app). */
const compatibleApps = new WeakSet<IConstruct>();

/** Throws a readable CdktfRuntimeMismatchError when `scope`'s app comes from another, incompatible runtime. */
export function assertSameCdktfRuntime(scope: IConstruct): void {
  const root = scope.node.root;
  if (root instanceof App || compatibleApps.has(root)) return;
  const stack = scope.node.scopes.find((s) => TerraformStack.isStack(s));
  const theirs = stack && runtimeStackPrototype(stack);
  // Without a stack cdktf reports its own error; an unknown shape is not ours to judge.
  if (!theirs) return;
  const missing = methodNames(theirs).filter((m) => !methodNames(TerraformStack.prototype).includes(m));
  const extra = methodNames(TerraformStack.prototype).filter((m) => !methodNames(theirs).includes(m));
  if (missing.length === 0 && extra.length === 0) {
    compatibleApps.add(root);
    return;
  }
  const appVersion = (root as { manifest?: { version?: unknown } }).manifest?.version;
  const app = typeof appVersion === "string" && appVersion !== "stubbed" ? `version ${appVersion}` : "another version";
  throwReadable(
    new CdktfRuntimeMismatchError(
      `${scope.node.path}: the app runs on another CDK for Terraform runtime (${app}; CDK Terrain's cdktn, for example) than the ` +
        `"cdktf" package that cdktf-ecs-service-discovery and @cdktf/provider-aws resolve (${loadedRuntime()}), and elements of one runtime ` +
        `crash the other's synth. Allowed: one runtime for the whole app. Fix: with CDK Terrain, add ` +
        `"overrides": { "cdktf": "npm:cdktn@<your cdktn version>" } to package.json (constructs within cdktn's peer range) and reinstall, ` +
        `so that every "cdktf" import resolves to cdktn (README: "Using with CDK Terrain"); with CDKTF, install a single cdktf version.`,
    ),
  );
}

/** The TerraformStack class's prototype in the stack's own runtime (user classes derive from it). */
function runtimeStackPrototype(stack: IConstruct): object | undefined {
  for (let proto: object | null = Object.getPrototypeOf(stack); proto; proto = Object.getPrototypeOf(proto)) {
    const ctor = (proto as { constructor?: { name?: unknown } }).constructor;
    if (Object.prototype.hasOwnProperty.call(proto, "constructor") && ctor?.name === "TerraformStack") return proto;
  }
  return undefined;
}

function methodNames(proto: object): string[] {
  return Object.getOwnPropertyNames(proto).filter((name) => name !== "constructor");
}

/** `cdktf 0.21.0`: name and version of the runtime this library resolved. */
function loadedRuntime(): string {
  try {
    const pkg = JSON.parse(readFileSync(require.resolve("cdktf/package.json"), "utf8")) as { name?: string; version?: string };
    return `${pkg.name ?? "cdktf"} ${pkg.version ?? ""}`.trim();
  } catch {
    return "cdktf";
  }
}
