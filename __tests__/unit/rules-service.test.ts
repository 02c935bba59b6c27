/**
 * ECS service rules (SD010-SD030), one negative test each through DiscoverableEcsService, with
 * otherwise valid props (see support/constructs), so each test fails if its rule is dropped.
 * Each rule also has a passing neighbour, so a rule that misfires fails a test too.
 */
import { TerraformStack } from "cdktf";
import { DiscoverableEcsService } from "../../src";
import {
  HEALTH_CHECK,
  awsvpcProps,
  bridgeProps,
  checked,
  expectViolation,
  hostProps,
  onlyResource,
  ruleErrorFrom,
  synthJson,
  testNamespace,
  testStack,
  warningsOf,
} from "../support/constructs";
import type { DiscoverableEcsServiceProps, INamespace } from "../../src";

/** Builds the service and throws its rule violations, if any (the app would report them at synth). */
function build(props: (ns: INamespace) => DiscoverableEcsServiceProps) {
  const stack = testStack();
  return checked(new DiscoverableEcsService(stack, "svc", props(testNamespace(stack))));
}

function violationOf(props: (ns: INamespace) => DiscoverableEcsServiceProps) {
  return ruleErrorFrom(() => build(props));
}

describe("SD010 network mode none", () => {
  it("refuses network mode none", () => {
    const err = violationOf((ns) => hostProps(ns, { taskDefinition: { networkMode: "none" as never } }));
    expectViolation(err, {
      ruleId: "SD010",
      path: "test/svc",
      property: "taskDefinition.networkMode",
      mentions: ['taskDefinition.networkMode is "none"', 'Allowed: "awsvpc", "bridge", "host"', 'Fix: use "awsvpc"'],
    });
  });

  it("reports none once, as SD010 (no host-port noise from SD028)", () => {
    const err = violationOf((ns) =>
      hostProps(ns, { taskDefinition: { networkMode: "none" as never, containers: [{ name: "web", image: "nginx", memory: 64, portMappings: [{ containerPort: 8080, hostPort: 0 }], healthCheck: HEALTH_CHECK }] } }),
    );
    expect(err.ruleIds).toContain("SD010");
    expect(err.ruleIds).not.toContain("SD028");
  });

  it("refuses none for an existing task definition too", () => {
    const err = violationOf((ns) =>
      bridgeProps(ns, { taskDefinition: { taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/x:1", networkMode: "none" as never }, discovery: { containerName: "web", containerPort: 80 } }),
    );
    expectViolation(err, { ruleId: "SD010", path: "test/svc", property: "taskDefinition.networkMode" });
  });

  it.each(["awsvpc", "bridge", "host"])("accepts %s", (mode) => {
    const props = { awsvpc: awsvpcProps, bridge: bridgeProps, host: hostProps }[mode]!;
    expect(() => build((ns) => props(ns))).not.toThrow();
  });
});

describe("SD011 launch type", () => {
  it("refuses EXTERNAL", () => {
    const err = violationOf((ns) => awsvpcProps(ns, { launchType: "EXTERNAL" as never }));
    expectViolation(err, {
      ruleId: "SD011",
      path: "test/svc",
      property: "launchType",
      mentions: ['launchType is "EXTERNAL"', 'Allowed: "FARGATE", "EC2"', 'Fix: set launchType to "FARGATE"'],
    });
  });

  it("accepts EC2 with awsvpc (EC2 tasks with their own ENI)", () => {
    expect(() =>
      build((ns) => awsvpcProps(ns, { launchType: "EC2", taskDefinition: { memory: 512 } })),
    ).not.toThrow();
  });
});

describe("SD012 Fargate requires awsvpc", () => {
  it("refuses bridge on Fargate (the default launch type)", () => {
    const err = violationOf((ns) => bridgeProps(ns, { launchType: undefined }));
    expectViolation(err, {
      ruleId: "SD012",
      path: "test/svc",
      property: "taskDefinition.networkMode",
      mentions: ['taskDefinition.networkMode is "bridge", but launchType "FARGATE"', 'Fix: set taskDefinition.networkMode to "awsvpc", or set launchType to "EC2"'],
    });
  });

  it("refuses host with launchType FARGATE", () => {
    const err = violationOf((ns) => hostProps(ns, { launchType: "FARGATE" }));
    expectViolation(err, { ruleId: "SD012", path: "test/svc", property: "taskDefinition.networkMode", mentions: ['"host"'] });
  });
});

describe("SD013 bridge/host register SRV only", () => {
  it("refuses A records for bridge", () => {
    const err = violationOf((ns) => bridgeProps(ns, { discovery: { dnsRecordType: "A" } }));
    expectViolation(err, {
      ruleId: "SD013",
      path: "test/svc",
      property: "discovery.dnsRecordType",
      mentions: [
        'discovery.dnsRecordType is "A", but tasks in network mode "bridge"',
        'Allowed: "SRV" for bridge and host; A/AAAA only with "awsvpc"',
        "Fix: remove discovery.dnsRecordType",
      ],
    });
  });

  it("refuses A_AAAA records for host", () => {
    const err = violationOf((ns) => hostProps(ns, { discovery: { dnsRecordType: "A_AAAA" } }));
    expectViolation(err, { ruleId: "SD013", path: "test/svc", property: "discovery.dnsRecordType", mentions: ['"A_AAAA"', '"host"'] });
  });

  it("accepts an explicit SRV for bridge", () => {
    expect(() => build((ns) => bridgeProps(ns, { discovery: { dnsRecordType: "SRV" } }))).not.toThrow();
  });
});

describe("SD014 port is for awsvpc only", () => {
  it("refuses discovery.port with bridge", () => {
    const err = violationOf((ns) => bridgeProps(ns, { discovery: { port: 8080 } }));
    expectViolation(err, {
      ruleId: "SD014",
      path: "test/svc",
      property: "discovery.port",
      mentions: ['discovery.port is 8080, but in network mode "bridge"', "Fix: remove discovery.port and set discovery.containerName and discovery.containerPort"],
    });
  });

  it("refuses discovery.port with host", () => {
    const err = violationOf((ns) => hostProps(ns, { discovery: { port: 8080 } }));
    expectViolation(err, { ruleId: "SD014", path: "test/svc", property: "discovery.port", mentions: ['"host"'] });
  });

  it("accepts awsvpc SRV with port only", () => {
    expect(() => build((ns) => awsvpcProps(ns, { discovery: { dnsRecordType: "SRV", port: 8080 } }))).not.toThrow();
  });
});

describe("SD015 awsvpc SRV takes port xor container name/port", () => {
  it("refuses port together with containerName", () => {
    const err = violationOf((ns) => awsvpcProps(ns, { discovery: { dnsRecordType: "SRV", port: 80, containerName: "web" } }));
    expectViolation(err, {
      ruleId: "SD015",
      path: "test/svc",
      property: "discovery.port",
      mentions: [
        'discovery.port is 80 and discovery.containerName/discovery.containerPort are "web"/null',
        "Allowed: either discovery.port, or discovery.containerName with discovery.containerPort",
        "Fix: keep one",
      ],
    });
  });

  it("refuses port together with containerPort", () => {
    const err = violationOf((ns) => awsvpcProps(ns, { discovery: { dnsRecordType: "SRV", port: 80, containerPort: 80 } }));
    expectViolation(err, { ruleId: "SD015", path: "test/svc", property: "discovery.port" });
  });

  it("accepts awsvpc SRV with container name and port only", () => {
    expect(() => build((ns) => awsvpcProps(ns, { discovery: { dnsRecordType: "SRV", containerName: "web", containerPort: 80 } }))).not.toThrow();
  });
});

describe("SD016 A/AAAA records take no port", () => {
  it("refuses containerPort with A records", () => {
    const err = violationOf((ns) => awsvpcProps(ns, { discovery: { containerPort: 80 } }));
    expectViolation(err, {
      ruleId: "SD016",
      path: "test/svc",
      property: "discovery.dnsRecordType",
      mentions: [
        'discovery.dnsRecordType is "A", but discovery.port/discovery.containerName/discovery.containerPort are null/null/80',
        "A port was provided but is not required",
        'Fix: remove them, or set discovery.dnsRecordType to "SRV"',
      ],
    });
  });

  it("refuses port with AAAA and containerName with A_AAAA", () => {
    expectViolation(violationOf((ns) => awsvpcProps(ns, { discovery: { dnsRecordType: "AAAA", port: 80 } })), {
      ruleId: "SD016",
      path: "test/svc",
      property: "discovery.dnsRecordType",
      mentions: ['"AAAA"'],
    });
    expectViolation(violationOf((ns) => awsvpcProps(ns, { discovery: { dnsRecordType: "A_AAAA", containerName: "web" } })), {
      ruleId: "SD016",
      path: "test/svc",
      property: "discovery.dnsRecordType",
      mentions: ['"A_AAAA"'],
    });
  });
});

describe("SD017 SRV with an existing task definition names container and port", () => {
  const existing = (networkMode: "bridge" | "awsvpc") => ({
    taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/orders:7",
    networkMode,
  });

  it("refuses bridge with an existing task definition and no container name/port", () => {
    const err = violationOf((ns) => bridgeProps(ns, { taskDefinition: existing("bridge") }));
    expectViolation(err, {
      ruleId: "SD017",
      path: "test/svc",
      property: "discovery.containerName",
      mentions: [
        "discovery.containerName/discovery.containerPort are null/null",
        "the task definition is not known here",
        "Fix: set discovery.containerName and discovery.containerPort",
      ],
    });
  });

  it("refuses a container name without its port", () => {
    const err = violationOf((ns) => bridgeProps(ns, { taskDefinition: existing("bridge"), discovery: { containerName: "web" } }));
    expectViolation(err, { ruleId: "SD017", path: "test/svc", property: "discovery.containerName", mentions: ['"web"/null'] });
  });

  it("refuses awsvpc SRV with an existing task definition and neither port nor container", () => {
    const err = violationOf((ns) => awsvpcProps(ns, { taskDefinition: existing("awsvpc"), discovery: { dnsRecordType: "SRV" } }));
    expectViolation(err, { ruleId: "SD017", path: "test/svc", property: "discovery.containerName" });
  });

  it("accepts explicit container name and port, or awsvpc port, or A records", () => {
    expect(() => build((ns) => bridgeProps(ns, { taskDefinition: existing("bridge"), discovery: { containerName: "web", containerPort: 80 } }))).not.toThrow();
    expect(() => build((ns) => awsvpcProps(ns, { taskDefinition: existing("awsvpc"), discovery: { dnsRecordType: "SRV", port: 80 } }))).not.toThrow();
    expect(() => build((ns) => awsvpcProps(ns, { taskDefinition: existing("awsvpc") }))).not.toThrow();
  });
});

describe("SD018 SRV needs a mapped port", () => {
  it("refuses SRV when no container maps a port", () => {
    const err = violationOf((ns) =>
      bridgeProps(ns, { taskDefinition: { containers: [{ name: "worker", image: "busybox", memory: 64, healthCheck: HEALTH_CHECK }] } }),
    );
    expectViolation(err, {
      ruleId: "SD018",
      path: "test/svc",
      property: "taskDefinition",
      mentions: ["taskDefinition maps no container port", "Allowed: SRV when an essential container has a port mapping", "Fix: add portMappings"],
    });
  });

  it("refuses awsvpc SRV without a port when the only port is on a non-essential container", () => {
    const err = violationOf((ns) =>
      awsvpcProps(ns, {
        discovery: { dnsRecordType: "SRV" },
        taskDefinition: {
          containers: [
            { name: "app", image: "busybox", healthCheck: HEALTH_CHECK },
            { name: "debug", image: "busybox", essential: false, portMappings: [{ containerPort: 9000 }] },
          ],
        },
      }),
    );
    expectViolation(err, {
      ruleId: "SD018",
      path: "test/svc",
      property: "taskDefinition",
      mentions: ["maps no container port on an essential container", "or set discovery.containerName to the container that maps the port"],
    });
  });

  it("accepts SRV on a non-essential container's port when discovery.containerName names it", () => {
    expect(() =>
      build((ns) =>
        awsvpcProps(ns, {
          discovery: { dnsRecordType: "SRV", containerName: "debug" },
          taskDefinition: {
            containers: [
              { name: "app", image: "busybox", healthCheck: HEALTH_CHECK },
              { name: "debug", image: "busybox", essential: false, portMappings: [{ containerPort: 9000 }] },
            ],
          },
        }),
      ),
    ).not.toThrow();
  });

  it("accepts A records on awsvpc without any port mapping", () => {
    expect(() =>
      build((ns) => awsvpcProps(ns, { taskDefinition: { containers: [{ name: "worker", image: "busybox", healthCheck: HEALTH_CHECK }] } })),
    ).not.toThrow();
  });
});

describe("SD019 the SRV container exists", () => {
  it("refuses a container name that is not in the task definition, listing the containers", () => {
    const err = violationOf((ns) => bridgeProps(ns, { discovery: { containerName: "api" } }));
    expectViolation(err, {
      ruleId: "SD019",
      path: "test/svc",
      property: "discovery.containerName",
      mentions: ['discovery.containerName is "api", which is not a container of the task definition', 'Allowed: "web"', "Fix: set discovery.containerName"],
    });
  });
});

describe("SD020 the SRV container maps the SRV port", () => {
  it("refuses a container port the container does not map (the host port, say)", () => {
    const err = violationOf((ns) =>
      hostProps(ns, { discovery: { containerName: "web", containerPort: 80 } }),
    );
    expectViolation(err, {
      ruleId: "SD020",
      path: "test/svc",
      property: "discovery.containerPort",
      mentions: ['discovery.containerPort is 80, but container "web" maps only 8080', 'Allowed: a containerPort of "web": 8080', "or omit it to use 8080"],
    });
  });

  it("refuses a named container that maps no port", () => {
    const err = violationOf((ns) =>
      bridgeProps(ns, {
        discovery: { containerName: "sidecar" },
        taskDefinition: {
          containers: [
            { name: "web", image: "nginx", memory: 128, portMappings: [{ containerPort: 80, hostPort: 0 }], healthCheck: HEALTH_CHECK },
            { name: "sidecar", image: "busybox", memory: 32 },
          ],
        },
      }),
    );
    expectViolation(err, {
      ruleId: "SD020",
      path: "test/svc",
      property: "discovery.containerPort",
      mentions: ['discovery.containerName is "sidecar", which maps no port', 'Allowed: a container with a port mapping', 'add a port mapping to "sidecar"'],
    });
  });

  it("accepts the container port (not the host port) of a bridge mapping", () => {
    expect(() =>
      build((ns) => bridgeProps(ns, { taskDefinition: { containers: [{ name: "web", image: "nginx", memory: 128, portMappings: [{ containerPort: 80, hostPort: 8080 }], healthCheck: HEALTH_CHECK }] }, discovery: { containerPort: 80 } })),
    ).not.toThrow();
  });
});

describe("SD021 container port range", () => {
  it.each([0, 65536, 80.5])("refuses containerPort %p", (port) => {
    const err = violationOf((ns) =>
      bridgeProps(ns, {
        taskDefinition: { taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/orders:7", networkMode: "bridge" },
        discovery: { containerName: "web", containerPort: port },
      }),
    );
    expectViolation(err, {
      ruleId: "SD021",
      path: "test/svc",
      property: "discovery.containerPort",
      mentions: [`discovery.containerPort is ${port}`, "Allowed: an integer from 1 to 65535"],
    });
  });
});

describe("SD022 SRV port range", () => {
  it.each([0, 70000, -1])("refuses port %p", (port) => {
    const err = violationOf((ns) => awsvpcProps(ns, { discovery: { dnsRecordType: "SRV", port } }));
    expectViolation(err, {
      ruleId: "SD022",
      path: "test/svc",
      property: "discovery.port",
      mentions: [`discovery.port is ${port}`, "Allowed: an integer from 1 to 65535", "Fix: set discovery.port"],
    });
  });
});

describe("SD023 awsvpc needs a subnet", () => {
  it("refuses awsvpc without a network", () => {
    const err = violationOf((ns) => awsvpcProps(ns, { network: undefined }));
    expectViolation(err, {
      ruleId: "SD023",
      path: "test/svc",
      property: "network.subnetIds",
      mentions: ["network.subnetIds is empty", "Allowed: one or more private subnet ids", "Fix: set network.subnetIds"],
    });
  });

  it("refuses an empty subnet list", () => {
    const err = violationOf((ns) => awsvpcProps(ns, { network: { subnetIds: [], securityGroupIds: ["sg-1"] } }));
    expectViolation(err, { ruleId: "SD023", path: "test/svc", property: "network.subnetIds" });
  });
});

describe("SD024 bridge/host take no network", () => {
  it("refuses network with bridge", () => {
    const err = violationOf((ns) => bridgeProps(ns, { network: { subnetIds: ["subnet-1"] } }));
    expectViolation(err, {
      ruleId: "SD024",
      path: "test/svc",
      property: "network",
      mentions: ['network is set, but tasks in network mode "bridge"', 'Allowed: network only with "awsvpc"', "Fix: remove network"],
    });
  });

  it("refuses network with host, even with an empty subnet list", () => {
    const err = violationOf((ns) => hostProps(ns, { network: { subnetIds: [] } }));
    expectViolation(err, { ruleId: "SD024", path: "test/svc", property: "network", mentions: ['"host"'] });
  });
});

describe("SD025 public IPs only on Fargate", () => {
  it("refuses assignPublicIp on EC2 awsvpc", () => {
    const err = violationOf((ns) =>
      awsvpcProps(ns, { launchType: "EC2", taskDefinition: { memory: 512 }, network: { subnetIds: ["subnet-1"], assignPublicIp: true } }),
    );
    expectViolation(err, {
      ruleId: "SD025",
      path: "test/svc",
      property: "network.assignPublicIp",
      mentions: ['network.assignPublicIp is true, but launch type "EC2"', "Fix: set network.assignPublicIp to false"],
    });
  });

  it("accepts assignPublicIp on Fargate", () => {
    expect(() => build((ns) => awsvpcProps(ns, { network: { subnetIds: ["subnet-1"], assignPublicIp: true } }))).not.toThrow();
  });
});

describe("SD026 desired count", () => {
  it.each([1001, -1, 1.5])("refuses %p", (count) => {
    const err = violationOf((ns) => awsvpcProps(ns, { desiredCount: count }));
    expectViolation(err, {
      ruleId: "SD026",
      path: "test/svc",
      property: "desiredCount",
      mentions: [`desiredCount is ${count}, but a Cloud Map service holds at most 1000 instances`, "Allowed: an integer from 0 to 1000", "Fix: lower desiredCount"],
    });
  });

  it("accepts 0 and 1000", () => {
    expect(() => build((ns) => awsvpcProps(ns, { desiredCount: 0 }))).not.toThrow();
    expect(() => build((ns) => awsvpcProps(ns, { desiredCount: 1000 }))).not.toThrow();
  });
});

describe("SD027 no Classic Load Balancer", () => {
  it("refuses an elbName", () => {
    const err = violationOf((ns) =>
      awsvpcProps(ns, { loadBalancers: [{ elbName: "legacy-elb", containerName: "web", containerPort: 80 } as never] }),
    );
    expectViolation(err, {
      ruleId: "SD027",
      path: "test/svc",
      property: "loadBalancers",
      mentions: ['loadBalancers names the Classic Load Balancer "legacy-elb"', "Allowed: ALB or NLB target groups (targetGroupArn)", "Fix: replace elbName"],
    });
  });

  it("accepts an ALB target group together with the registry, rendering both", () => {
    const svc = build((ns) =>
      awsvpcProps(ns, {
        loadBalancers: [{ targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/0123", containerName: "web", containerPort: 80 }],
      }),
    );
    const body = onlyResource(synthJson(TerraformStack.of(svc)), "aws_ecs_service");
    expect(body.load_balancer).toEqual([
      { target_group_arn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/0123", container_name: "web", container_port: 80 },
    ]);
    expect(body.service_registries.registry_arn).toMatch(/aws_service_discovery_service\..*\.arn/);
  });
});

describe("SD028 awsvpc/host host ports equal container ports", () => {
  it("refuses a different hostPort in awsvpc mode", () => {
    const err = violationOf((ns) =>
      awsvpcProps(ns, { taskDefinition: { containers: [{ name: "web", image: "nginx", portMappings: [{ containerPort: 80, hostPort: 8080 }], healthCheck: HEALTH_CHECK }] } }),
    );
    expectViolation(err, {
      ruleId: "SD028",
      path: "test/svc",
      property: "taskDefinition",
      mentions: ['taskDefinition maps web 80->8080, but in network mode "awsvpc"', "Allowed: hostPort omitted or equal to containerPort", 'use network mode "bridge"'],
    });
  });

  it("refuses a dynamic host port (0) in host mode", () => {
    const err = violationOf((ns) =>
      hostProps(ns, { taskDefinition: { containers: [{ name: "web", image: "nginx", memory: 64, portMappings: [{ containerPort: 8080, hostPort: 0 }], healthCheck: HEALTH_CHECK }] } }),
    );
    expectViolation(err, { ruleId: "SD028", path: "test/svc", property: "taskDefinition", mentions: ["web 8080->0", '"host"'] });
  });

  it("accepts hostPort 0 in bridge mode and hostPort equal to containerPort in awsvpc", () => {
    expect(() => build((ns) => bridgeProps(ns))).not.toThrow();
    expect(() =>
      build((ns) => awsvpcProps(ns, { taskDefinition: { containers: [{ name: "web", image: "nginx", portMappings: [{ containerPort: 80, hostPort: 80 }], healthCheck: HEALTH_CHECK }] } })),
    ).not.toThrow();
  });
});

describe("SD029 EC2 containers need memory", () => {
  it("refuses an EC2 task without task memory and a container without memory", () => {
    const err = violationOf((ns) =>
      bridgeProps(ns, { taskDefinition: { containers: [{ name: "web", image: "nginx", portMappings: [{ containerPort: 80, hostPort: 0 }], healthCheck: HEALTH_CHECK }] } }),
    );
    expectViolation(err, {
      ruleId: "SD029",
      path: "test/svc",
      property: "taskDefinition",
      mentions: ['taskDefinition has no task memory and container(s) "web" have no memory', "Allowed: task-level memory, or memory on every container", "Fix: set memory"],
    });
  });

  it("accepts task-level memory instead, and Fargate without any (it defaults)", () => {
    expect(() =>
      build((ns) => bridgeProps(ns, { taskDefinition: { memory: 256, containers: [{ name: "web", image: "nginx", portMappings: [{ containerPort: 80, hostPort: 0 }], healthCheck: HEALTH_CHECK }] } })),
    ).not.toThrow();
    expect(() => build((ns) => awsvpcProps(ns))).not.toThrow();
  });
});

describe("SD030 no health check on an essential container (warning)", () => {
  it("warns through Annotations and does not throw", () => {
    const svc = build((ns) => awsvpcProps(ns, { taskDefinition: { containers: [{ name: "web", image: "nginx", portMappings: [{ containerPort: 80 }] }] } }));
    const warnings = warningsOf(svc);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^\[SD030\] taskDefinition has no container health check on any essential container/);
    expect(warnings[0]).toContain("Allowed: a healthCheck on the essential container that serves traffic. Fix: add healthCheck");
  });

  it("warns when only a non-essential container has a health check", () => {
    const svc = build((ns) =>
      awsvpcProps(ns, {
        taskDefinition: {
          containers: [
            { name: "web", image: "nginx", portMappings: [{ containerPort: 80 }] },
            { name: "sidecar", image: "busybox", essential: false, healthCheck: HEALTH_CHECK },
          ],
        },
      }),
    );
    expect(warningsOf(svc)).toEqual([expect.stringContaining("[SD030]")]);
  });

  it("does not warn when an essential container has one, or for an existing task definition", () => {
    const stack = testStack();
    const ns = testNamespace(stack);
    new DiscoverableEcsService(stack, "a", awsvpcProps(ns));
    new DiscoverableEcsService(stack, "b", awsvpcProps(ns, { serviceName: "b", taskDefinition: { taskDefinitionArn: "arn:aws:ecs:us-east-1:1:task-definition/b:1", networkMode: "awsvpc" } }));
    expect(warningsOf(stack)).toEqual([]);
  });
});

describe("several violations at once", () => {
  it("reports every broken rule in one error, each on its own line", () => {
    const err = violationOf((ns) => bridgeProps(ns, { desiredCount: 5000, discovery: { dnsRecordType: "A" }, network: { subnetIds: ["subnet-1"] } }));
    expect(err.ruleIds).toEqual(["SD013", "SD024", "SD026"]);
    expect(err.message).toMatch(/^3 rule violations:\n- test\/svc: \[SD013\].*\n- test\/svc: \[SD024\].*\n- test\/svc: \[SD026\]/);
  });
});
