/**
 * The plan guard: reads `terraform show -json <planfile>` output and finds the changes that break
 * service discovery — a private DNS namespace, a Cloud Map service or an ECS service being
 * replaced or deleted, and Service Connect being turned off or an endpoint renamed or removed
 * inside an in-place update of an ECS service. Pure functions: no Terraform, no files (the command
 * is src/cli/guard-command.ts). What each change breaks and how to avoid it lives in
 * dangerous-changes.ts; notes that differ by hashicorp/aws version are picked for the versions the
 * plan shows (provider-version.ts).
 */
import {
  DISCOVERY_SERVICE_TYPE,
  ECS_SERVICE_TYPE,
  NAMESPACE_TYPE,
  PROTECTED_RESOURCES,
  SAFE_UPDATE_NOTES,
  SERVICE_CONNECT_CHANGES,
} from "./dangerous-changes";
import { ProviderVersionEvidence, awsProviderVersionOf, describeRange } from "./provider-version";
import { noteText } from "./versioned-note";

/** Exit codes of the guard (and of the commands that run it): 0 safe, 2 dangerous, 1 unreadable input or error. */
export const GUARD_EXIT = { safe: 0, unreadable: 1, dangerous: 2 } as const;

/** The input is not `terraform show -json` output of a plan. */
export class PlanReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanReadError";
  }
}

/** One resource change as `terraform show -json` writes it (the parts the guard reads). */
export interface PlanResourceChange {
  readonly address: string;
  readonly type: string;
  readonly mode?: string | undefined;
  readonly change: {
    readonly actions: readonly string[];
    readonly before?: unknown | undefined;
    readonly after?: unknown | undefined;
    readonly after_unknown?: unknown | undefined;
    readonly replace_paths?: readonly (readonly (string | number)[])[] | undefined;
  };
  readonly action_reason?: string | undefined;
}

export interface GuardPlan {
  readonly format_version: string;
  readonly resource_changes?: readonly PlanResourceChange[] | undefined;
  /** Read for the hashicorp/aws version constraint (provider-version.ts). */
  readonly configuration?: unknown;
}

/** An attribute that forces a replacement, with its old and new value. */
export interface ForcingAttribute {
  /** e.g. `dns_config[0].dns_records[0].type` */
  readonly path: string;
  /** JSON text of the value in state, or undefined when absent. */
  readonly before?: string | undefined;
  /** JSON text of the planned value; "(known after apply)" when unknown. */
  readonly after?: string | undefined;
  /** Why it cannot change in place. */
  readonly why: string;
}

export interface GuardFinding {
  readonly address: string;
  readonly type: string;
  readonly label: string;
  /** `disable`: an in-place update that turns Service Connect off. */
  readonly kind: "replace" | "delete" | "disable";
  readonly actions: readonly string[];
  readonly forcedBy: readonly ForcingAttribute[];
  /** Terraform's reason when no attribute forces it (tainted, `-replace`, removed from config...). */
  readonly reason?: string | undefined;
  readonly breaks: string;
  readonly remedy: string;
  /** For a Cloud Map service: whether the ECS services registered to it are redeployed in the same plan. */
  readonly redeploy?: string | undefined;
}

export interface GuardNote {
  readonly address: string;
  readonly text: string;
}

export interface GuardReport {
  readonly safe: boolean;
  /** Resource changes that do something (no-op and read excluded). */
  readonly changes: number;
  readonly findings: readonly GuardFinding[];
  readonly notes: readonly GuardNote[];
  /** hashicorp/aws versions the plan was made with, as far as it tells (picks version-specific notes). */
  readonly awsProvider: ProviderVersionEvidence;
}

export interface AnalyseOptions {
  /** The exact hashicorp/aws version, when known (e.g. from `terraform version -json`). */
  readonly awsProviderVersion?: string | undefined;
}

