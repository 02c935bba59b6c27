/**
 * What Service Connect renders: the `service_connect_configuration` block and its defaults, named
 * port mappings, services without DNS discovery, and the namespaces it joins. The rules are in
 * rules-service-connect.test.ts.
 */
import {
  DiscoverableEcsService,
  DiscoverableEcsServiceProps,
  HttpNamespace,
  INamespace,
  Namespace,
  PrivateDnsNamespace,
  ServiceConnectOptions,
} from "../../src";
import { HEALTH_CHECK, awsvpcProps, bridgeProps, checked, onlyResource, resourcesOf, synthJson, testNamespace, testStack } from "../support/constructs";

const NS_ARN = "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-abcdefgh12345678";
const PCA = "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/11111111-2222-3333-4444-555555555555";
const ROLE = "arn:aws:iam::123456789012:role/ecsInfrastructureRole";

function props(ns: INamespace, serviceConnect: ServiceConnectOptions | undefined, withDns = true): DiscoverableEcsServiceProps {
  const base = awsvpcProps(ns, {
    taskDefinition: {
      containers: [{ name: "web", image: "nginx", portMappings: [{ containerPort: 80, name: "http", appProtocol: "http" }], healthCheck: HEALTH_CHECK }],
    },
  });
  const { discovery, ...rest } = base;
  return { ...rest, ...(withDns ? { discovery } : {}), ...(serviceConnect ? { serviceConnect } : {}) } as DiscoverableEcsServiceProps;
}

function render(make: (ns: PrivateDnsNamespace) => DiscoverableEcsServiceProps) {
  const stack = testStack();
  const ns = testNamespace(stack);
  const service = checked(new DiscoverableEcsService(stack, "svc", make(ns)));
  const json = synthJson(stack);
  return { stack, ns, service, json, ecs: onlyResource(json, "aws_ecs_service") };
}

describe("service_connect_configuration", () => {
  it("defaults: enabled, the discovery namespace's ARN, discovery name = port name, one alias on the container port", () => {
    const { ecs } = render((ns) => props(ns, { services: [{ portName: "http" }] }));
    expect(ecs.service_connect_configuration).toEqual({
      enabled: true,
      namespace: expect.stringMatching(/^\$\{aws_service_discovery_private_dns_namespace\.ns_namespace_[0-9A-F]+\.arn\}$/),
      service: [{ port_name: "http", discovery_name: "http", client_alias: { port: 80 } }],
    });
  });

  it("renders every option: alias name and port, ingress override, timeouts, TLS, proxy logs", () => {
    const { ecs } = render((ns) =>
      props(ns, {
        services: [
          {
            portName: "http",
            discoveryName: "api-sc",
            clientAliases: [{ port: 8080, dnsName: "api.svc" }],
            ingressPortOverride: 15000,
            idleTimeoutSeconds: 120,
            perRequestTimeoutSeconds: 30,
            tls: { awsPcaAuthorityArn: PCA, roleArn: ROLE, kmsKey: "alias/sc" },
          },
        ],
        logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/api" }, secretOptions: [{ name: "token", valueFrom: "arn:aws:ssm:us-east-1:123456789012:parameter/t" }] },
      }),
    );
    expect(ecs.service_connect_configuration).toMatchObject({
      enabled: true,
      log_configuration: {
        log_driver: "awslogs",
        options: { "awslogs-group": "/ecs/api" },
        secret_option: [{ name: "token", value_from: "arn:aws:ssm:us-east-1:123456789012:parameter/t" }],
      },
      service: [
        {
          port_name: "http",
          discovery_name: "api-sc",
          client_alias: { port: 8080, dns_name: "api.svc" },
          ingress_port_override: 15000,
          timeout: { idle_timeout_seconds: 120, per_request_timeout_seconds: 30 },
          tls: { issuer_cert_authority: { aws_pca_authority_arn: PCA }, role_arn: ROLE, kms_key: "alias/sc" },
        },
      ],
    });
  });

  it("writes out ECS's other timeout when one is given (hashicorp/aws would send 0, which turns it off)", () => {
    const perRequest = render((ns) => props(ns, { services: [{ portName: "http", perRequestTimeoutSeconds: 30 }] })).ecs;
    expect(perRequest.service_connect_configuration.service[0].timeout).toEqual({ idle_timeout_seconds: 300, per_request_timeout_seconds: 30 });
    const idle = render((ns) => props(ns, { services: [{ portName: "http", idleTimeoutSeconds: 0 }] })).ecs;
    expect(idle.service_connect_configuration.service[0].timeout).toEqual({ idle_timeout_seconds: 0, per_request_timeout_seconds: 15 });
  });

  it("a client-only service has the block without service entries and publishes no endpoint", () => {
    const { ecs, service } = render((ns) => props(ns, {}));
    expect(ecs.service_connect_configuration).toEqual({ enabled: true, namespace: expect.any(String) });
    expect(service.serviceConnectEndpoints).toEqual([]);
  });

  it("`enabled: false` keeps the block with enabled = false (the explicit way to turn it off)", () => {
    const { ecs } = render((ns) => props(ns, { enabled: false, services: [{ portName: "http" }] }));
    expect(ecs.service_connect_configuration).toMatchObject({ enabled: false, service: [{ port_name: "http" }] });
  });

  it("joins an HTTP namespace by ARN, and a namespace imported by ARN by that ARN", () => {
    const stack = testStack();
    const dns = testNamespace(stack);
    const http = new HttpNamespace(stack, "http", { name: "internal" });
    const shared = Namespace.fromNamespaceArn(stack, "shared", NS_ARN);
    checked(new DiscoverableEcsService(stack, "a", props(dns, { namespace: http, services: [{ portName: "http" }] })));
    checked(new DiscoverableEcsService(stack, "b", { ...props(dns, { namespace: shared }, false), serviceName: "b" }));
    const json = synthJson(stack);
    const namespaces = resourcesOf(json, "aws_ecs_service").map((s) => s.service_connect_configuration.namespace);
    expect(namespaces).toEqual([expect.stringMatching(/^\$\{aws_service_discovery_http_namespace\.http_namespace_[0-9A-F]+\.arn\}$/), NS_ARN]);
    expect(onlyResource(json, "aws_service_discovery_http_namespace")).toMatchObject({ name: "internal" });
  });

  it("joins an imported namespace without ARN by its name", () => {
    const stack = testStack();
    const ns = PrivateDnsNamespace.fromNamespaceAttributes(stack, "existing", { namespaceId: "ns-abcdefgh12345678", namespaceName: "internal.example.com" });
    checked(new DiscoverableEcsService(stack, "svc", props(ns, {})));
    expect(onlyResource(synthJson(stack), "aws_ecs_service").service_connect_configuration.namespace).toBe("internal.example.com");
  });
});

