/**
 * Cloud Map service rules (SD004-SD009), through DiscoveryService (props spelled `name`,
 * `dnsRecordType`...) and through DiscoverableEcsService, which reports its child's violations
 * under its own path with its own spelling (`discovery.dnsRecordType`).
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing } from "cdktf";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { DiscoverableEcsService, DiscoveryService, PrivateDnsNamespace } from "../../src";
import {
  awsvpcProps,
  bridgeProps,
  expectViolation,
  checked,
  ruleErrorFrom,
  violationsOf,
  testNamespace,
  testStack,
  warningsOf,
} from "../support/constructs";

function setup() {
  const stack = testStack();
  return { stack, namespace: testNamespace(stack) };
}

describe("SD004 discovery name is a DNS label", () => {
  it("refuses a DiscoveryService name with a dot", () => {
    const { stack, namespace } = setup();
    const err = ruleErrorFrom(() => new DiscoveryService(stack, "orders", { namespace, name: "orders.v2" }));
    expectViolation(err, {
      ruleId: "SD004",
      path: "test/orders",
      property: "name",
      mentions: ['"orders.v2"', 'not starting or ending with "-" (no dots)', "Fix: set name"],
    });
  });

  it("refuses a 64-character label, a leading hyphen and an empty name", () => {
    const { stack, namespace } = setup();
    for (const [i, name] of ["a".repeat(64), "-orders", ""].entries()) {
      expectViolation(ruleErrorFrom(() => new DiscoveryService(stack, `s${i}`, { namespace, name })), {
        ruleId: "SD004",
        path: `test/s${i}`,
        property: "name",
      });
    }
  });

  it("names discovery.name on a DiscoverableEcsService", () => {
    const { stack, namespace } = setup();
    const err = ruleErrorFrom(() => new DiscoverableEcsService(stack, "api", awsvpcProps(namespace, { discovery: { name: "api_" + "x".repeat(63) } })));
    expectViolation(err, { ruleId: "SD004", path: "test/api", property: "discovery.name" });
  });

  it("names discovery.name when the default (the service name) is not a label", () => {
    const { stack, namespace } = setup();
    const err = ruleErrorFrom(() => new DiscoverableEcsService(stack, "api", awsvpcProps(namespace, { serviceName: "api.v2" })));
    expectViolation(err, { ruleId: "SD004", path: "test/api", property: "discovery.name", mentions: ['"api.v2"'] });
  });

  it("accepts 63 characters, digits, underscores and inner hyphens", () => {
    const { stack, namespace } = setup();
    for (const [i, name] of ["a".repeat(63), "orders-v2", "_grpc", "9"].entries()) {
      expect(() => checked(new DiscoveryService(stack, `s${i}`, { namespace, name }))).not.toThrow();
    }
  });
});

describe("SD005 discovery names are unique within a namespace", () => {
  it("refuses a second DiscoveryService with the same name in the same namespace, naming the first", () => {
    const { stack, namespace } = setup();
    new DiscoveryService(stack, "first", { namespace, name: "orders" });
    const err = ruleErrorFrom(() => new DiscoveryService(stack, "second", { namespace, name: "orders" }));
    expectViolation(err, {
      ruleId: "SD005",
      path: "test/second",
      property: "name",
      mentions: ["test/first already uses", "Allowed: one discovery service per name and namespace", "Fix: give this service another name"],
    });
  });

  it("refuses two ECS services whose discovery names collide (default name vs explicit name)", () => {
    const { stack, namespace } = setup();
    new DiscoverableEcsService(stack, "api", awsvpcProps(namespace));
    const err = ruleErrorFrom(
      () => new DiscoverableEcsService(stack, "api-copy", awsvpcProps(namespace, { serviceName: "api-copy", discovery: { name: "api" } })),
    );
    expectViolation(err, { ruleId: "SD005", path: "test/api-copy", property: "discovery.name", mentions: ["test/api/discovery already uses"] });
  });

  it("refuses the same name twice in one imported namespace, even when imported twice", () => {
    const stack = testStack();
    const attrs = { namespaceId: "ns-shared1234", namespaceName: "shared" };
    const a = PrivateDnsNamespace.fromNamespaceAttributes(stack, "a", attrs);
    const b = PrivateDnsNamespace.fromNamespaceAttributes(stack, "b", attrs);
    new DiscoveryService(stack, "first", { namespace: a, name: "orders" });
    expectViolation(ruleErrorFrom(() => new DiscoveryService(stack, "second", { namespace: b, name: "orders" })), {
      ruleId: "SD005",
      path: "test/second",
      property: "name",
    });
  });

  it("accepts the same name in two namespaces, and two names in one namespace", () => {
    const stack = testStack();
    const one = testNamespace(stack, "one", "one");
    const two = testNamespace(stack, "two", "two");
    new DiscoveryService(stack, "orders-one", { namespace: one, name: "orders" });
    new DiscoveryService(stack, "orders-two", { namespace: two, name: "orders" });
    new DiscoveryService(stack, "billing-one", { namespace: one, name: "billing" });
    expect(violationsOf(stack)).toEqual([]);
  });

  it("accepts the same name in the same namespace id in two different stacks (two Terraform roots)", () => {
    const first = testStack();
    const second = testStack();
    const attrs = { namespaceId: "ns-shared1234", namespaceName: "shared" };
    new DiscoveryService(first, "orders", { namespace: PrivateDnsNamespace.fromNamespaceAttributes(first, "ns", attrs), name: "orders" });
    expect(() => checked(new DiscoveryService(second, "orders", { namespace: PrivateDnsNamespace.fromNamespaceAttributes(second, "ns", attrs), name: "orders" }))).not.toThrow();
  });
});

describe("SD006 record type", () => {
  it("refuses CNAME on a DiscoveryService with the hint that ECS never registers CNAMEs", () => {
    const { stack, namespace } = setup();
    const err = ruleErrorFrom(() => new DiscoveryService(stack, "orders", { namespace, name: "orders", dnsRecordType: "CNAME" as never }));
    expectViolation(err, {
      ruleId: "SD006",
      path: "test/orders",
      property: "dnsRecordType",
      mentions: ['dnsRecordType is "CNAME"', 'Allowed: "A", "AAAA", "A_AAAA", "SRV"', "CNAME needs WEIGHTED routing and is never registered by ECS"],
    });
  });

  it("refuses CNAME on an awsvpc DiscoverableEcsService, naming discovery.dnsRecordType on the ECS service", () => {
    const { stack, namespace } = setup();
    const err = ruleErrorFrom(() => new DiscoverableEcsService(stack, "api", awsvpcProps(namespace, { discovery: { dnsRecordType: "CNAME" as never } })));
    expectViolation(err, {
      ruleId: "SD006",
      path: "test/api",
      property: "discovery.dnsRecordType",
      mentions: ['discovery.dnsRecordType is "CNAME"', 'use "A" for awsvpc tasks or "SRV" for bridge/host tasks'],
    });
  });

  it("accepts every supported record type", () => {
    const { stack, namespace } = setup();
    for (const type of ["A", "AAAA", "A_AAAA", "SRV"] as const) {
      expect(() => checked(new DiscoveryService(stack, type, { namespace, name: type.toLowerCase().replace("_", "-"), dnsRecordType: type }))).not.toThrow();
    }
  });
});

describe("SD007 routing policy", () => {
  it("refuses a policy Cloud Map does not offer for DNS (FAILOVER)", () => {
    const { stack, namespace } = setup();
    const err = ruleErrorFrom(() => new DiscoveryService(stack, "orders", { namespace, name: "orders", routingPolicy: "FAILOVER" as never }));
    expectViolation(err, {
      ruleId: "SD007",
      path: "test/orders",
      property: "routingPolicy",
      mentions: ['"FAILOVER"', 'Allowed: "MULTIVALUE", "WEIGHTED"', 'Fix: use "MULTIVALUE"'],
    });
  });

  it("names discovery.routingPolicy on a DiscoverableEcsService", () => {
    const { stack, namespace } = setup();
    const err = ruleErrorFrom(() => new DiscoverableEcsService(stack, "orders", bridgeProps(namespace, { discovery: { routingPolicy: "multivalue" as never } })));
    expectViolation(err, { ruleId: "SD007", path: "test/orders", property: "discovery.routingPolicy", mentions: ['"multivalue"'] });
  });

  it("accepts WEIGHTED", () => {
    const { stack, namespace } = setup();
    expect(() => checked(new DiscoveryService(stack, "orders", { namespace, name: "orders", routingPolicy: "WEIGHTED" }))).not.toThrow();
  });
});

describe("SD008 TTL is an integer 0..2147483647", () => {
  it.each([
    ["negative", -1],
    ["fractional", 1.5],
    ["too large", 2147483648],
  ])("refuses a %s TTL", (_label, ttl) => {
    const { stack, namespace } = setup();
    const err = ruleErrorFrom(() => new DiscoveryService(stack, "orders", { namespace, name: "orders", dnsTtl: ttl }));
    expectViolation(err, {
      ruleId: "SD008",
      path: "test/orders",
      property: "dnsTtl",
      mentions: [`dnsTtl is ${ttl}`, "Allowed: an integer number of seconds from 0 to 2147483647", "Fix: set dnsTtl"],
    });
  });

  it("names discovery.dnsTtl on a DiscoverableEcsService", () => {
    const { stack, namespace } = setup();
    const err = ruleErrorFrom(() => new DiscoverableEcsService(stack, "api", awsvpcProps(namespace, { discovery: { dnsTtl: -5 } })));
    expectViolation(err, { ruleId: "SD008", path: "test/api", property: "discovery.dnsTtl", mentions: ["discovery.dnsTtl is -5"] });
  });

  it("accepts 0 and the maximum", () => {
    const { stack, namespace } = setup();
    expect(() => checked(new DiscoveryService(stack, "zero", { namespace, name: "zero", dnsTtl: 0 }))).not.toThrow();
    expect(() => checked(new DiscoveryService(stack, "max", { namespace, name: "max", dnsTtl: 2147483647 }))).not.toThrow();
  });
});

describe("SD009 long TTL (warning)", () => {
  it("warns through Annotations, without throwing, when the TTL is above 300 s", () => {
    const { stack, namespace } = setup();
    const service = new DiscoveryService(stack, "orders", { namespace, name: "orders", dnsTtl: 301 });
    const warnings = warningsOf(service);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^\[SD009\] dnsTtl is 301: resolvers may keep answering with the IPs of stopped tasks/);
    expect(warnings[0]).toContain("Allowed: any TTL, 300 seconds or less recommended. Fix: lower dnsTtl");
  });

  it("names discovery.dnsTtl and the ECS service path on a DiscoverableEcsService", () => {
    const { stack, namespace } = setup();
    const svc = new DiscoverableEcsService(stack, "api", awsvpcProps(namespace, { discovery: { dnsTtl: 3600 } }));
    const warnings = warningsOf(svc);
    expect(warnings).toEqual([expect.stringMatching(/^\[SD009\] discovery\.dnsTtl is 3600: /)]);
    // ...on the ECS service's node, whose path the CLI prints with it.
    expect(svc.node.metadata.filter((m) => m.type === "@cdktf/warn")).toHaveLength(1);
  });

  it("reaches the synth manifest that `cdktf synth` prints warnings from", () => {
    const { stack, namespace } = setup();
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    new DiscoveryService(stack, "orders", { namespace, name: "orders", dnsTtl: 900 });
    const outdir = Testing.fullSynth(stack);
    try {
      const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8"));
      expect(manifest.stacks.test.annotations).toEqual([
        expect.objectContaining({ constructPath: "test/orders", level: "@cdktf/warn", message: expect.stringMatching(/^\[SD009\] dnsTtl is 900/) }),
      ]);
      // As `cdktf synth` prints it (@cdktf/cli-core: `${level} [${constructPath}]: ${message}`): the path once.
      const [a] = manifest.stacks.test.annotations;
      const printed = `WARNING [${a.constructPath}]: ${a.message}`;
      expect(printed.split("test/orders").length - 1).toBe(1);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  it("does not warn at exactly 300 s (the seed's TTL) or at the default", () => {
    const { stack, namespace } = setup();
    new DiscoveryService(stack, "a", { namespace, name: "a", dnsTtl: 300 });
    new DiscoveryService(stack, "b", { namespace, name: "b" });
    expect(warningsOf(stack)).toEqual([]);
  });
});
