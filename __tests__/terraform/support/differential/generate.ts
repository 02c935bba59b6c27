/**
 * Seeded random module calls covering the module's whole variable space.
 *
 * Case i is built in three steps:
 * 1. a combination of network mode x launch type x record type: the first 45 cases take one of
 *    all 45 each, later ones a combination a user would likely write (bridge/host mostly on EC2
 *    with SRV records); the namespace is created or reused alternately. The case is then made
 *    coherent the way a user would write it (awsvpc gets subnets, SRV a port or a container);
 * 2. every other variable set with its domain's `setChance` to a random valid value;
 * 3. edge values: every (variable, edge) pair goes to one case, in a seeded order (the first
 *    cases one each, or more when there are more edges than cases), so any case count meets
 *    every rule boundary; other cases take a random edge half the time, and any case may get
 *    one more random change.
 * Combinations and edges that break rules are intended: valid and invalid inputs both appear.
 */
import { InputValue, ModuleInputs } from "../module-translation";
import { ABSENT, DOMAINS, Drawn } from "./domains";
import { Rng } from "./rng";

export interface GeneratedCase {
  /** `case <n>` (or the name of a fixed case). */
  readonly id: string;
  readonly inputs: ModuleInputs;
  /** What the case was built to probe, for coverage and for the failure report. */
  readonly probes: readonly string[];
}

const MODES = ["awsvpc", "bridge", "host"] as const;
const LAUNCH_TYPES = [ABSENT, "FARGATE", "EC2"] as const;
const RECORD_TYPES = [ABSENT, "A", "AAAA", "A_AAAA", "SRV"] as const;

export interface Combination {
  readonly networkMode: string;
  readonly launchType: Drawn;
  readonly dnsRecordType: Drawn;
}

export const COMBINATIONS: readonly Combination[] = MODES.flatMap((networkMode) =>
  LAUNCH_TYPES.flatMap((launchType) => RECORD_TYPES.map((dnsRecordType) => ({ networkMode, launchType, dnsRecordType }))),
);

/** Every (variable, edge value) pair of the domains. */
export const EDGES: readonly (readonly [string, Drawn])[] = Object.entries(DOMAINS).flatMap(([name, d]) =>
  d.edges.map((e) => [name, e] as const),
);

/** Variables the profile decides together (coherence); the rest are drawn on their own. */
const PROFILE_VARIABLES = new Set([
  "namespace_name", "create_namespace", "vpc_id", "namespace_id", "service_name", "cluster_arn", "task_definition_arn",
  "network_mode", "launch_type", "dns_record_type", "subnet_ids", "security_group_ids", "assign_public_ip",
  "container_name", "container_port", "srv_port",
]);

export const describeDrawn = (value: Drawn): string =>
  value === ABSENT ? "absent" : JSON.stringify(value).length > 40 ? `${JSON.stringify(value).slice(0, 37)}...` : JSON.stringify(value);

function set(inputs: Record<string, Drawn>, name: string, value: Drawn): void {
  if (!(name in DOMAINS)) throw new Error(`no domain for module variable ${name}`);
  inputs[name] = value;
}

function coherentCase(rng: Rng, combo: Combination, createNamespace: boolean): Record<string, Drawn> {
  const random = (name: string) => DOMAINS[name].random(rng);
  const inputs: Record<string, Drawn> = {};
  for (const name of ["namespace_name", "service_name", "cluster_arn", "task_definition_arn"]) set(inputs, name, random(name));
  set(inputs, "network_mode", combo.networkMode);
  set(inputs, "launch_type", combo.launchType);
  set(inputs, "dns_record_type", combo.dnsRecordType);
  if (createNamespace) {
    if (rng.chance(0.5)) set(inputs, "create_namespace", true);
    set(inputs, "vpc_id", random("vpc_id"));
  } else {
    set(inputs, "create_namespace", false);
    set(inputs, "namespace_id", random("namespace_id"));
  }
  const awsvpc = combo.networkMode === "awsvpc";
  const recordType = combo.dnsRecordType === ABSENT ? (awsvpc ? "A" : "SRV") : combo.dnsRecordType;
  if (recordType === "SRV") {
    if (awsvpc && rng.chance(0.5)) {
      set(inputs, "srv_port", random("srv_port"));
    } else {
      set(inputs, "container_name", random("container_name"));
      set(inputs, "container_port", random("container_port"));
    }
  }
  if (awsvpc) {
    set(inputs, "subnet_ids", random("subnet_ids"));
    if (rng.chance(0.5)) set(inputs, "security_group_ids", random("security_group_ids"));
    if (combo.launchType !== "EC2" && rng.chance(0.3)) set(inputs, "assign_public_ip", true);
  }
  for (const [name, domain] of Object.entries(DOMAINS)) {
    if (!PROFILE_VARIABLES.has(name) && rng.chance(domain.setChance)) set(inputs, name, domain.random(rng));
  }
  return inputs;
}

/** A combination users write: bridge/host mostly on EC2 with SRV records. */
function likelyCombination(rng: Rng): Combination {
  const networkMode = rng.pick(MODES);
  if (networkMode === "awsvpc") return { networkMode, launchType: rng.pick(LAUNCH_TYPES), dnsRecordType: rng.pick(RECORD_TYPES) };
  return {
    networkMode,
    launchType: rng.chance(0.9) ? "EC2" : rng.pick(LAUNCH_TYPES),
    dnsRecordType: rng.chance(0.9) ? rng.pick([ABSENT, "SRV"]) : rng.pick(RECORD_TYPES),
  };
}

/** A random change of one variable: an edge, its removal, or another valid value. */
function randomChange(rng: Rng): readonly [string, Drawn] {
  const name = rng.pick(Object.keys(DOMAINS));
  const domain = DOMAINS[name];
  const kind = rng.int(0, 2);
  if (kind === 0 && domain.edges.length > 0) return [name, rng.pick(domain.edges)];
  if (kind === 1 && domain.canonical === ABSENT) return [name, ABSENT];
  return [name, domain.random(rng)];
}

export function toInputs(drawn: Readonly<Record<string, Drawn>>): ModuleInputs {
  return Object.fromEntries(Object.entries(drawn).filter(([, v]) => v !== ABSENT)) as Record<string, InputValue>;
}

/** `count` cases from `seed`; the same seed and count give the same cases. */
export function generateCases(seed: number, count: number): GeneratedCase[] {
  const rng = new Rng(seed);
  const combos = rng.shuffle(COMBINATIONS);
  const edges = rng.shuffle(EDGES);
  return Array.from({ length: count }, (_, i) => {
    const combo = i < combos.length ? combos[i] : likelyCombination(rng);
    const create = i % 2 === 0;
    const drawn = coherentCase(rng, combo, create);
    const probes = [
      `${combo.networkMode}/${describeDrawn(combo.launchType)}/${describeDrawn(combo.dnsRecordType)}/${create ? "create" : "reuse"}`,
    ];
    // Edge j goes to case j mod count: every edge is met even when there are more edges than cases.
    const mine = edges.filter((_, j) => j % count === i);
    if (mine.length === 0 && rng.chance(0.5)) mine.push(rng.pick(edges));
    for (const [name, value] of mine) {
      drawn[name] = value;
      probes.push(`${name}=${describeDrawn(value)}`);
    }
    if (rng.chance(0.2)) {
      const [name, value] = randomChange(rng);
      drawn[name] = value;
      probes.push(`${name}=${describeDrawn(value)}`);
    }
    return { id: `case ${i}`, inputs: toInputs(drawn), probes };
  });
}
