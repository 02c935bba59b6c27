import { ServiceDiscoveryHttpNamespace } from "@cdktf/provider-aws/lib/service-discovery-http-namespace";
import { Construct } from "constructs";
import { compact } from "../core/compact";
import { HTTP_NAMESPACE_RULES } from "../rules/catalogue";
import { attachPreconditions, enforce } from "../rules/enforce";
import { HTTP_NAMESPACE_PROPS } from "../rules/fields";
import { reporterFor } from "../rules/naming";
import { HTTP_NAMESPACE_ATTRIBUTES, HTTP_NAMESPACE_PROPS as HTTP_NAMESPACE_SHAPE, checkProps } from "../rules/prop-types";
import { assertSameCdktfRuntime } from "../core/cdktf-runtime";
import { ImportedNamespace, NamespaceAttributes } from "./imported-namespace";
import { INamespace } from "./namespace";

export interface HttpNamespaceProps {
  /**
   * Name of the namespace, e.g. `internal`. Service Connect services join it by this name or its
   * ARN; nothing resolves it in DNS.
   */
  readonly name: string;
  /** @default - no description */
  readonly description?: string;
  /** @default - no tags (the provider's default_tags still apply) */
  readonly tags?: Record<string, string>;
}

/**
 * A Cloud Map HTTP namespace (`aws_service_discovery_http_namespace`): the namespace type the ECS
 * console creates for Service Connect. Instances in it are found through the Cloud Map API
 * (`DiscoverInstances`) and by Service Connect proxies, never through DNS, so it needs no VPC and
 * no Route 53 zone; DNS discovery (`discovery`) needs a `PrivateDnsNamespace` instead (SD033).
 */
export class HttpNamespace extends Construct implements INamespace {
  /** An existing HTTP namespace; creates no resource. */
  public static fromNamespaceAttributes(scope: Construct, id: string, attrs: NamespaceAttributes): INamespace {
    return new ImportedNamespace(scope, id, () => ({ ...attrs, namespaceType: "HTTP" }), {
      props: { shape: HTTP_NAMESPACE_ATTRIBUTES, value: attrs },
      rules: HTTP_NAMESPACE_RULES,
      facts: () => ({ namespaceName: attrs.namespaceName }),
      names: { namespaceName: "namespaceName" },
    });
  }

  public readonly namespaceId: string;
  public readonly namespaceArn: string;
  public readonly namespaceName: string;
  public readonly namespaceType = "HTTP" as const;
  /** The name Cloud Map reports for API discovery (`http_name`). */
  public readonly httpName: string;
  /** The underlying resource, for escape hatches. */
  public readonly resource: ServiceDiscoveryHttpNamespace;

  constructor(scope: Construct, id: string, props: HttpNamespaceProps) {
    super(scope, id);
    assertSameCdktfRuntime(this);
    checkProps(this, HTTP_NAMESPACE_SHAPE, props);
    const deferred = enforce(reporterFor(this, HTTP_NAMESPACE_PROPS), HTTP_NAMESPACE_RULES, { namespaceName: props.name });

    this.resource = new ServiceDiscoveryHttpNamespace(this, "namespace", compact({
      name: props.name,
      description: props.description,
      tags: props.tags,
    }));
    attachPreconditions(this.resource, deferred);

    this.namespaceId = this.resource.id;
    this.namespaceArn = this.resource.arn;
    this.namespaceName = props.name;
    this.httpName = this.resource.httpName;
  }
}
