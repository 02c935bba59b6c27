/**
 * Which container and port the SRV registry names when the user leaves them out: the first
 * essential container that maps a port and that container's first container port; naming a
 * container without a port takes *that* container's first port (AWS CDK takes the default
 * container's port instead, which points SRV records at a port the named container never opened).
 */
import { ContainerSpec, DiscoverableEcsService } from "../../src";
import { resolveRegistration } from "../../src/ecs/registration";
import { HEALTH_CHECK, bridgeProps, hostProps, onlyResource, synthJson, testNamespace, testStack } from "../support/constructs";

/** web: 80, 443 (first); admin: 9090 (second); a portless sidecar before both. */
const CONTAINERS: ContainerSpec[] = [
  { name: "log-router", image: "fluent-bit", memory: 32 },
  { name: "web", image: "nginx", memory: 128, portMappings: [{ containerPort: 80, hostPort: 0 }, { containerPort: 443, hostPort: 0 }], healthCheck: HEALTH_CHECK },
  { name: "admin", image: "admin", memory: 64, portMappings: [{ containerPort: 9090, hostPort: 0 }, { containerPort: 9091, hostPort: 0 }] },
];

function registryOf(discovery: { containerName?: string; containerPort?: number }, containers = CONTAINERS) {
  const stack = testStack();
  const svc = new DiscoverableEcsService(
    stack,
    "svc",
    bridgeProps(testNamespace(stack), { taskDefinition: { containers }, discovery }),
  );
  return { registry: onlyResource(synthJson(stack), "aws_ecs_service").service_registries, service: svc };
}

describe("SRV registry defaults (through DiscoverableEcsService)", () => {
  it("defaults to the first essential container that maps a port, skipping portless containers, and its first port", () => {
    expect(registryOf({}).registry).toMatchObject({ container_name: "web", container_port: 80 });
  });

  it("naming the second container without a port uses THAT container's first port (not the default container's)", () => {
    const { registry, service } = registryOf({ containerName: "admin" });
    expect(registry).toMatchObject({ container_name: "admin", container_port: 9090 });
    expect(service.discoveryPort).toBe(9090);
  });

  it("keeps an explicit container port (the second port of the named container)", () => {
    expect(registryOf({ containerName: "admin", containerPort: 9091 }).registry).toMatchObject({ container_name: "admin", container_port: 9091 });
  });

  it("a port without a name applies to the default container", () => {
    expect(registryOf({ containerPort: 443 }).registry).toMatchObject({ container_name: "web", container_port: 443 });
  });

  it("skips a non-essential container that maps a port", () => {
    const containers: ContainerSpec[] = [
      { name: "debug", image: "busybox", memory: 32, essential: false, portMappings: [{ containerPort: 5000, hostPort: 0 }] },
      ...CONTAINERS,
    ];
    expect(registryOf({}, containers).registry).toMatchObject({ container_name: "web", container_port: 80 });
  });

  it("bridge with a fixed host port still registers the container port", () => {
    const containers: ContainerSpec[] = [
      { name: "web", image: "nginx", memory: 128, portMappings: [{ containerPort: 80, hostPort: 8080 }], healthCheck: HEALTH_CHECK },
    ];
    expect(registryOf({}, containers).registry).toMatchObject({ container_name: "web", container_port: 80 });
  });

  it("host mode registers the container port, which is the host port", () => {
    const stack = testStack();
    new DiscoverableEcsService(stack, "svc", hostProps(testNamespace(stack)));
    expect(onlyResource(synthJson(stack), "aws_ecs_service").service_registries).toMatchObject({ container_name: "web", container_port: 8080 });
  });
});

describe("resolveRegistration", () => {
  it("A for awsvpc, SRV for bridge and host", () => {
    expect(resolveRegistration({ networkMode: "awsvpc" }).dnsRecordType).toBe("A");
    expect(resolveRegistration({ networkMode: "bridge" }).dnsRecordType).toBe("SRV");
    expect(resolveRegistration({ networkMode: "host" }).dnsRecordType).toBe("SRV");
  });

  it("fills nothing for A records, whatever the containers", () => {
    expect(resolveRegistration({ networkMode: "awsvpc", containers: CONTAINERS })).toEqual({ dnsRecordType: "A" });
  });

  it("fills nothing when an SRV port is given", () => {
    expect(resolveRegistration({ networkMode: "awsvpc", dnsRecordType: "SRV", port: 8080, containers: CONTAINERS })).toEqual({
      dnsRecordType: "SRV",
      port: 8080,
    });
  });

  it("fills nothing for an existing task definition (containers unknown)", () => {
    expect(resolveRegistration({ networkMode: "bridge" })).toEqual({ dnsRecordType: "SRV" });
  });

  it("leaves the port unset for a named container that does not exist (SD019 reports it)", () => {
    expect(resolveRegistration({ networkMode: "bridge", containerName: "nope", containers: CONTAINERS })).toEqual({
      dnsRecordType: "SRV",
      containerName: "nope",
    });
  });
});
