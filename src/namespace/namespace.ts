import { NamespaceType } from "../core/aws-limits";

/**
 * A Cloud Map namespace that discovery services and Service Connect endpoints register in.
 * Implemented by `PrivateDnsNamespace` and `HttpNamespace` (created here), by their
 * `fromNamespaceAttributes` (existing ones), and by `Namespace.fromNamespaceArn` (any namespace
 * known only by its ARN, e.g. one shared through AWS RAM).
 */
export interface INamespace {
  /** Cloud Map namespace id (`ns-...`). */
  readonly namespaceId: string;
  /**
   * Name of the namespace: the DNS suffix of a private DNS namespace (services resolve as
   * `<discovery name>.<namespaceName>`), or the name of an HTTP namespace. For a namespace
   * imported by ARN alone the name is not known here, and this is the ARN (ECS Service Connect
   * takes a namespace's name or its ARN; no namespace name can start with `arn:`).
   */
  readonly namespaceName: string;
  /** @default - unknown for an imported namespace given without its ARN */
  readonly namespaceArn?: string | undefined;
  /**
   * `DNS_PRIVATE` (DNS records and Service Connect) or `HTTP` (Service Connect and API
   * discovery only, no DNS).
   * @default - unknown (a namespace imported by ARN, or an `INamespace` written by hand): rules
   * that depend on the type let it pass and leave the check to AWS
   */
  readonly namespaceType?: NamespaceType | undefined;
}

/** Namespaces imported by ARN alone (`Namespace.fromNamespaceArn`), whose ARN may be a token. */
const arnOnly = new WeakSet<INamespace>();

/** Marks a namespace as imported by ARN alone. */
export function markArnOnly<T extends INamespace>(namespace: T): T {
  arnOnly.add(namespace);
  return namespace;
}

/**
 * True when the namespace was imported by ARN alone, so its name and type are not known here:
 * marked by `Namespace.fromNamespaceArn`, or a name that is an ARN (no namespace name can start
 * with `arn:`).
 */
export function isArnOnlyNamespace(namespace: INamespace): boolean {
  return arnOnly.has(namespace) || (typeof namespace.namespaceName === "string" && namespace.namespaceName.startsWith("arn:"));
}

/**
 * What ECS Service Connect is told to join: the ARN when it is known (it identifies shared
 * namespaces too), else the name (ECS accepts either for namespaces of the account).
 */
export function serviceConnectNamespaceOf(namespace: INamespace): string {
  return namespace.namespaceArn ?? namespace.namespaceName;
}
