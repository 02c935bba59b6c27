/**
 * Service Connect and namespace rules (SD031-SD059): one negative test each, with otherwise
 * valid props, and a passing neighbour, so a dropped rule and a rule that misfires both fail.
 */
import { TerraformStack, Token, ref } from "cdktf";
import {
  DiscoverableEcsService,
  DiscoverableEcsServiceProps,
  DiscoveryService,
  HttpNamespace,
  INamespace,
  Namespace,
  PortMappingSpec,
  PrivateDnsNamespace,
  ServiceConnectOptions,
  ServiceConnectService,
} from "../../src";
import {
  HEALTH_CHECK,
  awsvpcProps,
  bridgeProps,
  checked,
  expectViolation,
  hostProps,
  ruleErrorFrom,
  testNamespace,
  testStack,
  warningsOf,
} from "../support/constructs";

const PCA = "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/11111111-2222-3333-4444-555555555555";
const ROLE = "arn:aws:iam::123456789012:role/ecsInfrastructureRole";
const NS_ARN = "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-abcdefgh12345678";

/** Fargate/awsvpc props whose container `web` maps 80 as port "http" (appProtocol http), with DNS discovery and Service Connect. */
/** Port mapping changes; `appProtocol: undefined` drops it (a TCP port). */
type PortChanges = { [K in keyof PortMappingSpec]?: PortMappingSpec[K] | undefined };

function scProps(ns: INamespace, sc: Partial<ServiceConnectOptions> = {}, port: PortChanges = {}): DiscoverableEcsServiceProps {
  const base = awsvpcProps(ns, {
    taskDefinition: {
      containers: [{ name: "web", image: "nginx", portMappings: [{ containerPort: 80, name: "http", appProtocol: "http", ...port } as PortMappingSpec], healthCheck: HEALTH_CHECK }],
    },
  });
  return { ...base, serviceConnect: { services: [{ portName: "http" }], ...sc } };
}

/** The same with only `serviceConnect` (no DNS discovery). */
function scOnly(ns: INamespace, sc: Partial<ServiceConnectOptions> = {}, port: PortChanges = {}): DiscoverableEcsServiceProps {
  const { discovery: _dns, ...rest } = scProps(ns, { namespace: ns, ...sc }, port);
  return rest as DiscoverableEcsServiceProps;
}

/** One Service Connect service with changes to the default `{ portName: "http" }`. */
const withService = (changes: Partial<ServiceConnectService>): Partial<ServiceConnectOptions> => ({
  services: [{ portName: "http", ...changes } as ServiceConnectService],
});

function build(props: (ns: INamespace) => DiscoverableEcsServiceProps) {
  const stack = testStack();
  return checked(new DiscoverableEcsService(stack, "svc", props(testNamespace(stack))));
}

const violationOf = (props: (ns: INamespace) => DiscoverableEcsServiceProps) =>
  ruleErrorFrom(() => {
    const stack = testStack();
    return new DiscoverableEcsService(stack, "svc", props(testNamespace(stack)));
  });

describe("SD031 HTTP namespace name", () => {
  it("refuses spaces and an `arn:` prefix, naming the prop", () => {
    const stack = testStack();
    const err = ruleErrorFrom(() => new HttpNamespace(stack, "ns", { name: "my namespace" }));
    expectViolation(err, { ruleId: "SD031", path: "test/ns", property: "name", mentions: ['name is "my namespace"', "printable ASCII"] });
    expect(ruleErrorFrom(() => new HttpNamespace(testStack(), "ns", { name: "arn:aws:x" })).ruleIds).toEqual(["SD031"]);
  });

  it("checks imported HTTP namespaces by their attribute name", () => {
    const err = ruleErrorFrom(() =>
      HttpNamespace.fromNamespaceAttributes(testStack(), "ns", { namespaceId: "ns-1", namespaceName: "" }) as unknown as HttpNamespace,
    );
    expectViolation(err, { ruleId: "SD031", path: "test/ns", property: "namespaceName" });
  });

  it.each(["internal", "payments.prod", "Team_A-1"])("accepts %s", (name) => {
    expect(() => checked(new HttpNamespace(testStack(), "ns", { name }))).not.toThrow();
  });
});

