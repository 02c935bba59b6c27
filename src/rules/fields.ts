/**
 * The inputs the rule catalogue reasons about, independent of how a user spells them.
 *
 * A rule says "dnsRecordType must be SRV when networkMode is bridge"; whether the user typed
 * `discovery.dnsRecordType` (DiscoverableEcsService), `dnsRecordType` (DiscoveryService) or the
 * Terraform variable `dns_record_type` (the exported HCL module) is a naming, chosen per construct.
 */
export type Field =
  /** Any prop, by its path in the props (SD000, the props' types). */
  | "props"
  | "namespaceName"
  | "vpcId"
  | "createNamespace"
  | "namespaceId"
  | "discoveryName"
  | "dnsRecordType"
  | "dnsTtl"
  | "routingPolicy"
  | "networkMode"
  | "launchType"
  | "taskDefinition"
  | "containerName"
  | "containerPort"
  | "port"
  | "network"
  | "subnetIds"
  | "securityGroupIds"
  | "assignPublicIp"
  | "desiredCount"
  | "loadBalancers"
  | "namespaceArn"
  | "discovery"
  | "serviceConnect"
  | "serviceConnectNamespace"
  | "serviceConnectServices"
  | "serviceConnectLogDriver"
  | "portName"
  | "serviceConnectDiscoveryName"
  | "clientAliases"
  | "clientAliasPort"
  | "clientAliasDnsName"
  | "ingressPortOverride"
  | "idleTimeoutSeconds"
  | "perRequestTimeoutSeconds"
  | "tlsAuthorityArn"
  | "tlsRoleArn";

/** How each field is spelled where the user wrote it; fields not listed keep their own name. */
export type FieldNames = Partial<Record<Field, string>>;

/** `PrivateDnsNamespace` props. */
export const NAMESPACE_PROPS: FieldNames = { namespaceName: "name", vpcId: "vpcId" };

/** `HttpNamespace` props. */
export const HTTP_NAMESPACE_PROPS: FieldNames = { namespaceName: "name" };

/** `Namespace.fromNamespaceArn` arguments. */
export const NAMESPACE_ARN_PROPS: FieldNames = { namespaceArn: "namespaceArn" };

/** `DiscoveryService` props. */
export const DISCOVERY_SERVICE_PROPS: FieldNames = {
  discoveryName: "name",
  dnsRecordType: "dnsRecordType",
  dnsTtl: "dnsTtl",
  routingPolicy: "routingPolicy",
  namespaceName: "namespace",
};

/** `DiscoverableEcsService` props. */
export const ECS_SERVICE_PROPS: FieldNames = {
  discoveryName: "discovery.name",
  dnsRecordType: "discovery.dnsRecordType",
  dnsTtl: "discovery.dnsTtl",
  routingPolicy: "discovery.routingPolicy",
  containerName: "discovery.containerName",
  containerPort: "discovery.containerPort",
  port: "discovery.port",
  namespaceName: "discovery.namespace",
  networkMode: "taskDefinition.networkMode",
  taskDefinition: "taskDefinition",
  launchType: "launchType",
  network: "network",
  subnetIds: "network.subnetIds",
  securityGroupIds: "network.securityGroupIds",
  assignPublicIp: "network.assignPublicIp",
  desiredCount: "desiredCount",
  loadBalancers: "loadBalancers",
  discovery: "discovery",
  serviceConnect: "serviceConnect",
  serviceConnectNamespace: "serviceConnect.namespace",
  serviceConnectServices: "serviceConnect.services",
  serviceConnectLogDriver: "serviceConnect.logConfiguration.logDriver",
};

/**
 * Fields the exported module spells as several variables: the constructs' one `network` prop is
 * the module's three network variables, which a caller sets one by one.
 */
export const MODULE_VARIABLE_GROUPS: Readonly<Partial<Record<Field, readonly Field[]>>> = {
  network: ["subnetIds", "securityGroupIds", "assignPublicIp"],
};

/** How the fields of entry `index` of `serviceConnect.services` are spelled (props, or module variables). */
export function serviceConnectServiceNames(index: number | string, module = false): FieldNames {
  if (module) {
    const at = `service_connect.services[${index}]`;
    return {
      portName: `${at}.port_name`,
      serviceConnectDiscoveryName: `${at}.discovery_name`,
      clientAliases: `${at}.client_aliases`,
      clientAliasPort: `${at}.client_aliases[0].port`,
      clientAliasDnsName: `${at}.client_aliases[0].dns_name`,
      ingressPortOverride: `${at}.ingress_port_override`,
      idleTimeoutSeconds: `${at}.idle_timeout_seconds`,
      perRequestTimeoutSeconds: `${at}.per_request_timeout_seconds`,
      tlsAuthorityArn: `${at}.tls.aws_pca_authority_arn`,
      tlsRoleArn: `${at}.tls.role_arn`,
      discoveryName: "discovery_name",
      taskDefinition: "task_definition_arn",
    };
  }
  const at = `serviceConnect.services[${index}]`;
  return {
    portName: `${at}.portName`,
    serviceConnectDiscoveryName: `${at}.discoveryName`,
    clientAliases: `${at}.clientAliases`,
    clientAliasPort: `${at}.clientAliases[0].port`,
    clientAliasDnsName: `${at}.clientAliases[0].dnsName`,
    ingressPortOverride: `${at}.ingressPortOverride`,
    idleTimeoutSeconds: `${at}.idleTimeoutSeconds`,
    perRequestTimeoutSeconds: `${at}.perRequestTimeoutSeconds`,
    tlsAuthorityArn: `${at}.tls.awsPcaAuthorityArn`,
    tlsRoleArn: `${at}.tls.roleArn`,
    discoveryName: "discovery.name",
    taskDefinition: "taskDefinition",
  };
}

/** Variables of the exported Terraform module (the names are a public contract). */
export const MODULE_VARIABLES: FieldNames = {
  namespaceName: "namespace_name",
  vpcId: "vpc_id",
  createNamespace: "create_namespace",
  namespaceId: "namespace_id",
  discoveryName: "discovery_name",
  dnsRecordType: "dns_record_type",
  dnsTtl: "dns_ttl",
  routingPolicy: "routing_policy",
  networkMode: "network_mode",
  launchType: "launch_type",
  taskDefinition: "task_definition_arn",
  containerName: "container_name",
  containerPort: "container_port",
  port: "srv_port",
  subnetIds: "subnet_ids",
  securityGroupIds: "security_group_ids",
  assignPublicIp: "assign_public_ip",
  desiredCount: "desired_count",
  loadBalancers: "load_balancers",
  serviceConnect: "service_connect",
  serviceConnectNamespace: "service_connect.namespace",
  serviceConnectServices: "service_connect.services",
  serviceConnectLogDriver: "service_connect.log_configuration.log_driver",
};
