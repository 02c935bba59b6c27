/**
 * A Cloud Map namespace that discovery services register in. Implemented by
 * `PrivateDnsNamespace` (created here) and by `PrivateDnsNamespace.fromNamespaceAttributes`
 * (an existing one).
 */
export interface INamespace {
  /** Cloud Map namespace id (`ns-...`). */
  readonly namespaceId: string;
  /** DNS name of the namespace; services resolve as `<discovery name>.<namespaceName>`. */
  readonly namespaceName: string;
  /** @default - unknown for an imported namespace given without its ARN */
  readonly namespaceArn?: string | undefined;
}
