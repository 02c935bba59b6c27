/**
 * The exported Terraform module, built from the library's own constructs.
 *
 * Every input is a Terraform variable; the constructs receive the variables' tokens, so their
 * defaults (record type by network mode, discovery name, registry fields) become Terraform
 * expressions and their rules become `validation`/`precondition` blocks, with messages that name
 * the module's variables (`MODULE_NAMING_CONTEXT`). Nothing here restates a default or a rule.
 */
import { Fn, TerraformElement, TerraformLocal, TerraformOutput, TerraformResource, TerraformStack, Token, ref } from "cdktf";
import { Construct, Node } from "constructs";
import { NULL_ARGUMENT, isSet, markNonNull, not, orDefault, when } from "../../src/core/expr";
import { DiscoverableEcsService, LoadBalancerTarget } from "../../src/ecs/discoverable-ecs-service";
import { resolveRegistration } from "../../src/ecs/registration";
import { resolveServiceConnect, serviceConnectDynamicContent } from "../../src/ecs/service-connect";
import { ServiceConnectService } from "../../src/ecs/service-connect-options";
import { LaunchType, NetworkMode } from "../../src/ecs/task-definition-spec";
import { INamespace } from "../../src/namespace/namespace";
import { PrivateDnsNamespace } from "../../src/namespace/private-dns-namespace";
import { NAMESPACE_RULES } from "../../src/rules/catalogue";
import { DeferredCheck, MODULE_NAMING_CONTEXT, attachPreconditions, enforce } from "../../src/rules/enforce";
import { MODULE_VARIABLES } from "../../src/rules/fields";
import { MODULE_OUTPUT_SPECS } from "./module-outputs";
import { ModuleVariables, SERVICE_CONNECT_ENTRY_KEYS, declareModuleVariables, variableTokens } from "./module-variables";
import { RulePlacement, placeRuleChecks, placeWarningChecks } from "./rule-placement";

/**
 * Terraform versions the module supports: `check` blocks (the TTL warning) arrived in 1.5,
 * preconditions and interpolated validation messages in 1.2. Cross-variable validations (1.9)
 * are not used, so teams on 1.5-1.8 can adopt the module.
 */
export const MODULE_REQUIRED_VERSION = ">= 1.5";
/**
 * AWS provider versions the module supports. 5.0 is the lowest it needs: every argument and block
 * it emits is in the 4.67.0 and 5.5.0 (oldest 5.x bindings) schemas already, and the 5.0.0 upgrade
 * guide changes none of them; 6.x keeps all of them with the same meaning (only
 * `health_check_custom_config.failure_threshold` turns deprecated: kept, see docs/aws-provider-6.md).
 * The tests plan against 5.100.0; 6.x is typechecked and schema-checked (lane provider6), never
 * planned: no 6.x provider binary exists here.
 */
export const MODULE_AWS_PROVIDER_VERSION = ">= 5.0, < 7.0";

/** Logical name of every resource in the module: one of each type, so `this`. */
const RESOURCE_NAME = "this";

export class ServiceDiscoveryModuleStack extends TerraformStack {
  public readonly variables: ModuleVariables;
  /** Where each rule is checked (validation or precondition), for the README and tests. */
  public readonly rulePlacements: readonly RulePlacement[];

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Messages name `var.<variable>` and interpolate values with jsonencode().
    this.node.setContext(MODULE_NAMING_CONTEXT, true);
    this.addOverride("terraform.required_version", MODULE_REQUIRED_VERSION);
    this.addOverride("terraform.required_providers", { aws: { source: "hashicorp/aws", version: MODULE_AWS_PROVIDER_VERSION } });

    this.variables = declareModuleVariables(this);
    const v = variableTokens(this.variables);
    const createNamespace = v.bool("create_namespace");
    const namespaceName = v.string("namespace_name");
    const tags = v.any<Record<string, string>>("tags");

