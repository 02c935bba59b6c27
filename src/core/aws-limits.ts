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

// ---------------------------------------------------------------------------------------------
// Cloud Map namespace types and ECS Service Connect (sources: docs/service-connect.md)
// ---------------------------------------------------------------------------------------------

/** Cloud Map namespace types this library creates or imports (AWS CDK's `NamespaceType` spelling). */
export const NAMESPACE_TYPES = ["DNS_PRIVATE", "HTTP"] as const;
export type NamespaceType = (typeof NAMESPACE_TYPES)[number];

/**
 * HTTP namespace names (CreateHttpNamespace): 1-1024 printable ASCII characters without spaces
 * (`[!-~]`), not starting with `arn:`. RE2 has no look-ahead, so the prefix is tested apart.
 */
export const HTTP_NAMESPACE_NAME_PATTERN = "^[!-~]+$";

/** A Cloud Map namespace ARN; its last path segment is the namespace id. */
export const NAMESPACE_ARN_PATTERN = "^arn:aws[a-z-]*:servicediscovery:[a-z0-9-]+:[0-9]{12}:namespace/ns-[0-9A-Za-z]+$";

/** Service Connect networking: the proxy runs in awsvpc or bridge tasks only (not host, not none). */
export const SERVICE_CONNECT_NETWORK_MODES = ["awsvpc", "bridge"] as const;

/** `appProtocol` of a port mapping (ECS ApplicationProtocol). Omitted means TCP. */
export const APP_PROTOCOLS = ["http", "http2", "grpc"] as const;
export type AppProtocol = (typeof APP_PROTOCOLS)[number];

/**
 * Port mapping names and Service Connect discovery names: up to 64 lowercase letters, digits,
 * `_` and `-`, not starting with `-`.
 */
export const PORT_NAME_PATTERN = "^[a-z0-9_][a-z0-9_-]{0,63}$";
export const SERVICE_CONNECT_DISCOVERY_NAME_PATTERN = PORT_NAME_PATTERN;

/** Client alias DNS names: up to 127 lowercase letters, digits, `_`, `-` and `.`, not starting with `-`. */
export const CLIENT_ALIAS_DNS_NAME_PATTERN = "^[a-z0-9_.][a-z0-9_.-]{0,126}$";

/** ECS refuses an ingress port override of 1024 or less ("IngressPortOverride cannot use ports <= 1024"). */
export const MIN_INGRESS_PORT_OVERRIDE = 1025;

/** Service Connect timeouts: integer seconds, 0 turns the timeout off. */
export const MAX_TIMEOUT_SECONDS = 2147483647;

/** Log drivers ECS accepts for the Service Connect proxy's log configuration. */
export const LOG_DRIVERS = ["awslogs", "fluentd", "gelf", "json-file", "journald", "logentries", "splunk", "syslog", "awsfirelens"] as const;

/** Memory AWS recommends leaving to the Service Connect proxy beyond the containers' limits (MiB). */
export const SERVICE_CONNECT_PROXY_MEMORY = 64;

/** An AWS Private CA certificate authority ARN (Service Connect TLS issuer). */
export const PCA_AUTHORITY_ARN_PATTERN = "^arn:aws[a-z-]*:acm-pca:[a-z0-9-]+:[0-9]{12}:certificate-authority/[0-9A-Za-z-]+$";

/** An IAM role ARN (the ECS infrastructure role that Service Connect TLS needs). */
export const IAM_ROLE_ARN_PATTERN = "^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$";
