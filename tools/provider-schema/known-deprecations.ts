/**
 * Deprecations in hashicorp/aws 6.x that the bindings cannot tell (their generator drops the
 * schema's `deprecated` flag), from the provider's CHANGELOG and version 6 upgrade guide. The
 * schema check reports every one a configuration uses; the lane checks that each path still
 * exists in the 6.x bindings, so a stale entry fails rather than hiding a removal.
 * Sources and context: docs/aws-provider-6.md.
 */

export interface KnownDeprecation {
  /**
   * Where: `resource.<type>.<argument path>`, `data.<type>.<argument path>` or
   * `provider.<argument path>`, blocks separated by dots.
   */
  readonly path: string;
  /** Provider version that deprecated it. */
  readonly since: string;
  /** What to use instead, or why this project keeps it. */
  readonly note: string;
  /** Where it is documented. */
  readonly source: string;
}

export const KNOWN_DEPRECATIONS: readonly KnownDeprecation[] = [
  {
    path: "resource.aws_service_discovery_service.health_check_custom_config.failure_threshold",
    since: "6.0.0",
    note:
      "AWS always stores 1 and the provider warns on every plan. This project keeps `failure_threshold = 1` on purpose: " +
      "without it the provider plans a replacement of the Cloud Map service on every plan (provider issue #44285; " +
      "PR #43428 to fix that is not merged), which would break every registration. Expect the warning on 6.x.",
    source: "CHANGELOG 6.0.0 NOTES (#40777); issues #44291, #44285",
  },
  {
    path: "data.aws_region.name",
    since: "6.0.0",
    note: "read `region` instead",
    source: "CHANGELOG 6.0.0 NOTES (#42131); version 6 upgrade guide, Data Source aws_region",
  },
  {
    path: "resource.aws_iam_role.inline_policy",
    since: "5.x (still deprecated in 6.x)",
    note: "use aws_iam_role_policy resources",
    source: "provider schema 5.100.0 (deprecated flag)",
  },
  {
    path: "resource.aws_iam_role.managed_policy_arns",
    since: "5.x (still deprecated in 6.x)",
    note: "use aws_iam_role_policy_attachment resources",
    source: "provider schema 5.100.0 (deprecated flag)",
  },
  {
    path: "provider.s3_us_east_1_regional_endpoint",
    since: "6.0.0",
    note: "remove it (the global S3 endpoint goes away in 7.0.0)",
    source: "CHANGELOG 6.0.0 NOTES (#42375); version 6 upgrade guide, S3 Global Endpoint Deprecation",
  },
];
