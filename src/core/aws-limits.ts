/**
 * AWS facts the rules and defaults rely on, in one place (see ../shared/seed/DIGEST.md).
 */

export const NETWORK_MODES = ["awsvpc", "bridge", "host"] as const;
export const LAUNCH_TYPES = ["FARGATE", "EC2"] as const;

/**
 * Record types a discovery service may publish. `A_AAAA` publishes both an A and an AAAA record.
 * CNAME is left out on purpose: it needs WEIGHTED routing and ECS never registers CNAMEs.
 */
export const DNS_RECORD_TYPES = ["A", "AAAA", "A_AAAA", "SRV"] as const;
export type DnsRecordType = (typeof DNS_RECORD_TYPES)[number];

/** Record types that carry an IP address (no port). */
export const ADDRESS_RECORD_TYPES = ["A", "AAAA", "A_AAAA"] as const;

export const ROUTING_POLICIES = ["MULTIVALUE", "WEIGHTED"] as const;
export type RoutingPolicy = (typeof ROUTING_POLICIES)[number];

/** Cloud Map TTL bounds (the API requires a TTL; the provider does not range-check it). */
export const MIN_TTL = 0;
export const MAX_TTL = 2147483647;
/** Above this, clients may keep calling a stopped task's IP for longer than a deployment takes. */
export const LONG_TTL_WARNING = 300;
/** AWS has no default TTL; AWS CDK uses 60 s and so do we. */
export const DEFAULT_TTL = 60;

/** Cloud Map's limit of instances per service, and so of tasks per discoverable ECS service. */
export const MAX_INSTANCES_PER_SERVICE = 1000;

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

/**
 * Namespace names: 1-1024 characters of letters, digits, dots, underscores and hyphens. The
 * length is checked apart from the pattern: RE2 (Terraform's regex engine) caps counts at 1000.
 */
export const NAMESPACE_NAME_PATTERN = "^[0-9A-Za-z._-]+$";
export const NAMESPACE_NAME_MAX_LENGTH = 1024;

/**
 * A discovery name becomes one DNS label: 1-63 characters, letters, digits, `_` and `-`, not
 * starting or ending with `-`. Written in the common subset of JS and RE2 (Terraform) syntax.
 */
export const DNS_LABEL_PATTERN = "^[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$";

/** Cloud Map custom health checks: AWS always uses 1, any other value forces replacement. */
export const CUSTOM_HEALTH_CHECK_FAILURE_THRESHOLD = 1;

/** Fargate's smallest task size, used when a Fargate task definition gives none. */
export const FARGATE_DEFAULT_CPU = 256;
export const FARGATE_DEFAULT_MEMORY = 512;