describe("SD032 namespace ARN", () => {
  it("refuses what is not a Cloud Map namespace ARN", () => {
    const err = ruleErrorFrom(() => Namespace.fromNamespaceArn(testStack(), "shared", "ns-abcdefgh12345678") as unknown as HttpNamespace);
    expectViolation(err, { ruleId: "SD032", path: "test/shared", property: "namespaceArn", mentions: ['namespaceArn is "ns-abcdefgh12345678"'] });
  });

  it("accepts a namespace ARN and reads the id from it", () => {
    const ns = Namespace.fromNamespaceArn(testStack(), "shared", NS_ARN);
    expect(() => checked(ns as unknown as HttpNamespace)).not.toThrow();
    expect(ns).toMatchObject({ namespaceId: "ns-abcdefgh12345678", namespaceArn: NS_ARN, namespaceName: NS_ARN, namespaceType: undefined });
  });
});

describe("SD033 DNS records in an HTTP namespace", () => {
  it("refuses a discovery service in an HTTP namespace (DiscoveryService)", () => {
    const stack = testStack();
    const ns = new HttpNamespace(stack, "http-ns", { name: "internal" });
    const err = ruleErrorFrom(() => new DiscoveryService(stack, "orders", { namespace: ns, name: "orders" }));
    expectViolation(err, { ruleId: "SD033", path: "test/orders", property: "namespace", mentions: ['the HTTP namespace "internal"', "PrivateDnsNamespace"] });
  });

  it("refuses `discovery` in an HTTP namespace, naming discovery.namespace", () => {
    const err = ruleErrorFrom(() => {
      const stack = testStack();
      const ns = HttpNamespace.fromNamespaceAttributes(stack, "http-ns", { namespaceId: "ns-1", namespaceName: "internal" });
      return new DiscoverableEcsService(stack, "svc", awsvpcProps(ns));
    });
    expectViolation(err, { ruleId: "SD033", path: "test/svc", property: "discovery.namespace" });
  });

  it("accepts private DNS namespaces and namespaces of unknown type", () => {
    expect(() => build((ns) => awsvpcProps(ns))).not.toThrow();
    const stack = testStack();
    const handWritten: INamespace = { namespaceId: "ns-1", namespaceName: "svc" };
    expect(() => checked(new DiscoverableEcsService(stack, "svc", awsvpcProps(handWritten)))).not.toThrow();
  });
});

describe("SD034 DNS discovery in a namespace imported by ARN alone", () => {
  it("refuses it: the DNS name and the type are unknown", () => {
    const err = ruleErrorFrom(() => {
      const stack = testStack();
      return new DiscoverableEcsService(stack, "svc", awsvpcProps(Namespace.fromNamespaceArn(stack, "shared", NS_ARN)));
    });
    expectViolation(err, { ruleId: "SD034", path: "test/svc", property: "discovery.namespace", mentions: ["PrivateDnsNamespace.fromNamespaceAttributes"] });
  });

  it("refuses it when the ARN is known only at plan (e.g. from remote state)", () => {
    const err = ruleErrorFrom(() => {
      const stack = testStack();
      const arn = Token.asString(ref("data.terraform_remote_state.shared.outputs.namespace_arn", stack));
      return new DiscoverableEcsService(stack, "svc", awsvpcProps(Namespace.fromNamespaceArn(stack, "shared", arn)));
    });
    expect(err.ruleIds).toEqual(["SD034"]);
  });

  it("accepts the same namespace for Service Connect", () => {
    const stack = testStack();
    const shared = Namespace.fromNamespaceArn(stack, "shared", NS_ARN);
    const svc = checked(new DiscoverableEcsService(stack, "svc", scOnly(shared)));
    expect(svc.serviceConnectNamespace).toBe(shared);
  });
});

