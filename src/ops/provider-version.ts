/**
 * Which hashicorp/aws versions a plan was made with, as far as the plan JSON tells. Notes of the
 * plan guard differ by provider version (6.4.0 stopped replacing an ECS service for a new
 * deployment controller, 6.15.0 for a new capacity provider strategy), so the guard states the
 * range it could establish and picks the notes for it.
 *
 * `terraform show -json` carries no selected provider version, so the range comes from:
 * - an explicit version (the guard's `--aws-provider-version`, e.g. from `terraform version -json`);
 * - the configuration's version constraint (`configuration.provider_config.*.version_constraint`);
 * - the resource schema the values were written with: attributes that exist only from a given
 *   version on (`region` on every resource since 6.0.0, ...), present or absent in the full
 *   objects of the plan (Terraform writes every attribute of the schema, null or not).
 */

export interface VersionRange {
  /** Lowest possible version, inclusive. @default - unbounded */
  readonly min?: string | undefined;
  /** Versions below this one. @default - unbounded */
  readonly below?: string | undefined;
}

export interface ProviderVersionEvidence {
  readonly range: VersionRange;
  /** Why, for the report: e.g. `aws_ecs_service attribute "region" (6.0.0+)`. */
  readonly reasons: readonly string[];
}

/** An attribute whose presence in a resource's values means the provider is at least `since`. */
export interface SchemaFingerprint {
  readonly type: string;
  readonly attribute: string;
  readonly since: string;
  /** Where that version added it. */
  readonly source: string;
}

/**
 * Attributes added in known versions to resources this project cares about. The unit suite
 * checks each is absent from the 5.100.0 bindings; the provider6 lane checks each is in the
 * 6.x bindings.
 */
export const SCHEMA_FINGERPRINTS: readonly SchemaFingerprint[] = [
  ...["aws_ecs_service", "aws_service_discovery_service", "aws_service_discovery_private_dns_namespace", "aws_ecs_task_definition"].map(
    (type) => ({ type, attribute: "region", since: "6.0.0", source: "CHANGELOG 6.0.0: enhanced region support (#43075)" }),
  ),
  { type: "aws_ecs_service", attribute: "deployment_configuration", since: "6.4.0", source: "CHANGELOG 6.4.0 (#43434)" },
  { type: "aws_ecs_service", attribute: "sigint_rollback", since: "6.11.0", source: "CHANGELOG 6.11.0 (#43986)" },
];

interface PlanLike {
  readonly configuration?: unknown;
  readonly resource_changes?: readonly { readonly type: string; readonly provider_name?: string | undefined; readonly change: Record<string, unknown> }[] | undefined;
}

const AWS_PROVIDER = /(^|\/)hashicorp\/aws$/;

/** The version range of hashicorp/aws a plan was made with; `explicit` (an exact version) wins. */
export function awsProviderVersionOf(plan: PlanLike, explicit?: string): ProviderVersionEvidence {
  if (explicit !== undefined) {
    const version = normalize(explicit);
    if (!version) throw new Error(`"${explicit}" is not a provider version (expected e.g. 6.20.0)`);
    return { range: { min: version, below: next(version) }, reasons: [`given: ${version}`] };
  }
  let range: VersionRange = {};
  const reasons: string[] = [];
  for (const constraint of versionConstraints(plan.configuration)) {
    const allowed = constraintRange(constraint);
    if (!allowed) continue;
    range = narrow(range, allowed, `version constraint "${constraint}"`, reasons);
  }
  for (const rc of plan.resource_changes ?? []) {
    if (rc.provider_name !== undefined && !AWS_PROVIDER.test(rc.provider_name)) continue;
    for (const fp of SCHEMA_FINGERPRINTS.filter((f) => f.type === rc.type)) {
      const seen = attributePresence(rc.change, fp.attribute);
      if (seen === undefined) continue;
      const found: VersionRange = seen ? { min: fp.since } : { below: fp.since };
      const reason = `${rc.type} values ${seen ? "have" : "lack"} "${fp.attribute}" (added in ${fp.since})`;
      if (!reasons.includes(reason)) range = narrow(range, found, reason, reasons);
    }
  }
  return { range, reasons };
}

/** Whether a range lies inside another one. */
export function within(inner: VersionRange, outer: VersionRange): boolean {
  const minOk = outer.min === undefined || (inner.min !== undefined && compare(inner.min, outer.min) >= 0);
  const belowOk = outer.below === undefined || (inner.below !== undefined && compare(inner.below, outer.below) <= 0);
  return minOk && belowOk;
}

/** Whether two ranges share a version. */
export function overlaps(a: VersionRange, b: VersionRange): boolean {
  const r = intersect(a, b);
  return r.min === undefined || r.below === undefined || compare(r.min, r.below) < 0;
}