/** Parses and checks `terraform show -json` text of a plan. Throws PlanReadError otherwise. */
export function parsePlanJson(text: string, source = "input"): GuardPlan {
  if (text.startsWith("PK")) {
    throw new PlanReadError(
      `${source} is a binary plan file, not its JSON. Run \`terraform show -json <planfile> > plan.json\` and pass plan.json.`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new PlanReadError(`${source} is not JSON (${(e as Error).message}). Pass the output of \`terraform show -json <planfile>\`.`);
  }
  return asPlan(parsed, source);
}

/** Checks that a parsed value is a plan: an object with format_version and resource_changes/planned_values. */
export function asPlan(value: unknown, source = "input"): GuardPlan {
  if (!isObject(value) || typeof value.format_version !== "string") {
    throw new PlanReadError(`${source} is JSON but not Terraform's JSON output (no format_version). Pass the output of \`terraform show -json <planfile>\`.`);
  }
  if (!("resource_changes" in value) && !("planned_values" in value)) {
    throw new PlanReadError(
      `${source} is Terraform JSON without planned changes (state or configuration output?). Pass \`terraform show -json <planfile>\`, not \`terraform show -json\` of the state.`,
    );
  }
  const changes = value.resource_changes;
  if (changes !== undefined && (!Array.isArray(changes) || !changes.every(isResourceChange))) {
    throw new PlanReadError(`${source}: resource_changes is malformed (each entry needs address, type and change.actions).`);
  }
  return value as unknown as GuardPlan;
}

/** Finds every dangerous change of the plan, and notes on notable safe ones. */
export function analysePlan(plan: GuardPlan, opts: AnalyseOptions = {}): GuardReport {
  const awsProvider = awsProviderVersionOf(plan, opts.awsProviderVersion);
  const changes = (plan.resource_changes ?? []).filter((rc) => rc.mode !== "data");
  const acting = changes.filter((rc) => !isNoop(rc.change.actions));
  const findings: GuardFinding[] = [];
  const notes: GuardNote[] = [];

  for (const rc of acting) {
    const protectedResource = PROTECTED_RESOURCES[rc.type];
    const kind = dangerousKind(rc.change.actions);
    if (protectedResource && kind) {
      const replace = kind === "replace";
      const forcedBy = replace ? forcingAttributes(rc, awsProvider) : [];
      findings.push({
        address: rc.address,
        type: rc.type,
        label: protectedResource.label,
        kind,
        actions: rc.change.actions,
        forcedBy,
        reason: reasonText(rc, forcedBy.length === 0),
        breaks: replace ? protectedResource.replaceBreaks : protectedResource.deleteBreaks,
        remedy: replace ? protectedResource.replaceRemedy : protectedResource.deleteRemedy,
        redeploy: rc.type === DISCOVERY_SERVICE_TYPE && replace ? redeployOf(rc, changes) : undefined,
      });
    } else if (rc.change.actions.includes("update")) {
      for (const [path, text] of Object.entries(SAFE_UPDATE_NOTES[rc.type] ?? {})) {
        if (differs(rc, path)) notes.push({ address: rc.address, text: noteText(text, awsProvider) });
      }
      if (rc.type === ECS_SERVICE_TYPE) {
        const sc = serviceConnectChanges(rc);
        findings.push(...sc.findings);
        notes.push(...sc.notes);
      }
    }
  }
  const order = [NAMESPACE_TYPE, DISCOVERY_SERVICE_TYPE, ECS_SERVICE_TYPE];
  findings.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type) || a.address.localeCompare(b.address));
  return { safe: findings.length === 0, changes: acting.length, findings, notes, awsProvider };
}

