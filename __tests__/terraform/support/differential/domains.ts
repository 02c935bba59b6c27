/**
 * The input space of the exported module, one entry per variable: random valid values, the values
 * at and across every rule boundary that reads the variable, and a canonical value (what a
 * repair or a shrink step puts in its place). A test holds the table to `MODULE_VARIABLE_SPECS`.
 *
 * Adding a module variable means adding one entry here (and one in `TO_PROPS` of
 * `../module-translation.ts`); `edges` should hold both sides of each of its rules' boundaries.
 */
import { InputValue } from "../module-translation";
import { Rng } from "./rng";

/** Marks a variable left out of the module call (the module's default applies). */
export const ABSENT = Symbol("absent");
export type Drawn = InputValue | typeof ABSENT;

export interface VariableDomain {
  /** A random valid value of the variable on its own (coherence with others is `profile`'s job). */
  readonly random: (rng: Rng) => InputValue;
  /** Chance that a generated case sets the variable, when the profile does not decide it. */
  readonly setChance: number;
  /**
   * Values at and across the boundaries of the rules reading the variable (invalid ones too).
   * Network modes, launch types, record types and create/reuse are covered by the generator's
   * combinations instead.
   */
  readonly edges: readonly Drawn[];
  /**
   * A valid value that keeps the variable set when it was (a repair must not change which
   * defaults apply elsewhere), or ABSENT for the module's default. Also a shrink step's target
   * for required variables.
   */
  readonly canonical: Drawn;
}

export const VPC_ID = "vpc-0123456789abcdef0";
export const NAMESPACE_ID = "ns-abcdefgh12345678";
const CLUSTERS = ["arn:aws:ecs:us-east-1:123456789012:cluster/demo", "demo", "arn:aws:ecs:eu-west-1:210987654321:cluster/prod-1"];
const TASKS = ["arn:aws:ecs:us-east-1:123456789012:task-definition/app:1", "app:7", "arn:aws:ecs:us-east-1:123456789012:task-definition/orders-v2:12"];
const LABEL_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

/** A DNS label: letters and digits, with inner "-" or "_". */
export function label(rng: Rng, min = 1, max = 12): string {
  const length = rng.int(min, max);
  let text = "";
  for (let i = 0; i < length; i++) {
    const inner = i > 0 && i < length - 1;
    text += inner && rng.chance(0.15) ? rng.pick(["-", "_"]) : rng.pick([...LABEL_CHARS]);
  }
  return text;
}

const ids = (rng: Rng, prefix: string, min: number, max: number) =>
  Array.from({ length: rng.int(min, max) }, () => `${prefix}-${rng.hex(17)}`);

const nullable = (...edges: Drawn[]): Drawn[] => [...edges, null];

const SERVICE_CONNECT_NAMESPACE_ARN = "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-httpnamespace01";
const PCA_ARN = "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/11111111-2222-3333-4444-555555555555";
const INFRASTRUCTURE_ROLE_ARN = "arn:aws:iam::123456789012:role/ecsInfrastructureRole";