describe("DNS discovery and Service Connect together and apart", () => {
  it("keeps service_registries and the Cloud Map service when both are given", () => {
    const { json, ecs } = render((ns) => props(ns, { services: [{ portName: "http", discoveryName: "api-sc" }] }));
    expect(ecs.service_registries).toEqual({ registry_arn: expect.stringContaining("aws_service_discovery_service.") });
    expect(resourcesOf(json, "aws_service_discovery_service")).toHaveLength(1);
  });

  it("Service Connect alone: no Cloud Map service, no registry, no redeploy trigger on one", () => {
    const { json, ecs, service } = render((ns) => props(ns, { namespace: ns, services: [{ portName: "http" }] }, false));
    expect(resourcesOf(json, "aws_service_discovery_service")).toEqual([]);
    expect(ecs).not.toHaveProperty("service_registries");
    expect(ecs).not.toHaveProperty("triggers");
    expect(service.dnsDiscovery).toBeUndefined();
    expect(service.discoveryPort).toBeUndefined();
  });

  it("a service without discovery says so when its DNS attributes are read", () => {
    const { service } = render((ns) => props(ns, { namespace: ns }, false));
    expect(() => service.dnsName).toThrow(/test\/svc: dnsName is only defined for a service with DNS discovery.*Fix: read serviceConnectEndpoints/);
    expect(() => service.discoveryService).toThrow(/discoveryService is only defined/);
  });

  it("DNS-only services render exactly as before: no Service Connect block, port mappings without name", () => {
    const { json, ecs } = render((ns) => awsvpcProps(ns));
    expect(ecs).not.toHaveProperty("service_connect_configuration");
    const td = onlyResource(json, "aws_ecs_task_definition");
    expect(JSON.parse(td.container_definitions)[0].portMappings).toEqual([{ containerPort: 80, hostPort: 80, protocol: "tcp" }]);
  });
});

describe("named port mappings", () => {
  it("render name and appProtocol into container_definitions as ECS expects", () => {
    const { json } = render((ns) => props(ns, undefined));
    const td = onlyResource(json, "aws_ecs_task_definition");
    expect(JSON.parse(td.container_definitions)[0].portMappings).toEqual([
      { containerPort: 80, hostPort: 80, protocol: "tcp", name: "http", appProtocol: "http" },
    ]);
  });
});

describe("allowFrom with Service Connect", () => {
  it("opens the endpoint's container port (awsvpc) for a Service Connect-only service", () => {
    const stack = testStack();
    const ns = testNamespace(stack);
    const server = checked(new DiscoverableEcsService(stack, "server", { ...props(ns, { namespace: ns, services: [{ portName: "http" }] }, false), network: { subnetIds: ["subnet-1"], securityGroupIds: ["sg-server"] } }));
    const client = checked(new DiscoverableEcsService(stack, "client", { ...props(ns, { namespace: ns }, false), serviceName: "client", network: { subnetIds: ["subnet-1"], securityGroupIds: ["sg-client"] } }));
    server.allowFrom(client);
    expect(onlyResource(synthJson(stack), "aws_vpc_security_group_ingress_rule")).toMatchObject({
      security_group_id: "sg-server",
      referenced_security_group_id: "sg-client",
      from_port: 80,
      to_port: 80,
    });
  });

  it("opens the ingress port override, or the ephemeral range for bridge proxies", () => {
    const stack = testStack();
    const ns = testNamespace(stack);
    const overridden = checked(
      new DiscoverableEcsService(stack, "a", { ...props(ns, { namespace: ns, services: [{ portName: "http", ingressPortOverride: 15000 }] }, false), network: { subnetIds: ["subnet-1"], securityGroupIds: ["sg-a"] } }),
    );
    overridden.allowFrom("sg-client");
    const bridge = bridgeProps(ns, {
      taskDefinition: { memory: 256, containers: [{ name: "web", image: "nginx", memory: 128, portMappings: [{ containerPort: 80, hostPort: 0, name: "http" }], healthCheck: HEALTH_CHECK }] },
      instanceSecurityGroupIds: ["sg-instances"],
    });
    const { discovery: _d, ...noDns } = bridge;
    const bridged = checked(new DiscoverableEcsService(stack, "b", { ...noDns, serviceConnect: { namespace: ns, services: [{ portName: "http", discoveryName: "orders" }] } } as DiscoverableEcsServiceProps));
    bridged.allowFrom("sg-client");
    const ports = resourcesOf(synthJson(stack), "aws_vpc_security_group_ingress_rule").map((r) => [r.from_port, r.to_port]);
    expect(ports).toEqual([[15000, 15000], [32768, 65535]]);
  });
});