/** The guard's report for people. */
export function formatGuardReport(report: GuardReport): string {
  const lines: string[] = [];
  if (report.safe) {
    lines.push(
      `Plan guard: safe. ${report.changes} resource change(s); no private DNS namespace, Cloud Map service or ECS service is replaced or deleted, and no Service Connect endpoint is turned off or renamed.`,
    );
  } else {
    lines.push(
      `Plan guard: DANGEROUS. ${report.findings.length} of ${report.changes} resource change(s) replace or delete what service discovery depends on.`,
    );
  }
  for (const f of report.findings) {
    lines.push("", `${f.kind.toUpperCase()} ${f.address} (${f.label}; actions ${JSON.stringify(f.actions)})`);
    for (const a of f.forcedBy) {
      const values = a.before !== undefined || a.after !== undefined ? `: ${a.before ?? "null"} -> ${a.after ?? "null"}` : "";
      lines.push(`  forced by: ${a.path}${values} (${a.why})`);
    }
    if (f.reason) lines.push(`  reason:    ${f.reason}`);
    lines.push(`  breaks:    ${f.breaks}`);
    if (f.redeploy) lines.push(`  redeploy:  ${f.redeploy}`);
    lines.push(`  remedy:    ${f.remedy}`);
  }
  if (report.findings.length > 0 || report.notes.length > 0) {
    const { range, reasons } = report.awsProvider;
    lines.push("", `AWS provider: ${reasons.length > 0 ? `${describeRange(range)} (from ${reasons.join("; ")})` : "version not known from the plan (notes name the versions they hold for)"}`);
  }
  if (report.notes.length > 0) {
    lines.push("", "Safe in-place changes:");
    for (const n of report.notes) lines.push(`  ${n.address}: ${n.text}`);
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Service Connect inside an in-place update of an ECS service
// ---------------------------------------------------------------------------------------------

interface ServiceConnectBlock {
  readonly enabled?: unknown;
  readonly service?: readonly Record<string, unknown>[];
}

function serviceConnectOf(value: unknown): ServiceConnectBlock | undefined {
  if (!isObject(value) || !Array.isArray(value.service_connect_configuration)) return undefined;
  const [block] = value.service_connect_configuration as unknown[];
  return isObject(block) ? (block as ServiceConnectBlock) : undefined;
}

/** An endpoint's Cloud Map service name: its discovery name, which ECS defaults to the port name. */
function endpointName(service: Record<string, unknown>): string | undefined {
  const name = typeof service.discovery_name === "string" && service.discovery_name !== "" ? service.discovery_name : service.port_name;
  return typeof name === "string" ? name : undefined;
}

/**
 * Service Connect turned off (enabled -> false, or the block removed: hashicorp/aws then sends
 * enabled = false), endpoints renamed (a new Cloud Map service) or removed, and the notable safe
 * changes (turned on, client alias changed).
 */
function serviceConnectChanges(rc: PlanResourceChange): { findings: GuardFinding[]; notes: GuardNote[] } {
  const before = serviceConnectOf(rc.change.before);
  const after = serviceConnectOf(rc.change.after);
  const findings: GuardFinding[] = [];
  const notes: GuardNote[] = [];
  const wasOn = before !== undefined && before.enabled === true;
  const isOn = after !== undefined && after.enabled !== false;
  const C = SERVICE_CONNECT_CHANGES;
  const base = { address: rc.address, type: rc.type, actions: rc.change.actions, reason: undefined };

  if (wasOn && !isOn) {
    const removed = after === undefined;
    findings.push({
      ...base,
      label: C.disableLabel,
      kind: "disable",
      forcedBy: [
        removed
          ? { path: "service_connect_configuration", before: "[{ enabled = true, ... }]", after: "[]", why: C.removedBlockWhy }
          : { path: "service_connect_configuration[0].enabled", before: "true", after: "false", why: C.disabledWhy },
      ],
      breaks: C.disableBreaks,
      remedy: C.disableRemedy,
    });
    return { findings, notes };
  }
  if (!wasOn && isOn) notes.push({ address: rc.address, text: C.enabledNote });
  if (!wasOn || !isOn) return { findings, notes };

  const beforeServices = before.service ?? [];
  const afterServices = after.service ?? [];
  const unknownServices = valuesAt(rc.change.after_unknown, ["service_connect_configuration", "service"]).includes(true);
  const afterNames = new Set(afterServices.map(endpointName));
  beforeServices.forEach((old, i) => {
    const name = endpointName(old);
    if (name === undefined || afterNames.has(name) || unknownServices) return;
    const renamed = afterServices.findIndex((s) => s.port_name === old.port_name);
    const path = `service_connect_configuration[0].service[${renamed >= 0 ? renamed : i}].discovery_name`;
    const discoveryUnknown = renamed >= 0 && valueAt(rc.change.after_unknown, ["service_connect_configuration", 0, "service", renamed, "discovery_name"]) === true;
    if (discoveryUnknown) return;
    findings.push({
      ...base,
      label: `${C.endpointLabel} ${JSON.stringify(name)}`,
      kind: renamed >= 0 ? "replace" : "delete",
      forcedBy: renamed >= 0 ? [{ path, before: JSON.stringify(name), after: JSON.stringify(endpointName(afterServices[renamed])), why: C.discoveryNameWhy }] : [],
      reason: renamed >= 0 ? undefined : `the services entry for port ${JSON.stringify(old.port_name)} is removed`,
      breaks: renamed >= 0 ? C.endpointReplaceBreaks : C.endpointDeleteBreaks,
      remedy: renamed >= 0 ? C.endpointReplaceRemedy : C.endpointDeleteRemedy,
    });
  });
  // A client alias without dns_name in the configuration is filled in by ECS (known after apply).
  const alias = (s: Record<string, unknown> | undefined) => (Array.isArray(s?.client_alias) && isObject(s.client_alias[0]) ? s.client_alias[0] : {});
  const aliasChanged = afterServices.some((s) => {
    const old = beforeServices.find((b) => endpointName(b) === endpointName(s));
    if (old === undefined) return false;
    const [was, is] = [alias(old), alias(s)];
    return was.port !== is.port || (typeof is.dns_name === "string" && is.dns_name !== "" && is.dns_name !== was.dns_name);
  });
  if (aliasChanged && findings.length === 0 && !unknownServices) notes.push({ address: rc.address, text: C.clientAliasNote });
  return { findings, notes };
}

// ---------------------------------------------------------------------------------------------

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isResourceChange(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.address === "string" &&
    typeof value.type === "string" &&
    isObject(value.change) &&
    Array.isArray(value.change.actions)
  );
}

function isNoop(actions: readonly string[]): boolean {
  return actions.length === 0 || actions.every((a) => a === "no-op" || a === "read");
}

/** replace: ["delete","create"] or ["create","delete"]; delete: ["delete"]. ("forget" keeps the object.) */
function dangerousKind(actions: readonly string[]): "replace" | "delete" | undefined {
  if (!actions.includes("delete")) return undefined;
  return actions.includes("create") ? "replace" : "delete";
}

const REASONS: Record<string, string> = {
  replace_because_tainted: "the object is tainted (a create failed part-way, or `terraform taint`)",
  replace_by_request: "replacement requested with `-replace`",
  replace_by_triggers: "a `replace_triggered_by` reference changed",
  delete_because_no_resource_config: "the resource is no longer in the configuration (removed, or its construct id changed)",
  delete_because_no_module: "its module is no longer in the configuration",
  delete_because_wrong_repetition: "count/for_each changed shape",
  delete_because_count_index: "its count index is out of range now",
  delete_because_each_key: "its for_each key is gone",
};

function reasonText(rc: PlanResourceChange, always: boolean): string | undefined {
  if (rc.action_reason === undefined || rc.action_reason === "replace_because_cannot_update") {
    return always && dangerousKind(rc.change.actions) === "replace" ? "an attribute that cannot change in place changed" : undefined;
  }
  return REASONS[rc.action_reason] ?? rc.action_reason;
}

function forcingAttributes(rc: PlanResourceChange, provider: ProviderVersionEvidence): ForcingAttribute[] {
  const forcing = PROTECTED_RESOURCES[rc.type].forcingAttributes;
  return (rc.change.replace_paths ?? []).map((path) => {
    const unknown = valueAt(rc.change.after_unknown, path) === true;
    const before = valueAt(rc.change.before, path);
    const after = valueAt(rc.change.after, path);
    return {
      path: formatPath(path),
      before: before === undefined ? undefined : JSON.stringify(before),
      after: unknown ? "(known after apply)" : after === undefined ? undefined : JSON.stringify(after),
      why: explain(forcing, path, provider),
    };
  });
}

function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

/** The catalogue's explanation for the path, or for its nearest listed parent. */
function explain(
  forcing: (typeof PROTECTED_RESOURCES)[string]["forcingAttributes"],
  path: readonly (string | number)[],
  provider: ProviderVersionEvidence,
): string {
  const names = path.filter((p): p is string => typeof p === "string");
  for (let n = names.length; n > 0; n--) {
    const note = forcing[names.slice(0, n).join(".")];
    if (note) return noteText(note, provider);
  }
  return "the provider cannot change this attribute in place";
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const step of path) {
    if (current === true) return true; // a whole unknown block in after_unknown
    if (current === null || current === undefined || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

/** Values at a dotted path with list indexes skipped (every element of a list is visited). */
function valuesAt(value: unknown, names: readonly string[]): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => valuesAt(v, names));
  if (names.length === 0) return [value];
  if (value === true) return [true]; // unknown marker in after_unknown
  if (!isObject(value)) return [];
  return valuesAt(value[names[0]], names.slice(1));
}

/** Whether the attribute at `path` (dotted, no indexes) changes or becomes unknown. */
function differs(rc: PlanResourceChange, path: string): boolean {
  const names = path.split(".");
  if (valuesAt(rc.change.after_unknown, names).includes(true)) return true;
  return JSON.stringify(valuesAt(rc.change.before, names)) !== JSON.stringify(valuesAt(rc.change.after, names));
}

/**
 * Whether the ECS services registered to a replaced Cloud Map service (matched by the ARN in
 * their state, or by the discovery service id in the redeploy triggers older versions of this
 * library set) take the new service's ARN in the same plan. The provider sends
 * `service_registries` in UpdateService whenever it changes, and ECS then starts new tasks that
 * register with the new service; `force_new_deployment` adds nothing to that.
 */
function redeployOf(discovery: PlanResourceChange, changes: readonly PlanResourceChange[]): string {
  const before = isObject(discovery.change.before) ? discovery.change.before : {};
  const arn = before.arn;
  const id = before.id;
  const registered = changes.filter((rc) => {
    if (rc.type !== ECS_SERVICE_TYPE || !isObject(rc.change.before)) return false;
    const arns = valuesAt(rc.change.before.service_registries, ["registry_arn"]);
    const triggers = isObject(rc.change.before.triggers) ? Object.values(rc.change.before.triggers) : [];
    return (arn !== undefined && arns.includes(arn)) || (id !== undefined && triggers.includes(id));
  });
  if (registered.length === 0) {
    return (
      "no ECS service in this plan is registered to it. ECS services managed elsewhere keep the deleted registry: " +
      "point their service_registries at the new Cloud Map service's ARN (`aws ecs update-service --service-registries ...`); " +
      "ECS then starts new tasks that register with it (or force a new deployment with `aws ecs update-service --force-new-deployment`)."
    );
  }
  return registered
    .map((rc) => {
      const actions = rc.change.actions;
      if (actions.includes("delete")) return `${rc.address} is itself replaced or deleted in this plan (see below)`;
      if (!actions.includes("update")) {
        return `${rc.address} is NOT updated in this plan: its tasks stay unregistered until its service_registries name the new Cloud Map service`;
      }
      if (!differs(rc, "service_registries.registry_arn")) {
        return (
          `${rc.address} is updated in this plan, but its service_registries still name the replaced Cloud Map service: ` +
          "point registry_arn at the new service's ARN (a reference to it, not a literal ARN)"
        );
      }
      return (
        `${rc.address} takes the new registry ARN in the same plan (service_registries update in place): ` +
        "ECS starts new tasks that register with the new service"
      );
    })
    .join("; ");
}

/** Exit code for a report. */
export function exitCodeOf(report: GuardReport): number {
  return report.safe ? GUARD_EXIT.safe : GUARD_EXIT.dangerous;
}