describe("SD035 discovery or Service Connect", () => {
  it("refuses a service with neither", () => {
    const err = violationOf((ns) => {
      const { discovery: _d, ...rest } = awsvpcProps(ns);
      return rest as DiscoverableEcsServiceProps;
    });
    expectViolation(err, { ruleId: "SD035", path: "test/svc", property: "discovery", mentions: ["serviceConnect"] });
  });

  it.each([
    ["DNS only", (ns: INamespace) => awsvpcProps(ns)],
    ["Service Connect only", (ns: INamespace) => scOnly(ns)],
    ["both", (ns: INamespace) => scProps(ns)],
  ])("accepts %s", (_what, props) => {
    expect(() => build(props)).not.toThrow();
  });
});

describe("SD036 Service Connect network mode", () => {
  it("refuses host mode", () => {
    const err = violationOf((ns) => ({ ...hostProps(ns, { taskDefinition: { memory: 256 } }), serviceConnect: {} }));
    expectViolation(err, { ruleId: "SD036", path: "test/svc", property: "taskDefinition.networkMode", mentions: ['is "host"', '"awsvpc" or "bridge"'] });
  });

  it("accepts bridge (a client-only service with task memory)", () => {
    expect(() => build((ns) => ({ ...bridgeProps(ns, { taskDefinition: { memory: 256 } }), serviceConnect: {} }))).not.toThrow();
  });
});

describe("SD037 Service Connect namespace", () => {
  it("refuses Service Connect without a namespace and without discovery", () => {
    const err = violationOf((ns) => {
      const { namespace: _ns, ...sc } = scOnly(ns).serviceConnect!;
      return { ...scOnly(ns), serviceConnect: sc };
    });
    expectViolation(err, { ruleId: "SD037", path: "test/svc", property: "serviceConnect.namespace", mentions: ["Namespace.fromNamespaceArn"] });
  });

  it("defaults the namespace to the discovery namespace (by ARN)", () => {
    const svc = build((ns) => scProps(ns));
    expect(svc.serviceConnectNamespace?.namespaceName).toBe("svc");
  });
});