export const DOMAINS: Readonly<Record<string, VariableDomain>> = {
  namespace_name: {
    random: (rng) => rng.pick(["service", "internal.example.com", `${label(rng)}.local`, label(rng)]),
    setChance: 1,
    edges: ["a", "x".repeat(1024), "x".repeat(1025), "", "my namespace", "a<b&c>", "ns_1-a.b"],
    canonical: "service",
  },
  create_namespace: { random: (rng) => rng.chance(0.6), setChance: 1, edges: [null], canonical: ABSENT },
  vpc_id: {
    random: (rng) => rng.pick([VPC_ID, `vpc-${rng.hex(8)}`]),
    setChance: 1,
    edges: nullable("vpc-a", "vpc-", "vpc_0123", "", "VPC-0123"),
    canonical: VPC_ID,
  },
  namespace_id: {
    random: (rng) => rng.pick([NAMESPACE_ID, `ns-${rng.hex(16)}`]),
    setChance: 1,
    edges: nullable("ns-a", "ns-", "service", ""),
    canonical: NAMESPACE_ID,
  },
  service_name: {
    random: (rng) => label(rng, 1, 20),
    setChance: 1,
    edges: ["a", "a".repeat(63), "a".repeat(64), "-api", "api-", "api.v2", "_api_", "API_1"],
    canonical: "api",
  },
  discovery_name: {
    random: (rng) => label(rng, 1, 20),
    setChance: 0.4,
    edges: nullable("b", "b".repeat(63), "b".repeat(64), "-api", "api-", "api.v2", ""),
    canonical: "api",
  },
  cluster_arn: { random: (rng) => rng.pick(CLUSTERS), setChance: 1, edges: [], canonical: CLUSTERS[0] },
  task_definition_arn: { random: (rng) => rng.pick(TASKS), setChance: 1, edges: [], canonical: TASKS[0] },
  network_mode: {
    random: (rng) => rng.pick(["awsvpc", "bridge", "host"]),
    setChance: 1,
    edges: ["none", "nat", "AWSVPC", ""],
    canonical: "awsvpc",
  },
  launch_type: {
    random: (rng) => rng.pick(["FARGATE", "EC2"]),
    setChance: 1,
    edges: nullable("EXTERNAL", "fargate", ""),
    canonical: ABSENT,
  },
  desired_count: {
    random: (rng) => rng.pick([0, 1, 2, 3, rng.int(0, 1000)]),
    setChance: 0.5,
    edges: nullable(0, 1, 1000, 1001, -1, 2.5),
    canonical: ABSENT,
  },
  dns_record_type: {
    random: (rng) => rng.pick(["A", "AAAA", "A_AAAA", "SRV"]),
    setChance: 1,
    edges: nullable("CNAME", "a", ""),
    canonical: ABSENT,
  },
  dns_ttl: {
    random: (rng) => rng.pick([0, 10, 60, 300, rng.int(0, 300), rng.int(301, 86400)]),
    setChance: 0.5,
    edges: nullable(0, 300, 301, 2147483647, 2147483648, 1.5, -1),
    canonical: ABSENT,
  },
  routing_policy: {
    random: (rng) => rng.pick(["MULTIVALUE", "WEIGHTED"]),
    setChance: 0.3,
    edges: nullable("MULTIVALUE", "WEIGHTED", "ROUND_ROBIN", "multivalue"),
    canonical: ABSENT,
  },
  subnet_ids: { random: (rng) => ids(rng, "subnet", 1, 3), setChance: 1, edges: [[], ["subnet-0a"]], canonical: ABSENT },
  security_group_ids: { random: (rng) => ids(rng, "sg", 0, 2), setChance: 1, edges: [[], ["sg-0a"]], canonical: ABSENT },
  assign_public_ip: { random: (rng) => rng.chance(0.3), setChance: 1, edges: [true, false], canonical: ABSENT },
  container_name: {
    random: (rng) => rng.pick(["web", "app", label(rng)]),
    setChance: 1,
    edges: nullable("web", ""),
    canonical: "web",
  },
  container_port: {
    random: (rng) => rng.pick([80, 8080, rng.int(1, 65535)]),
    setChance: 1,
    edges: nullable(0, 1, 65535, 65536, 1.5, -1),
    canonical: 8080,
  },
  srv_port: {
    random: (rng) => rng.pick([80, 8080, rng.int(1, 65535)]),
    setChance: 1,
    edges: nullable(0, 1, 65535, 65536, 1.5, -1),
    canonical: 8080,
  },
  load_balancers: {
    random: (rng) =>
      Array.from({ length: rng.int(1, 2) }, () => ({
        target_group_arn: `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/${label(rng, 3, 10)}/${rng.hex(16)}`,
        container_name: rng.pick(["web", "app"]),
        container_port: rng.pick([80, 8080, rng.int(1, 65535)]),
      })),
    setChance: 0.25,
    edges: [[]],
    canonical: ABSENT,
  },
  force_destroy: { random: (rng) => rng.chance(0.5), setChance: 0.2, edges: [false, true], canonical: ABSENT },
  tags: {
    random: (rng) => Object.fromEntries(Array.from({ length: rng.int(1, 3) }, () => [label(rng, 2, 8), label(rng, 0, 8)])),
    setChance: 0.4,
    edges: [{}],
    canonical: ABSENT,
  },
  service_connect: {
    random: (rng) => serviceConnect(rng),
    setChance: 0.3,
    edges: [
      {},
      { enabled: false },
      { namespace: SERVICE_CONNECT_NAMESPACE_ARN },
      { namespace: "internal" },
      { services: [] },
      { log_configuration: { log_driver: "awslogs", options: { "awslogs-group": "/ecs/sc" } } },
      { log_configuration: { log_driver: "cloudwatch" } },
      endpoint({ discovery_name: "Api" }),
      endpoint({ discovery_name: "a".repeat(63) }),
      endpoint({ discovery_name: "a".repeat(64) }),
      endpoint({ client_aliases: [] }),
      endpoint({ client_aliases: [{ port: 80 }, { port: 8080 }] }),
      endpoint({ client_aliases: [{ port: 0 }] }),
      endpoint({ client_aliases: [{ port: 1 }] }),
      endpoint({ client_aliases: [{ port: 65535 }] }),
      endpoint({ client_aliases: [{ port: 65536 }] }),
      endpoint({ client_aliases: [{ port: 80, dns_name: "API" }] }),
      endpoint({ client_aliases: [{ port: 80, dns_name: "api.internal" }] }),
      endpoint({ ingress_port_override: 1024 }),
      endpoint({ ingress_port_override: 1025 }),
      endpoint({ ingress_port_override: 65535 }),
      endpoint({ ingress_port_override: 65536 }),
      endpoint({ idle_timeout_seconds: -1 }),
      endpoint({ idle_timeout_seconds: 0 }),
      endpoint({ per_request_timeout_seconds: 1.5 }),
      endpoint({ per_request_timeout_seconds: 15 }),
      endpoint({ tls: { aws_pca_authority_arn: PCA_ARN, role_arn: INFRASTRUCTURE_ROLE_ARN } }),
      endpoint({ tls: { aws_pca_authority_arn: PCA_ARN } }),
      endpoint({ tls: { aws_pca_authority_arn: "my-ca", role_arn: INFRASTRUCTURE_ROLE_ARN } }),
      {
        services: [
          { port_name: "http", discovery_name: "sc-a", client_aliases: [{ port: 80, dns_name: "api" }] },
          { port_name: "admin", discovery_name: "sc-b", client_aliases: [{ port: 80, dns_name: "api" }] },
        ],
      },
      {
        services: [
          { port_name: "http", client_aliases: [{ port: 80 }] },
          { port_name: "http", client_aliases: [{ port: 8080 }] },
        ],
      },
    ],
    canonical: ABSENT,
  },
};

