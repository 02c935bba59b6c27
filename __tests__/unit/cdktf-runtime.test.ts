/**
 * One CDK for Terraform runtime per app: a construct of this library in an app made by another,
 * incompatible runtime (CDK Terrain's cdktn without the npm alias) is refused with a message
 * saying what to change, instead of crashing inside the runtime at synth. A second copy of the
 * same runtime (what the alias recipe installs) works. The other runtime here is a second copy
 * of the installed cdktf loaded in isolation; "incompatible" is that copy with TerraformStack
 * methods the installed one lacks, as cdktn 0.24's has over cdktf 0.21's (the real pair is
 * checked by the consumer test in the CDK Terrain CI lane).
 */
import { DiscoverableEcsService, DiscoveryService, PrivateDnsNamespace, TaskDefinition } from "../../src";
import { CdktfRuntimeMismatchError } from "../../src/core/cdktf-runtime";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { awsvpcProps } from "../support/constructs";

const WORK = resolve(__dirname, "../../.work");

type Cdktf = typeof import("cdktf");

/** A copy of cdktf of its own (own classes, own module state), as a second installed runtime would be. */
function otherRuntime(addStackMethods: readonly string[] = []): Cdktf {
  let copy: Cdktf | undefined;
  jest.isolateModules(() => {
    // A fresh module registry is only reachable through require.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    copy = require("cdktf") as Cdktf;
  });
  for (const name of addStackMethods) {
    Object.defineProperty(copy!.TerraformStack.prototype, name, { value: () => undefined });
  }
  return copy!;
}

function stackOf(runtime: Cdktf) {
  mkdirSync(WORK, { recursive: true });
  const app = new runtime.App({ outdir: mkdtempSync(join(WORK, "runtime-")), stackTraces: false });
  return { app, stack: new runtime.TerraformStack(app, "other") };
}

/** The runtime this library resolved (cdktn under the CDK Terrain alias). */
const INSTALLED: { name: string; version: string } = JSON.parse(readFileSync(require.resolve("cdktf/package.json"), "utf8"));
/** Methods a newer runtime's TerraformStack has (cdktn 0.24 adds e.g. _runPreparingResolve to cdktf 0.21's). */
const NEWER_STACK_METHODS = ["_runPreparingResolveV2", "_recordNewerFeatureUsage"];

const NAMESPACE_ID = { namespaceId: "ns-abcdefgh12345678", namespaceName: "svc" };

describe("constructs in an app of another CDK for Terraform runtime", () => {
  it("work together with another copy of the same runtime", () => {
    const { app, stack } = stackOf(otherRuntime());
    new AwsProvider(stack as never, "aws", { region: "us-east-1" });
    const namespace = new PrivateDnsNamespace(stack as never, "ns", { name: "svc", vpcId: "vpc-0123456789abcdef0" });
    new DiscoverableEcsService(stack as never, "api", awsvpcProps(namespace));
    app.synth();
    expect(existsSync(join(app.outdir, "stacks", "other", "cdk.tf.json"))).toBe(true);
  });

  it("are refused in an app of an incompatible runtime, at the first construct, with what to change", () => {
    const { stack } = stackOf(otherRuntime(NEWER_STACK_METHODS));
    let error: unknown;
    try {
      PrivateDnsNamespace.fromNamespaceAttributes(stack as never, "shared", NAMESPACE_ID);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CdktfRuntimeMismatchError);
    const message = (error as Error).message;
    expect(message).toMatch(/^other\/shared: the app runs on another CDK for Terraform runtime \(version \S+; CDK Terrain's cdktn, for example\)/);
    expect(message).toContain(`(version ${INSTALLED.version}; `);
    expect(message).toContain(`resolve (${INSTALLED.name} ${INSTALLED.version})`);
    expect(message).toContain(`Fix: with CDK Terrain, add "overrides": { "cdktf": "npm:cdktn@<your cdktn version>" } to package.json`);
  });

  it.each([
    ["PrivateDnsNamespace", (s: never) => new PrivateDnsNamespace(s, "ns", { name: "svc", vpcId: "vpc-0123456789abcdef0" })],
    ["DiscoveryService", (s: never) => new DiscoveryService(s, "d", { namespace: NAMESPACE_ID, name: "d" })],
    ["DiscoverableEcsService", (s: never) => new DiscoverableEcsService(s, "api", awsvpcProps(NAMESPACE_ID))],
    ["TaskDefinition", (s: never) => new TaskDefinition(s, "td", { spec: { family: "f", networkMode: "awsvpc", containers: [] }, launchType: "FARGATE" })],
  ])("%s checks it", (_name, build) => {
    const { stack } = stackOf(otherRuntime(NEWER_STACK_METHODS));
    expect(() => build(stack as never)).toThrow(CdktfRuntimeMismatchError);
  });
});