describe("SD038 proxy log driver", () => {
  it("refuses a log driver ECS does not offer", () => {
    const err = violationOf((ns) => scProps(ns, { logConfiguration: { logDriver: "cloudwatch" } }));
    expectViolation(err, { ruleId: "SD038", path: "test/svc", property: "serviceConnect.logConfiguration.logDriver", mentions: ['"cloudwatch"', '"awslogs"'] });
  });

  it("accepts awslogs", () => {
    expect(() => build((ns) => scProps(ns, { logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/x" } } }))).not.toThrow();
  });
});

describe("SD039/SD040/SD041 task memory for the proxy", () => {
  const ec2 = (ns: INamespace, memory: number | undefined, containerMemory: number) => {
    const props = scProps(ns);
    const td = props.taskDefinition as { containers: { memory?: number }[] };
    return {
      ...props,
      launchType: "EC2" as const,
      taskDefinition: { ...props.taskDefinition, ...(memory !== undefined ? { memory } : {}), containers: td.containers.map((c) => ({ ...c, memory: containerMemory })) },
    } as DiscoverableEcsServiceProps;
  };

  it("SD039 refuses an EC2 task definition without task memory", () => {
    expectViolation(violationOf((ns) => ec2(ns, undefined, 128)), { ruleId: "SD039", path: "test/svc", property: "taskDefinition", mentions: ["task memory"] });
  });

  it("SD040 refuses task memory that the containers use up", () => {
    expectViolation(violationOf((ns) => ec2(ns, 128, 128)), {
      ruleId: "SD040",
      path: "test/svc",
      property: "taskDefinition",
      mentions: ["task memory 128 MiB", "adding up to 128 MiB"],
    });
  });

  it("SD041 warns when less than 64 MiB is left to the proxy, and not with enough", () => {
    const stack = testStack();
    const svc = checked(new DiscoverableEcsService(stack, "svc", ec2(testNamespace(stack), 160, 128)));
    expect(warningsOf(svc).filter((w) => w.includes("[SD041]"))).toEqual([expect.stringContaining("leaves 32 MiB")]);
    const ok = testStack();
    expect(warningsOf(checked(new DiscoverableEcsService(ok, "svc", ec2(testNamespace(ok), 256, 128)))).join()).not.toContain("SD041");
  });

  it("accepts Fargate's default task memory (512) with containers without limits", () => {
    expect(() => build((ns) => scProps(ns))).not.toThrow();
  });
});

describe("SD042-SD046 named port mappings", () => {
  it("SD042 refuses a port name ECS refuses", () => {
    const err = violationOf((ns) => scProps(ns, withService({ portName: "HTTP" }), { name: "HTTP" }));
    expect(err.ruleIds).toContain("SD042");
    expectViolation(err, { ruleId: "SD042", path: "test/svc", property: "taskDefinition", mentions: ['web:80 ("HTTP")'] }, false);
  });

  it("SD043 refuses an unknown appProtocol", () => {
    const err = violationOf((ns) => scProps(ns, {}, { appProtocol: "tcp" as never }));
    expectViolation(err, { ruleId: "SD043", path: "test/svc", property: "taskDefinition", mentions: ['appProtocol "tcp"', '"http", "http2", "grpc"'] });
  });

  it("SD044 refuses appProtocol without a name", () => {
    const err = violationOf((ns) =>
      awsvpcProps(ns, { taskDefinition: { containers: [{ name: "web", image: "nginx", portMappings: [{ containerPort: 80, appProtocol: "grpc" }], healthCheck: HEALTH_CHECK }] } }),
    );
    expectViolation(err, { ruleId: "SD044", path: "test/svc", property: "taskDefinition", mentions: ["web:80"] });
  });

  it("SD045 refuses port names in host mode", () => {
    const err = violationOf((ns) =>
      hostProps(ns, { taskDefinition: { containers: [{ name: "web", image: "busybox", memory: 64, portMappings: [{ containerPort: 8080, name: "http" }], healthCheck: HEALTH_CHECK }] } }),
    );
    expectViolation(err, { ruleId: "SD045", path: "test/svc", property: "taskDefinition", mentions: ['network mode "host"'] });
  });

  it("SD046 warns about two port mappings of one name", () => {
    const stack = testStack();
    const props = awsvpcProps(testNamespace(stack), {
      taskDefinition: {
        containers: [
          { name: "web", image: "nginx", portMappings: [{ containerPort: 80, name: "http" }], healthCheck: HEALTH_CHECK },
          { name: "admin", image: "nginx", essential: false, portMappings: [{ containerPort: 81, name: "http" }] },
        ],
      },
    });
    const svc = checked(new DiscoverableEcsService(stack, "svc", props));
    expect(warningsOf(svc).filter((w) => w.includes("[SD046]"))).toEqual([expect.stringContaining('several port mappings "http"')]);
  });

  it("accepts named ports with http, http2 and grpc in awsvpc and bridge", () => {
    for (const appProtocol of ["http", "http2", "grpc"] as const) expect(() => build((ns) => scProps(ns, {}, { appProtocol }))).not.toThrow();
    expect(() =>
      build((ns) => bridgeProps(ns, { taskDefinition: { containers: [{ name: "web", image: "nginx", memory: 128, portMappings: [{ containerPort: 80, hostPort: 0, name: "http" }], healthCheck: HEALTH_CHECK }] } })),
    ).not.toThrow();
  });
});

describe("SD047 portName", () => {
  it("refuses a port name the task definition does not have, listing the names it has", () => {
    const err = violationOf((ns) => scProps(ns, withService({ portName: "grpc" })));
    expectViolation(err, { ruleId: "SD047", path: "test/svc", property: "serviceConnect.services[0].portName", mentions: ['portName is "grpc"', 'Allowed: a port mapping name of the task definition: "http"'] });
  });

  it("names the entry by its index", () => {
    const err = violationOf((ns) => scProps(ns, { services: [{ portName: "http" }, { portName: "admin", discoveryName: "admin" }] }));
    expectViolation(err, { ruleId: "SD047", path: "test/svc", property: "serviceConnect.services[1].portName" });
  });

  it("cannot check an existing task definition (ECS does at deploy)", () => {
    expect(() =>
      build((ns) => ({
        ...scProps(ns, withService({ portName: "anything", clientAliases: [{ port: 80 }] })),
        taskDefinition: { taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/api:1", networkMode: "awsvpc" },
      })),
    ).not.toThrow();
  });
});

describe("SD048 Service Connect discovery name", () => {
  it("refuses uppercase", () => {
    const err = violationOf((ns) => scProps(ns, withService({ discoveryName: "Api" })));
    expectViolation(err, { ruleId: "SD048", path: "test/svc", property: "serviceConnect.services[0].discoveryName", mentions: ['"Api"'] });
  });

  it("accepts the port name as default", () => {
    expect(build((ns) => scProps(ns)).serviceConnectEndpoints).toEqual([{ portName: "http", discoveryName: "http", dnsName: undefined, port: 80 }]);
  });
});

describe("SD049 discovery names unique in the namespace", () => {
  it("refuses a Service Connect discovery name equal to the DNS discovery name of the same service", () => {
    const err = violationOf((ns) => scProps(ns, withService({ discoveryName: "api" })));
    expectViolation(err, {
      ruleId: "SD049",
      path: "test/svc",
      property: "serviceConnect.services[0].discoveryName",
      mentions: ["the same as discovery.name in the same namespace", 'appends "-sc"'],
    });
  });

  it("refuses two entries of one service with the same discovery name", () => {
    const err = violationOf((ns) => scProps(ns, { services: [{ portName: "http" }, { portName: "http", clientAliases: [{ port: 8080 }] }] }));
    expectViolation(err, {
      ruleId: "SD049",
      path: "test/svc",
      property: "serviceConnect.services[1].discoveryName",
      mentions: ['"http"', "the same as an earlier entry of serviceConnect.services"],
    });
  });

  it("refuses two services of the namespace with one Service Connect discovery name", () => {
    const stack = testStack();
    const ns = testNamespace(stack);
    checked(new DiscoverableEcsService(stack, "a", scOnly(ns)));
    const err = ruleErrorFrom(() => new DiscoverableEcsService(stack, "b", { ...scOnly(ns), serviceName: "b" }));
    expectViolation(err, {
      ruleId: "SD049",
      path: "test/b",
      property: "serviceConnect.services[0].discoveryName",
      mentions: ["test/a (serviceConnect.services[0]) already uses as a Service Connect discovery name"],
    });
  });

  it("reports a DNS discovery name that an earlier Service Connect endpoint uses as SD005", () => {
    const stack = testStack();
    const ns = testNamespace(stack);
    checked(new DiscoverableEcsService(stack, "a", scOnly(ns)));
    const err = ruleErrorFrom(() => new DiscoverableEcsService(stack, "b", awsvpcProps(ns, { serviceName: "http" })));
    expectViolation(err, { ruleId: "SD005", path: "test/b", property: "discovery.name", mentions: ["as a Service Connect discovery name"] });
  });

  it("accepts the same names in different namespaces, and a distinct -sc name in the same one", () => {
    const stack = testStack();
    const dns = testNamespace(stack);
    const http = new HttpNamespace(stack, "http", { name: "internal" });
    expect(() => checked(new DiscoverableEcsService(stack, "a", scProps(dns, { namespace: http, ...withService({ discoveryName: "api" }) })))).not.toThrow();
    expect(() => checked(new DiscoverableEcsService(stack, "b", { ...scProps(dns, withService({ discoveryName: "b-sc" })), serviceName: "b" }))).not.toThrow();
  });
});

describe("SD050 exactly one client alias", () => {
  it.each([
    ["none", []],
    ["two", [{ port: 80 }, { port: 8080 }]],
  ])("refuses %s", (_what, clientAliases) => {
    const err = violationOf((ns) => scProps(ns, withService({ clientAliases })));
    expectViolation(err, { ruleId: "SD050", path: "test/svc", property: "serviceConnect.services[0].clientAliases", mentions: ["exactly one"] });
  });

  it("refuses an omitted alias with an existing task definition (no port to default to)", () => {
    const err = violationOf((ns) => ({
      ...scProps(ns),
      taskDefinition: { taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/api:1", networkMode: "awsvpc" },
    }));
    expectViolation(err, { ruleId: "SD050", path: "test/svc", property: "serviceConnect.services[0].clientAliases", mentions: ["gives 0 client aliases", "not known here"] });
  });

  it("defaults one alias on the named port's container port", () => {
    expect(build((ns) => scProps(ns)).serviceConnectEndpoints[0].port).toBe(80);
  });
});

describe("SD051/SD052 client alias port and DNS name", () => {
  it.each([0, 70000, 80.5])("SD051 refuses port %s", (port) => {
    const err = violationOf((ns) => scProps(ns, withService({ clientAliases: [{ port }] })));
    expectViolation(err, { ruleId: "SD051", path: "test/svc", property: "serviceConnect.services[0].clientAliases[0].port" });
  });

  it.each(["Orders", "-orders", "x".repeat(128)])("SD052 refuses dnsName %s", (dnsName) => {
    const err = violationOf((ns) => scProps(ns, withService({ clientAliases: [{ port: 80, dnsName }] })));
    expectViolation(err, { ruleId: "SD052", path: "test/svc", property: "serviceConnect.services[0].clientAliases[0].dnsName" });
  });

  it("accepts the name DNS clients already use", () => {
    const svc = build((ns) => scProps(ns, withService({ clientAliases: [{ port: 80, dnsName: "api.svc" }] })));
    expect(svc.serviceConnectEndpoints[0]).toMatchObject({ dnsName: "api.svc", port: 80 });
  });
});

describe("SD053 client aliases unique in the namespace", () => {
  it("refuses a second endpoint with the same DNS name and port", () => {
    const stack = testStack();
    const ns = testNamespace(stack);
    const alias = withService({ clientAliases: [{ port: 80, dnsName: "orders" }] });
    checked(new DiscoverableEcsService(stack, "a", scOnly(ns, alias)));
    const err = ruleErrorFrom(() =>
      new DiscoverableEcsService(stack, "b", { ...scOnly(ns, { services: [{ portName: "http", discoveryName: "b", clientAliases: [{ port: 80, dnsName: "orders" }] }] }), serviceName: "b" }),
    );
    expectViolation(err, { ruleId: "SD053", path: "test/b", property: "serviceConnect.services[0].clientAliases[0].dnsName", mentions: ['"orders":80', "test/a (serviceConnect.services[0])"] });
  });

  it("accepts the same name on another port", () => {
    const stack = testStack();
    const ns = testNamespace(stack);
    checked(new DiscoverableEcsService(stack, "a", scOnly(ns, withService({ clientAliases: [{ port: 80, dnsName: "orders" }] }))));
    expect(() =>
      checked(new DiscoverableEcsService(stack, "b", { ...scOnly(ns, { services: [{ portName: "http", discoveryName: "b", clientAliases: [{ port: 81, dnsName: "orders" }] }] }), serviceName: "b" })),
    ).not.toThrow();
  });
});

describe("SD054-SD057 ingress port and timeouts", () => {
  it.each([80, 1024, 65536])("SD054 refuses ingressPortOverride %s", (ingressPortOverride) => {
    const err = violationOf((ns) => scProps(ns, withService({ ingressPortOverride })));
    expectViolation(err, { ruleId: "SD054", path: "test/svc", property: "serviceConnect.services[0].ingressPortOverride", mentions: ["<= 1024"] });
  });

  it("SD055 refuses a negative or fractional idle timeout", () => {
    for (const idleTimeoutSeconds of [-1, 1.5]) {
      const err = violationOf((ns) => scProps(ns, withService({ idleTimeoutSeconds })));
      expectViolation(err, { ruleId: "SD055", path: "test/svc", property: "serviceConnect.services[0].idleTimeoutSeconds" });
    }
  });

  it("SD056 refuses a negative per-request timeout", () => {
    const err = violationOf((ns) => scProps(ns, withService({ perRequestTimeoutSeconds: -5 })));
    expectViolation(err, { ruleId: "SD056", path: "test/svc", property: "serviceConnect.services[0].perRequestTimeoutSeconds" });
  });

  it.each([
    ["a per-request timeout", { perRequestTimeoutSeconds: 10 }],
    ["an idle timeout (hashicorp/aws sends a per-request 0 with it)", { idleTimeoutSeconds: 600 }],
  ])("SD057 refuses %s on a TCP port", (_what, timeout) => {
    const err = violationOf((ns) => scProps(ns, withService(timeout), { appProtocol: undefined }));
    expectViolation(err, {
      ruleId: "SD057",
      path: "test/svc",
      property: "serviceConnect.services[0].perRequestTimeoutSeconds",
      mentions: ["no appProtocol (plain TCP)", "can't be set for tcp application"],
    });
  });

  it("accepts an override above 1024 and timeouts on http/grpc ports", () => {
    expect(() => build((ns) => scProps(ns, withService({ ingressPortOverride: 8443, idleTimeoutSeconds: 0, perRequestTimeoutSeconds: 30 })))).not.toThrow();
    expect(() => build((ns) => scProps(ns, withService({ idleTimeoutSeconds: 600 }), { appProtocol: "http2" }))).not.toThrow();
    expect(() => build((ns) => scProps(ns, withService({ perRequestTimeoutSeconds: 5 }), { appProtocol: "grpc" }))).not.toThrow();
  });
});

describe("SD058/SD059 TLS", () => {
  it("SD058 refuses an issuer that is not a Private CA ARN", () => {
    const err = violationOf((ns) => scProps(ns, withService({ tls: { awsPcaAuthorityArn: "my-ca", roleArn: ROLE } })));
    expectViolation(err, { ruleId: "SD058", path: "test/svc", property: "serviceConnect.services[0].tls.awsPcaAuthorityArn", mentions: ['"my-ca"'] });
  });

  it("SD059 refuses TLS without the infrastructure role ARN", () => {
    const err = violationOf((ns) => scProps(ns, withService({ tls: { awsPcaAuthorityArn: PCA } as never })));
    expectViolation(err, { ruleId: "SD059", path: "test/svc", property: "serviceConnect.services[0].tls.roleArn", mentions: ["infrastructure IAM role"] });
  });

  it("accepts a Private CA and a role", () => {
    expect(() => build((ns) => scProps(ns, withService({ tls: { awsPcaAuthorityArn: PCA, roleArn: ROLE, kmsKey: "alias/sc" } })))).not.toThrow();
  });
});

describe("a stack with several broken Service Connect inputs", () => {
  it("reports each once, in construct order", () => {
    const stack = new TerraformStack(testStack().node.root as never, "many");
    const ns = new PrivateDnsNamespace(stack, "ns", { name: "svc", vpcId: "vpc-0123456789abcdef0" });
    new DiscoverableEcsService(stack, "a", scProps(ns, withService({ ingressPortOverride: 80 })));
    const err = ruleErrorFrom(() => new DiscoverableEcsService(stack, "b", { ...scProps(ns, withService({ portName: "nope" })), serviceName: "b" }));
    expect(err.ruleIds).toEqual(["SD047"]);
  });
});
