/**
 * Names that must be unique in a Cloud Map namespace, across the constructs of a stack:
 * - Cloud Map service names. DNS discovery creates one per discovery name, and ECS creates one
 *   per Service Connect endpoint, named by its discovery name (AWS: "All discovery names must be
 *   unique within a namespace"). A DNS discovery name and a Service Connect discovery name in the
 *   same namespace therefore collide too (Copilot appends `-sc` to avoid exactly that).
 * - Service Connect client aliases, as `(dnsName, port)` pairs ("All endpoints must be unique
 *   within a namespace").
 * Names or namespaces known only at apply are not tracked; the exported module checks what it
 * can as preconditions instead.
 */
import { TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { isKnown } from "../core/expr";
import { INamespace } from "../namespace/namespace";
import { ClaimKind } from "../rules/facts";

/** An earlier claim of a name: who made it, and as what. */
export interface NameClaim {
  readonly path: string;
  readonly kind: ClaimKind;
}

/** stack -> namespace key -> name -> earlier claim */
const serviceNames = new WeakMap<TerraformStack, Map<string, Map<string, NameClaim>>>();
/** stack -> namespace key -> `dnsName:port` -> claiming path */
const aliases = new WeakMap<TerraformStack, Map<string, Map<string, string>>>();

/**
 * The namespace's identity: its id, which a namespace created here gives as a token string
 * that is the same for every reader, and an imported one as the `ns-...` id (also for an import
 * by ARN, whose id is the ARN's last segment).
 */
function namespaceKey(namespace: INamespace): string | undefined {
  return typeof namespace.namespaceId === "string" ? namespace.namespaceId : undefined;
}

function claimsIn<V>(registry: WeakMap<TerraformStack, Map<string, Map<string, V>>>, claimant: IConstruct, key: string) {
  const stack = TerraformStack.of(claimant);
  let byNamespace = registry.get(stack);
  if (!byNamespace) registry.set(stack, (byNamespace = new Map()));
  let names = byNamespace.get(key);
  if (!names) byNamespace.set(key, (names = new Map()));
  return names;
}

/**
 * Records that `claimant` creates a Cloud Map service named `name` in `namespace` (as DNS
 * discovery or as a Service Connect endpoint) and returns the earlier claim of the same name.
 */
export function claimServiceName(
  claimant: IConstruct,
  namespace: INamespace,
  name: string,
  kind: ClaimKind,
  /** Which part of the claimant claims it, e.g. `serviceConnect.services[1]`. */
  part?: string,
): NameClaim | undefined {
  const key = namespaceKey(namespace);
  if (!isKnown(name) || key === undefined) return undefined;
  const names = claimsIn(serviceNames, claimant, key);
  const earlier = names.get(name);
  if (earlier === undefined) names.set(name, { path: describeClaimant(claimant, part), kind });
  return earlier;
}

/**
 * Records that `claimant` publishes `name` in `namespace` as a DNS discovery service and returns
 * the path of an earlier claimant of the same name, if any.
 */
export function claimDiscoveryName(claimant: IConstruct, namespace: INamespace, name: string): string | undefined {
  return claimServiceName(claimant, namespace, name, "dns")?.path;
}

/** Records a Service Connect client alias and returns the path of an earlier one with the same DNS name and port. */
export function claimClientAlias(claimant: IConstruct, namespace: INamespace, dnsName: string, port: number, part?: string): string | undefined {
  const key = namespaceKey(namespace);
  if (!isKnown(dnsName) || !isKnown(port) || key === undefined) return undefined;
  const pairs = claimsIn(aliases, claimant, key);
  const pair = `${dnsName}:${port}`;
  const earlier = pairs.get(pair);
  if (earlier === undefined) pairs.set(pair, describeClaimant(claimant, part));
  return earlier;
}

function describeClaimant(claimant: IConstruct, part: string | undefined): string {
  return part === undefined ? claimant.node.path : `${claimant.node.path} (${part})`;
}