/** The range as a Terraform-style constraint: ">= 6.4.0", "< 6.4.0", ">= 6.0.0, < 6.5.0", "any version". */
export function describeRange(range: VersionRange): string {
  if (range.min && range.below) return `>= ${range.min}, < ${range.below}`;
  if (range.min) return `>= ${range.min}`;
  if (range.below) return `< ${range.below}`;
  return "any version";
}

/** -1/0/1 by semantic version (numeric parts only; pre-release tags are ignored). */
export function compare(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) < (pb[i] ?? 0) ? -1 : 1;
  }
  return 0;
}

/**
 * The versions a Terraform version constraint (`>= 5.0, < 7.0`, `~> 6.4`, `= 5.100.0`) admits,
 * as one range; undefined when it cannot be one (`!=` only narrows, and is ignored here).
 */
export function constraintRange(constraint: string): VersionRange | undefined {
  let range: VersionRange = {};
  for (const part of constraint.split(",").map((p) => p.trim()).filter(Boolean)) {
    const m = /^(>=|<=|>|<|=|!=|~>)?\s*v?(\d+(?:\.\d+){0,2})(?:-[\w.]+)?$/.exec(part);
    if (!m) return undefined;
    const op = m[1] ?? "=";
    const version = normalize(m[2])!;
    const parts = m[2].split(".").length;
    switch (op) {
      case "=":
        range = intersect(range, { min: version, below: next(version) });
        break;
      case ">=":
        range = intersect(range, { min: version });
        break;
      case ">":
        range = intersect(range, { min: next(version) });
        break;
      case "<":
        range = intersect(range, { below: version });
        break;
      case "<=":
        range = intersect(range, { below: next(version) });
        break;
      case "~>": {
        // ~> 6.4 allows 6.x >= 6.4; ~> 6.4.1 allows 6.4.x >= 6.4.1; ~> 6 is >= 6.0.0.
        const [major, minor] = version.split(".").map(Number);
        const below = parts >= 3 ? `${major}.${minor + 1}.0` : parts === 2 ? `${major + 1}.0.0` : undefined;
        range = intersect(range, { min: version, ...(below ? { below } : {}) });
        break;
      }
      case "!=":
        break;
    }
  }
  return range;
}

/** The range narrowed by one piece of evidence; evidence that contradicts the rest is reported and ignored. */
function narrow(range: VersionRange, found: VersionRange, reason: string, reasons: string[]): VersionRange {
  if (!overlaps(range, found)) {
    reasons.push(`${reason} contradicts the rest (ignored)`);
    return range;
  }
  reasons.push(reason);
  return intersect(range, found);
}

/** Whether a Terraform version constraint admits a version (`!=` exclusions included). */
export function admits(constraint: string, version: string): boolean {
  const v = normalize(version);
  const range = constraintRange(constraint);
  if (!v || !range) throw new Error(`cannot evaluate "${constraint}" for "${version}"`);
  const excluded = constraint
    .split(",")
    .map((p) => /^\s*!=\s*v?([\d.]+)\s*$/.exec(p)?.[1])
    .some((x) => x !== undefined && compare(normalize(x)!, v) === 0);
  return !excluded && within({ min: v, below: next(v) }, range);
}

function intersect(a: VersionRange, b: VersionRange): VersionRange {
  const min = a.min === undefined ? b.min : b.min === undefined ? a.min : compare(a.min, b.min) >= 0 ? a.min : b.min;
  const below = a.below === undefined ? b.below : b.below === undefined ? a.below : compare(a.below, b.below) <= 0 ? a.below : b.below;
  return { ...(min !== undefined ? { min } : {}), ...(below !== undefined ? { below } : {}) };
}

function normalize(version: string): string | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(version.trim());
  return m ? `${m[1]}.${m[2] ?? 0}.${m[3] ?? 0}` : undefined;
}

/** The smallest version after `version` (patch + 1). */
function next(version: string): string {
  const [major, minor, patch] = version.split(".").map(Number);
  return `${major}.${minor}.${patch + 1}`;
}

/** hashicorp/aws version constraints of the plan's configuration (root and module provider configs). */
function versionConstraints(configuration: unknown): string[] {
  const configs = (configuration as { provider_config?: Record<string, { full_name?: string; name?: string; version_constraint?: string }> } | undefined)
    ?.provider_config;
  return Object.values(configs ?? {})
    .filter((c) => (c.full_name ? AWS_PROVIDER.test(c.full_name) : c.name === "aws") && typeof c.version_constraint === "string")
    .map((c) => c.version_constraint!);
}

/**
 * Whether the resource's full objects have the attribute: true/false from `before` (state) or
 * from `after` together with `after_unknown`; undefined when neither is a full object.
 */
function attributePresence(change: Record<string, unknown>, attribute: string): boolean | undefined {
  const before = change.before;
  if (isObject(before)) return attribute in before;
  const after = change.after;
  if (isObject(after)) return attribute in after || (isObject(change.after_unknown) && attribute in change.after_unknown);
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