    // The namespace exists only when created here: `count`, and `one(...[*])` to read it.
    const created = new PrivateDnsNamespace(this, "namespace", {
      name: namespaceName,
      vpcId: v.string("vpc_id"),
      tags,
    });
    created.resource.count = when(createNamespace, 1, 0);
    const namespace: INamespace = {
      namespaceId: when(createNamespace, instanceAttribute(created.resource, "id"), v.string("namespace_id")),
      namespaceName,
      namespaceArn: instanceAttribute(created.resource, "arn"),
    };

    // Effective values many rules read, named once as locals so the conditions stay readable.
    // The record type default is the constructs' own (`resolveRegistration`), not restated here.
    const serviceName = v.string("service_name");
    const networkMode = v.string("network_mode") as NetworkMode;
    const discoveryName = local(this, "discovery_name", orDefault(v.string("discovery_name"), serviceName));
    const dnsRecordType = local(
      this,
      "dns_record_type",
      resolveRegistration({ networkMode, dnsRecordType: v.string("dns_record_type") }).dnsRecordType,
    );

    const service = new DiscoverableEcsService(this, "service", {
      cluster: v.string("cluster_arn"),
      serviceName,
      desiredCount: v.number("desired_count"),
      launchType: v.string("launch_type") as LaunchType,
      taskDefinition: {
        taskDefinitionArn: v.string("task_definition_arn"),
        networkMode,
      },
      discovery: {
        namespace,
        name: discoveryName,
        dnsRecordType: dnsRecordType as never,
        dnsTtl: v.number("dns_ttl"),
        routingPolicy: v.string("routing_policy") as never,
        containerName: v.string("container_name"),
        containerPort: v.number("container_port"),
        port: v.number("srv_port"),
        forceDestroy: v.bool("force_destroy"),
      },
      network: {
        subnetIds: v.list("subnet_ids"),
        securityGroupIds: v.list("security_group_ids"),
        assignPublicIp: v.bool("assign_public_ip"),
      },
      loadBalancers: v.any<LoadBalancerTarget[]>("load_balancers"),
      tags,
    });

    this.addServiceConnect(service, v.any<Record<string, unknown> | null>("service_connect"), {
      namespace,
      // ECS takes a namespace's name or ARN: the ARN of the namespace created here, else the reused one's name.
      namespaceForEcs: when(createNamespace, instanceAttribute(created.resource, "arn"), namespaceName),
      discoveryName,
      networkMode,
      launchType: v.string("launch_type"),
    });

    this.checkNamespaceInputs(created, service, {
      namespaceName,
      createNamespace,
      vpcId: v.string("vpc_id"),
      namespaceId: v.string("namespace_id"),
    });

    const outputs: Record<string, unknown> = {
      namespace_id: namespace.namespaceId,
      namespace_arn: namespace.namespaceArn,
      namespace_hosted_zone_id: instanceAttribute(created.resource, "hosted_zone"),
      discovery_service_arn: service.discoveryService.serviceArn,
      discovery_service_id: service.discoveryService.serviceId,
      ecs_service_id: service.ecsServiceId,
      ecs_service_name: service.ecsServiceName,
      dns_name: service.dnsName,
    };
    for (const spec of MODULE_OUTPUT_SPECS) {
      // Variables own the plain construct ids; an output of the same name gets its name back here.
      new TerraformOutput(this, `output-${spec.name}`, { value: outputs[spec.name], description: spec.description }).overrideLogicalId(
        spec.name,
      );
    }

