/**
 * Namespace rules (SD001-SD003), hit the way users hit them: creating a PrivateDnsNamespace or
 * importing one with fromNamespaceAttributes.
 */
import { ServiceDiscoveryPrivateDnsNamespace } from "@cdktf/provider-aws/lib/service-discovery-private-dns-namespace";
import { Testing } from "cdktf";
import { DiscoverableEcsService, PrivateDnsNamespace } from "../../src";
import { awsvpcProps, checked, expectViolation, ruleErrorFrom, synthJson, testStack, violationsOf } from "../support/constructs";

describe("SD001 namespace name", () => {
  it("refuses a created namespace whose name has characters Cloud Map does not allow", () => {
    const stack = testStack();
    const err = ruleErrorFrom(() => new PrivateDnsNamespace(stack, "ns", { name: "my service!", vpcId: "vpc-1" }));
    expectViolation(err, {
      ruleId: "SD001",
      path: "test/ns",
      property: "name",
      mentions: ['"my service!"', "Allowed: 1-1024 characters of letters, digits", "Fix: rename name"],
    });
  });

  it("refuses an empty name and a name over 1024 characters", () => {
    const stack = testStack();
    expectViolation(ruleErrorFrom(() => new PrivateDnsNamespace(stack, "empty", { name: "", vpcId: "vpc-1" })), {
      ruleId: "SD001",
      path: "test/empty",
      property: "name",
    });
    const long = "a".repeat(1025);
    expectViolation(ruleErrorFrom(() => new PrivateDnsNamespace(stack, "long", { name: long, vpcId: "vpc-1" })), {
      ruleId: "SD001",
      path: "test/long",
      property: "name",
    });
  });

  it("refuses a bad name of an imported namespace, naming namespaceName", () => {
    const stack = testStack();
    const err = ruleErrorFrom(() =>
      PrivateDnsNamespace.fromNamespaceAttributes(stack, "shared", { namespaceId: "ns-abc123", namespaceName: "a/b" }),
    );
    expectViolation(err, { ruleId: "SD001", path: "test/shared", property: "namespaceName", mentions: ['"a/b"'] });
  });

  it("accepts single labels, dotted names, 1024 characters, underscores and hyphens", () => {
    const stack = testStack();
    for (const [i, name] of ["service", "internal.example.com", "a".repeat(1024), "my_ns-1"].entries()) {
      expect(() => checked(new PrivateDnsNamespace(stack, `ns${i}`, { name, vpcId: "vpc-1" }))).not.toThrow();
    }
  });
});

describe("SD002 created namespace needs its VPC", () => {
  it("refuses an empty vpcId", () => {
    const stack = testStack();
    const err = ruleErrorFrom(() => new PrivateDnsNamespace(stack, "ns", { name: "service", vpcId: "" }));
    expectViolation(err, {
      ruleId: "SD002",
      path: "test/ns",
      property: "vpcId",
      mentions: ['vpcId is ""', 'Allowed: a VPC id such as "vpc-0123456789abcdef0"', "Fix: set vpcId"],
    });
  });

  it("refuses something that is not a VPC id (a subnet id)", () => {
    const stack = testStack();
    const err = ruleErrorFrom(() => new PrivateDnsNamespace(stack, "ns", { name: "service", vpcId: "subnet-0abc" }));
    expectViolation(err, { ruleId: "SD002", path: "test/ns", property: "vpcId", mentions: ['"subnet-0abc"'] });
  });

  it("accepts a VPC id and renders it as the namespace's vpc", () => {
    const stack = testStack();
    new PrivateDnsNamespace(stack, "ns", { name: "service", vpcId: "vpc-0abc" });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(ServiceDiscoveryPrivateDnsNamespace, {
      name: "service",
      vpc: "vpc-0abc",
    });
  });
});

describe("SD003 reused namespace needs its id", () => {
  it("reports a missing id once, at the import, and the services registered in it still check their own input", () => {
    const stack = testStack();
    const namespace = PrivateDnsNamespace.fromNamespaceAttributes(stack, "shared", { namespaceName: "service" } as never);
    new DiscoverableEcsService(stack, "api", awsvpcProps(namespace, { discovery: { containerPort: 1.5 } }));
    // Found by the TS/HCL differential test: the service used to stop at an SD000 about the
    // namespace, so its own rules (here SD016, SD021) went unreported.
    expect(violationsOf(stack).map((v) => `${v.path} ${v.ruleId}`)).toEqual(["test/shared SD003", "test/api SD016", "test/api SD021"]);
  });

  it("refuses an imported namespace without a Cloud Map namespace id", () => {
    const stack = testStack();
    const err = ruleErrorFrom(() =>
      PrivateDnsNamespace.fromNamespaceAttributes(stack, "shared", { namespaceId: "vpc-123", namespaceName: "service" }),
    );
    expectViolation(err, {
      ruleId: "SD003",
      path: "test/shared",
      property: "namespaceId",
      mentions: ['namespaceId is "vpc-123"', 'Allowed: a Cloud Map namespace id such as "ns-abcdefgh12345678"', "Fix: set namespaceId"],
    });
  });

  it("refuses an empty namespace id", () => {
    const stack = testStack();
    const err = ruleErrorFrom(() =>
      PrivateDnsNamespace.fromNamespaceAttributes(stack, "shared", { namespaceId: "", namespaceName: "service" }),
    );
    expectViolation(err, { ruleId: "SD003", path: "test/shared", property: "namespaceId" });
  });

  it("accepts an ns- id and creates no resource", () => {
    const stack = testStack();
    const ns = PrivateDnsNamespace.fromNamespaceAttributes(stack, "shared", {
      namespaceId: "ns-abcdefgh12345678",
      namespaceName: "internal.example.com",
    });
    expect(ns).toMatchObject({ namespaceId: "ns-abcdefgh12345678", namespaceName: "internal.example.com" });
    expect(synthJson(stack).resource).toBeUndefined();
  });
});
