import { TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { isKnown } from "../core/expr";
import { INamespace } from "../namespace/namespace";

/** stack -> namespace id (a token string for namespaces created here) -> name -> claiming path */
const claims = new WeakMap<TerraformStack, Map<string, Map<string, string>>>();

/**
 * Records that `claimant` publishes `name` in `namespace` and returns the path of an earlier
 * claimant of the same name, if any. Names or namespaces only known at apply are not tracked.
 */
export function claimDiscoveryName(claimant: IConstruct, namespace: INamespace, name: string): string | undefined {
  if (!isKnown(name) || typeof namespace.namespaceId !== "string") return undefined;
  const stack = TerraformStack.of(claimant);
  let byNamespace = claims.get(stack);
  if (!byNamespace) claims.set(stack, (byNamespace = new Map()));
  let names = byNamespace.get(namespace.namespaceId);
  if (!names) byNamespace.set(namespace.namespaceId, (names = new Map()));
  const earlier = names.get(name);
  if (earlier === undefined) names.set(name, claimant.node.path);
  return earlier;
}