    this.rulePlacements = [...placeRuleChecks(this, this.variables), ...placeWarningChecks(this)];
  }

  /**
   * Service Connect from `var.service_connect` (null leaves it off): the constructs' own defaults,
   * rules and block, over the variable's expressions. The rules that read only the variable
   * become its validations; the block is a `dynamic` one, present when the variable is set.
   */
  private addServiceConnect(
    service: DiscoverableEcsService,
    input: Record<string, unknown> | null,
    ctx: { namespace: INamespace; namespaceForEcs: string; discoveryName: string; networkMode: string; launchType: string },
  ): void {
    const given = isSet(input);
    const read = (...path: string[]) => Token.asAny(Fn.try([Fn.lookupNested(input, path), NULL_ARGUMENT]));
    const services = Token.asAny(Fn.try([Fn.lookupNested(input, ["services"]), []])) as unknown as ServiceConnectService[];
    const logConfiguration = { logDriver: read("log_configuration", "log_driver"), options: read("log_configuration", "options") };
    const resolved = resolveServiceConnect(service, {
      given,
      options: { namespace: ctx.namespace, services, logConfiguration: logConfiguration as never },
      dnsDiscoveryGiven: true,
      dnsNamespace: ctx.namespace,
      dnsDiscoveryName: ctx.discoveryName,
      networkMode: ctx.networkMode,
      launchType: ctx.launchType,
      // The discovery namespace unless service_connect.namespace names one.
      sameNamespaceAsDns: not(isSet(read("namespace"))),
      entryKeys: SERVICE_CONNECT_ENTRY_KEYS,
    });
    attachPreconditions(service.resource, resolved.deferred);
    service.resource.addOverride("dynamic.service_connect_configuration", {
      for_each: when(given, [1], []),
      content: serviceConnectDynamicContent({
        services,
        enabled: read("enabled"),
        namespace: orDefault(read("namespace") as unknown as string, ctx.namespaceForEcs),
        logConfiguration,
        entryKeys: SERVICE_CONNECT_ENTRY_KEYS,
      }),
    });
  }

  /**
   * Every resource is the module's only one of its type, so it is named `this` (the convention
   * of Terraform modules) instead of cdktf's hashed construct path. Names are allocated when a
   * construct first reads an attribute, before any `overrideLogicalId` could run.
   */
  protected override allocateLogicalId(element: TerraformElement | Node): string {
    if (!(element instanceof TerraformResource)) return super.allocateLogicalId(element);
    const type = element.terraformResourceType;
    const taken = this.node
      .findAll()
      .filter((c) => c !== element && c instanceof TerraformResource && c.terraformResourceType === type);
    if (taken.length > 0) throw new Error(`the module may hold one ${type}; found ${taken.map((c) => c.node.path).join(", ")}`);
    return RESOURCE_NAME;
  }

  /**
   * The namespace rules, once, with the module's facts. The construct checked its inputs as if
   * the namespace were always created; here it is created only when `var.create_namespace`, and
   * a reused one needs `var.namespace_id`. The VPC check goes on the namespace (only it reads
   * `vpc_id`, and a failed precondition stops the resource before the provider complains about
   * a null argument); the others go on the discovery service, which exists either way.
   */
  private checkNamespaceInputs(
    created: PrivateDnsNamespace,
    service: DiscoverableEcsService,
    facts: Parameters<typeof NAMESPACE_RULES[number]["holds"]>[0],
  ): void {
    const checks = enforce({ scope: this, names: MODULE_VARIABLES }, NAMESPACE_RULES, facts);
    const readsVpc = (c: DeferredCheck) => NAMESPACE_RULES.find((r) => r.id === c.ruleId)?.subject === "vpcId";
    const { precondition: _dropped, ...lifecycle } = created.resource.lifecycle ?? {};
    created.resource.lifecycle = lifecycle;
    attachPreconditions(created.resource, checks.filter(readsVpc));
    attachPreconditions(service.discoveryService.resource, checks.filter((c) => !readsVpc(c)));
  }
}

/** A `locals` entry holding a value that is never null, as a token the constructs read. */
function local(stack: TerraformStack, name: string, expression: string): string {
  // Variables own the plain construct ids; the local gets its name back as its logical id.
  const entry = new TerraformLocal(stack, `local-${name}`, expression);
  entry.overrideLogicalId(name);
  return markNonNull(entry.asString);
}

/** `one(<resource>[*].<attribute>)`: the attribute of a `count` resource, null without instances. */
function instanceAttribute(resource: TerraformResource, attribute: string): string {
  return Fn.one(ref(`${resource.terraformResourceType}.${RESOURCE_NAME}[*].${attribute}`, TerraformStack.of(resource)) as never);
}