/** `service_connect` with one endpoint (`http`, published as `sc-endpoint`) and changes to it. */
function endpoint(changes: { [key: string]: InputValue }): InputValue {
  return { services: [{ port_name: "http", discovery_name: "sc-endpoint", client_aliases: [{ port: 80 }], ...changes }] };
}

/**
 * A valid `service_connect`: one or two endpoints whose discovery names end in `-sc` (no DNS
 * discovery name here does, so they never collide with it), optional aliases, timeouts, TLS, logs.
 */
function serviceConnect(rng: Rng): InputValue {
  const count = rng.int(0, 2);
  const ports = [80, 8080, 9090];
  const services = Array.from({ length: count }, (_, i) => {
    const entry: { [key: string]: InputValue } = {
      port_name: ["http", "admin"][i],
      discovery_name: `${label(rng, 1, 20)}-sc${i}`,
      client_aliases: [rng.chance(0.5) ? { port: ports[i] } : { port: ports[i], dns_name: `${label(rng, 1, 10)}.internal` }],
    };
    if (rng.chance(0.3)) entry.ingress_port_override = rng.int(1025, 65535);
    if (rng.chance(0.3)) entry.idle_timeout_seconds = rng.int(0, 3600);
    if (rng.chance(0.3)) entry.per_request_timeout_seconds = rng.int(0, 3600);
    if (rng.chance(0.15)) entry.tls = { aws_pca_authority_arn: PCA_ARN, role_arn: INFRASTRUCTURE_ROLE_ARN };
    return entry;
  });
  const sc: { [key: string]: InputValue } = { services };
  if (rng.chance(0.2)) sc.namespace = SERVICE_CONNECT_NAMESPACE_ARN;
  if (rng.chance(0.2)) sc.log_configuration = { log_driver: "awslogs", options: { "awslogs-group": `/ecs/${label(rng, 2, 8)}` } };
  if (rng.chance(0.1)) sc.enabled = false;
  return sc;
}
