/**
 * DiscoveryService: the Cloud Map service it renders and its attributes.
 */
import { TerraformOutput } from "cdktf";
import { DiscoveryService, PrivateDnsNamespace } from "../../src";
import { onlyResource, resourcesOf, synthJson, testNamespace, testStack } from "../support/constructs";

describe("DiscoveryService defaults", () => {
  const stack = testStack();
  const namespace = testNamespace(stack);
  const service = new DiscoveryService(stack, "orders", { namespace, name: "orders" });
  const json = synthJson(stack);
  const body = onlyResource(json, "aws_service_discovery_service");

  it("publishes one A record with TTL 60 and MULTIVALUE routing in the namespace", () => {
    expect(body.name).toBe("orders");
    expect(body.dns_config).toEqual({
      namespace_id: "${aws_service_discovery_private_dns_namespace.ns_namespace_16BD4C6B.id}",
      routing_policy: "MULTIVALUE",
      dns_records: [{ type: "A", ttl: 60 }],
    });
  });

  it("always has health_check_custom_config with failure_threshold 1 and never health_check_config", () => {
    expect(body.health_check_custom_config).toEqual({ failure_threshold: 1 });
    expect(body).not.toHaveProperty("health_check_config");
  });

  it("sets force_destroy so a destroy with tasks still registered does not fail", () => {
    expect(body.force_destroy).toBe(true);
  });

  it("adds no lifecycle preconditions for known inputs", () => {
    expect(body).not.toHaveProperty("lifecycle");
  });

  it("exposes dnsName <name>.<namespaceName>, and the effective defaults", () => {
    expect(service.dnsName).toBe("orders.svc");
    expect(service).toMatchObject({ discoveryName: "orders", dnsRecordType: "A", dnsTtl: 60, routingPolicy: "MULTIVALUE" });
  });

  it("exposes serviceArn and serviceId as references to the Cloud Map service", () => {
    const outputs = testStack();
    const s = new DiscoveryService(outputs, "orders", { namespace: testNamespace(outputs), name: "orders" });
    new TerraformOutput(outputs, "arn", { value: s.serviceArn });
    new TerraformOutput(outputs, "id", { value: s.serviceId });
    const out = synthJson(outputs).output;
    expect(out.arn.value).toMatch(/^\$\{aws_service_discovery_service\.orders_service_[0-9A-F]+\.arn\}$/);
    expect(out.id.value).toMatch(/^\$\{aws_service_discovery_service\.orders_service_[0-9A-F]+\.id\}$/);
  });
});

describe("DiscoveryService options", () => {
  it("A_AAAA renders two dns_records, A and AAAA, with the same TTL", () => {
    const stack = testStack();
    new DiscoveryService(stack, "dual", { namespace: testNamespace(stack), name: "dual", dnsRecordType: "A_AAAA", dnsTtl: 30 });
    expect(onlyResource(synthJson(stack), "aws_service_discovery_service").dns_config.dns_records).toEqual([
      { type: "A", ttl: 30 },
      { type: "AAAA", ttl: 30 },
    ]);
  });

  it.each(["AAAA", "SRV"] as const)("%s renders one record of that type", (type) => {
    const stack = testStack();
    new DiscoveryService(stack, "s", { namespace: testNamespace(stack), name: "s", dnsRecordType: type });
    expect(onlyResource(synthJson(stack), "aws_service_discovery_service").dns_config.dns_records).toEqual([{ type, ttl: 60 }]);
  });

  it("renders TTL 0, WEIGHTED routing, forceDestroy false, description and tags as given", () => {
    const stack = testStack();
    new DiscoveryService(stack, "s", {
      namespace: testNamespace(stack),
      name: "s",
      dnsTtl: 0,
      routingPolicy: "WEIGHTED",
      forceDestroy: false,
      description: "orders API",
      tags: { Team: "platform" },
    });
    const body = onlyResource(synthJson(stack), "aws_service_discovery_service");
    expect(body.dns_config.dns_records).toEqual([{ type: "A", ttl: 0 }]);
    expect(body.dns_config.routing_policy).toBe("WEIGHTED");
    expect(body.force_destroy).toBe(false);
    expect(body.description).toBe("orders API");
    expect(body.tags).toEqual({ Team: "platform" });
    expect(body.health_check_custom_config).toEqual({ failure_threshold: 1 });
  });

  it("registers in an imported namespace by its id, creating no namespace resource", () => {
    const stack = testStack();
    const shared = PrivateDnsNamespace.fromNamespaceAttributes(stack, "shared", {
      namespaceId: "ns-abcdefgh12345678",
      namespaceName: "internal.example.com",
    });
    const s = new DiscoveryService(stack, "orders", { namespace: shared, name: "orders" });
    const json = synthJson(stack);
    expect(resourcesOf(json, "aws_service_discovery_private_dns_namespace")).toEqual([]);
    expect(onlyResource(json, "aws_service_discovery_service").dns_config.namespace_id).toBe("ns-abcdefgh12345678");
    expect(s.dnsName).toBe("orders.internal.example.com");
  });
});

describe("PrivateDnsNamespace", () => {
  it("renders name, vpc, description and tags, and exposes id, arn and hosted zone as references", () => {
    const stack = testStack();
    const ns = new PrivateDnsNamespace(stack, "ns", {
      name: "internal.example.com",
      vpcId: "vpc-0abc",
      description: "discovery",
      tags: { Team: "platform" },
    });
    new TerraformOutput(stack, "id", { value: ns.namespaceId });
    new TerraformOutput(stack, "arn", { value: ns.namespaceArn });
    new TerraformOutput(stack, "zone", { value: ns.hostedZoneId });
    const json = synthJson(stack);
    expect(onlyResource(json, "aws_service_discovery_private_dns_namespace")).toEqual({
      name: "internal.example.com",
      vpc: "vpc-0abc",
      description: "discovery",
      tags: { Team: "platform" },
    });
    expect(ns.namespaceName).toBe("internal.example.com");
    expect(json.output.id.value).toBe("${aws_service_discovery_private_dns_namespace.ns_namespace_16BD4C6B.id}");
    expect(json.output.arn.value).toBe("${aws_service_discovery_private_dns_namespace.ns_namespace_16BD4C6B.arn}");
    expect(json.output.zone.value).toBe("${aws_service_discovery_private_dns_namespace.ns_namespace_16BD4C6B.hosted_zone}");
  });

  it("fromNamespaceAttributes returns the given attributes and creates no resource", () => {
    const stack = testStack();
    const ns = PrivateDnsNamespace.fromNamespaceAttributes(stack, "shared", {
      namespaceId: "ns-abcdefgh12345678",
      namespaceName: "internal.example.com",
      namespaceArn: "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-abcdefgh12345678",
    });
    expect(ns).toMatchObject({
      namespaceId: "ns-abcdefgh12345678",
      namespaceName: "internal.example.com",
      namespaceArn: "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-abcdefgh12345678",
    });
    expect(synthJson(stack)).toEqual({});
  });
});
