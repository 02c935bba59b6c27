import { ServiceDiscoveryPrivateDnsNamespace } from "@cdktf/provider-aws/lib/service-discovery-private-dns-namespace";
import { Construct } from "constructs";
import { compact } from "../core/compact";
import { NAMESPACE_PROPS } from "../rules/fields";
import { NAMESPACE_RULES } from "../rules/catalogue";
import { attachPreconditions, enforce } from "../rules/enforce";
import { reporterFor } from "../rules/naming";
import { NAMESPACE_ATTRIBUTES, PRIVATE_DNS_NAMESPACE_PROPS, checkProps } from "../rules/prop-types";
import { ImportedNamespace, NamespaceAttributes } from "./imported-namespace";
import { INamespace } from "./namespace";
import { assertSameCdktfRuntime } from "../core/cdktf-runtime";

export type { NamespaceAttributes } from "./imported-namespace";

export interface PrivateDnsNamespaceProps {
  /**
   * DNS name of the namespace, e.g. `service` (tasks then resolve as `my-service.service`) or
   * `internal.example.com`.
   */
  readonly name: string;
  /** VPC whose resources resolve the names; it needs `enable_dns_support` and `enable_dns_hostnames`. */
  readonly vpcId: string;
  /** @default - no description */
  readonly description?: string;
  /** @default - no tags (the provider's default_tags still apply) */
  readonly tags?: Record<string, string>;
}

/**
 * A Cloud Map private DNS namespace: Cloud Map creates a Route 53 private hosted zone of the same
 * name associated with the VPC, and ECS keeps one record per running task in it. Service Connect
 * can use it too (any namespace type works for Service Connect).
 */
export class PrivateDnsNamespace extends Construct implements INamespace {
  /** An existing private DNS namespace; creates no resource. */
  public static fromNamespaceAttributes(scope: Construct, id: string, attrs: NamespaceAttributes): INamespace {
    return new ImportedNamespace(scope, id, () => ({ ...attrs, namespaceType: "DNS_PRIVATE" }), {
      props: { shape: NAMESPACE_ATTRIBUTES, value: attrs },
      rules: NAMESPACE_RULES,
      facts: () => ({ namespaceName: attrs.namespaceName, createNamespace: false, namespaceId: attrs.namespaceId }),
      names: { namespaceName: "namespaceName", namespaceId: "namespaceId" },
    });
  }

  public readonly namespaceId: string;
  public readonly namespaceArn: string;
  public readonly namespaceName: string;
  public readonly namespaceType = "DNS_PRIVATE" as const;
  /** Id of the Route 53 private hosted zone Cloud Map manages for the namespace. */
  public readonly hostedZoneId: string;
  /** The underlying resource, for escape hatches. */
  public readonly resource: ServiceDiscoveryPrivateDnsNamespace;

  constructor(scope: Construct, id: string, props: PrivateDnsNamespaceProps) {
    super(scope, id);
    assertSameCdktfRuntime(this);
    checkProps(this, PRIVATE_DNS_NAMESPACE_PROPS, props);
    const deferred = enforce(reporterFor(this, NAMESPACE_PROPS), NAMESPACE_RULES, {
      namespaceName: props.name,
      createNamespace: true,
      vpcId: props.vpcId,
    });

    this.resource = new ServiceDiscoveryPrivateDnsNamespace(this, "namespace", compact({
      name: props.name,
      vpc: props.vpcId,
      description: props.description,
      tags: props.tags,
    }));
    attachPreconditions(this.resource, deferred);

    this.namespaceId = this.resource.id;
    this.namespaceArn = this.resource.arn;
    this.namespaceName = props.name;
    this.hostedZoneId = this.resource.hostedZone;
  }
}
