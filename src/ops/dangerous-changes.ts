/**
 * What the plan guard knows about the resources whose replacement or deletion breaks service
 * discovery: the one place that says, per resource type and per attribute that forces a
 * replacement, what breaks and how to avoid it. `plan-guard.ts` only matches plans against it.
 */

import type { Note } from "./versioned-note";

/** Resource types whose replace/delete the guard refuses. */
export const NAMESPACE_TYPE = "aws_service_discovery_private_dns_namespace";
export const DISCOVERY_SERVICE_TYPE = "aws_service_discovery_service";
export const ECS_SERVICE_TYPE = "aws_ecs_service";

export interface ProtectedResource {
  /** What it is, for people. */
  readonly label: string;
  /** What a replacement breaks, whatever forces it. */
  readonly replaceBreaks: string;
  readonly replaceRemedy: string;
  /** What a deletion breaks. */
  readonly deleteBreaks: string;
  readonly deleteRemedy: string;
  /**
   * Why a given attribute cannot change in place, by attribute path with list indexes removed
   * (`dns_config.dns_records.type`). Attributes not listed get a generic line. A note that holds
   * for some hashicorp/aws versions only says which (versioned-note.ts).
   */
  readonly forcingAttributes: Readonly<Record<string, Note>>;
}

/**
 * `region` exists from hashicorp/aws 6.0.0 on and forces a replacement when it changes. 6.0.0 to
 * 6.4.x also plan that replacement, for no change at all, when a plan with -refresh=false (as
 * `plan:offline --state` runs) reads state written by 5.x (fixed in 6.5.0, #43516).
 */
const REGION_NOTE: Note = [
  {
    versions: { min: "6.0.0", below: "6.5.0" },
    text:
      "either the resource moves to another region, or this is the provider bug of 6.0.0-6.4.x that plans a replacement on " +
      "region when a -refresh=false plan reads state written by hashicorp/aws 5.x (fixed in 6.5.0, #43516): upgrade to " +
      ">= 6.5.0 or plan with refresh before trusting it",
  },
  { versions: { min: "6.5.0" }, text: "the resource moves to another region: a new one is created there and this one deleted" },
];

export const PROTECTED_RESOURCES: Readonly<Record<string, ProtectedResource>> = {
  [NAMESPACE_TYPE]: {
    label: "Cloud Map private DNS namespace",
    replaceBreaks:
      "Terraform deletes the namespace and its Route 53 private hosted zone, then creates a new one with a new id. " +
      "Every Cloud Map service in it is replaced too, and every name under it stops resolving until the ECS services " +
      "are redeployed and their tasks re-register.",
    replaceRemedy:
      "Revert the attribute. To really move, create the new namespace beside the old one (another construct id and name), " +
      "register the services there, move clients to the new names, then remove the old namespace in a later change.",
    deleteBreaks:
      "The namespace and its private hosted zone go away: every `<service>.<namespace>` name in it stops resolving.",
    deleteRemedy:
      "If this is not a planned teardown, restore the namespace in the configuration (a renamed construct id also deletes " +
      "and recreates; use a `moved` block or `terraform state mv` instead).",
    forcingAttributes: {
      name: "the namespace name is the DNS suffix of every service name and cannot change in place",
      vpc: "a private namespace's hosted zone is created for one VPC and cannot move to another",
      region: REGION_NOTE,
    },
  },
  [DISCOVERY_SERVICE_TYPE]: {
    label: "Cloud Map service",
    replaceBreaks:
      "Terraform deletes the Cloud Map service (force_destroy deregisters its instances) and creates a new one with a new id " +
      "and ARN. The ECS tasks registered to it vanish from DNS: clients get empty answers until the ECS service is " +
      "redeployed and its tasks re-register with the new service.",
    replaceRemedy:
      "Revert the attribute if the change is not needed. If it is: make sure every ECS service registered to it takes the " +
      "new registry ARN in the same apply (DiscoverableEcsService and the HCL module reference the Cloud Map service's ARN, " +
      "so the plan updates their service_registries in place and ECS starts new tasks that register with the new service; " +
      "no force_new_deployment is needed) and apply in a quiet window; or publish a second discovery service under a new " +
      "name, move clients to it, then remove the old one.",
    deleteBreaks:
      "The discovery name stops resolving, and an ECS service still registered to it keeps pointing at a deleted registry.",
    deleteRemedy:
      "If this is not a planned teardown, restore it in the configuration (a renamed construct id also deletes and recreates; " +
      "use a `moved` block or `terraform state mv`). Remove the ECS service's registration in the same change.",
    forcingAttributes: {
      "dns_config.dns_records.type":
        "a Cloud Map service's record types (A, AAAA, A_AAAA or SRV) are fixed at creation",
      "dns_config.routing_policy": "a Cloud Map service's routing policy (MULTIVALUE or WEIGHTED) is fixed at creation",
      "dns_config.namespace_id": "the service moves to another namespace, so every client-facing name changes",
      "dns_config": "the DNS configuration's record types and routing policy cannot change after creation",
      "namespace_id": "the service moves to another namespace, so every client-facing name changes",
      name: "the discovery name changes: clients still resolving the old name get no answer at all",
      health_check_custom_config:
        "custom health check settings cannot change; AWS always stores failure_threshold 1, so keep " +
        "health_check_custom_config { failure_threshold = 1 } (an empty block or another value replaces the service on every plan)",
      "health_check_custom_config.failure_threshold":
        "AWS always stores failure_threshold 1; any other value (or an empty block) replaces the service on every plan",
      health_check_config: "Route 53 health checks cannot be attached to services in a private DNS namespace",
      type: "the Cloud Map service type cannot change in place",
      region: REGION_NOTE,
    },
  },
  [ECS_SERVICE_TYPE]: {
    label: "ECS service",
    replaceBreaks:
      "Terraform deletes the ECS service first (its name must be free): every task stops and deregisters from Cloud Map, so " +
      "the discovery name answers nothing until the new service's tasks start and pass their health checks.",
    replaceRemedy:
      "Revert the attribute. If the change is needed, create the new service beside the old one under another service name " +
      "(and discovery name), move clients, then remove the old service.",
    deleteBreaks: "Its tasks stop and deregister: the discovery name answers nothing.",
    deleteRemedy:
      "If this is not a planned teardown, restore it in the configuration (a renamed construct id also deletes and recreates; " +
      "use a `moved` block or `terraform state mv`).",
    forcingAttributes: {
      name: "an ECS service cannot be renamed",
      cluster: "an ECS service cannot move to another cluster",
      launch_type: "the launch type (FARGATE/EC2) cannot change in place",
      scheduling_strategy: "the scheduling strategy (REPLICA/DAEMON) cannot change in place",
      iam_role: "the service's IAM role cannot change in place",
      "deployment_controller.type": [
        {
          versions: { below: "6.4.0" },
          text:
            "the deployment controller type cannot change in place with this provider; hashicorp/aws 6.4.0 and later " +
            "update it in place (CHANGELOG 6.4.0, #43434), so upgrading the provider avoids this replacement",
        },
        {
          versions: { min: "6.4.0" },
          text: "updated in place by this provider (since 6.4.0); a replacement here comes from another attribute or a -replace",
        },
      ],
      capacity_provider_strategy: [
        {
          versions: { below: "6.15.0" },
          text:
            "this provider replaces the service when the capacity provider strategy changes without force_new_deployment = true, " +
            "or when it goes from no strategy blocks to some or back; hashicorp/aws 6.15.0 and later update it in place " +
            "(with force_new_deployment = true, which DiscoverableEcsService sets by default)",
        },
        {
          versions: { min: "6.15.0" },
          text: "updated in place by this provider (since 6.15.0, force_new_deployment = true required); a replacement here has another cause",
        },
      ],
      region: REGION_NOTE,
    },
  },
};

/** Safe in-place changes worth a line of explanation in the guard's output. */
export const SAFE_UPDATE_NOTES: Readonly<Record<string, Readonly<Record<string, Note>>>> = {
  [ECS_SERVICE_TYPE]: {
    // Only 6.x plans these in place (older providers replace the service: see forcingAttributes).
    "deployment_controller.type":
      "the deployment controller changes in place (hashicorp/aws 6.4.0 and later); ECS uses the new controller for the next deployment",
    capacity_provider_strategy:
      "the capacity provider strategy changes in place with a new deployment (hashicorp/aws 6.15.0 and later); tasks move to the new capacity and re-register",
    service_registries:
      "service_registries changes in place (UpdateService may add, change or remove registries since 2022); " +
      "ECS starts new tasks that register with the new settings",
    triggers: "a redeploy trigger changed: ECS starts a new deployment so tasks re-register",
  },
  [DISCOVERY_SERVICE_TYPE]: {
    "dns_config.dns_records.ttl": "the record TTL changes in place; clients may keep the old answers for up to the old TTL",
  },
};

// ---------------------------------------------------------------------------------------------
// Service Connect (issue #10): changes inside an in-place update of an ECS service. ECS keeps a
// Cloud Map service per endpoint, named by its discovery name, and client tasks learn the
// namespace's endpoints when they start (sources: docs/service-connect.md).
// ---------------------------------------------------------------------------------------------

/** What turning Service Connect off, or renaming or removing an endpoint, breaks; and how to avoid it. */
export const SERVICE_CONNECT_CHANGES = {
  disableLabel: "Service Connect",
  disableBreaks:
    "ECS starts a deployment without the Service Connect proxy: the service's endpoints stop answering once its old tasks " +
    "are gone, so Service Connect clients calling their client aliases fail, and the service's own tasks can no longer " +
    "call other endpoints through a proxy. DNS discovery (service_registries) is not affected.",
  disableRemedy:
    "Move the clients of its endpoints to another name first (keep DNS discovery beside Service Connect while they move), " +
    "then turn it off deliberately with enabled = false (serviceConnect: { enabled: false }). To keep it on, restore the block.",
  /** Why a removed block is not a no-op. */
  removedBlockWhy:
    "the service_connect_configuration block is removed, and hashicorp/aws (since 4.47.0) then sends enabled = false: " +
    "removing the block turns Service Connect off, it does not leave it as it is",
  disabledWhy: "enabled changes to false",
  endpointLabel: "Service Connect endpoint (a Cloud Map service ECS manages)",
  endpointReplaceBreaks:
    "ECS creates a Cloud Map service under the new discovery name and deploys; the endpoint under the old name goes away " +
    "with the old tasks. Client tasks know only the endpoints that existed when they started: clients started before this " +
    "deployment keep calling the old endpoint and fail, and new clients get the new one.",
  endpointReplaceRemedy:
    "Keep the discovery name (it is not what clients call; the client alias is). If it must change, add the new endpoint " +
    "beside the old one (another services entry), redeploy the clients, then remove the old entry.",
  endpointDeleteBreaks:
    "The endpoint stops answering when the old tasks are gone; clients calling its client alias fail.",
  endpointDeleteRemedy:
    "Move its clients to another endpoint and redeploy them first, then remove the entry.",
  discoveryNameWhy:
    "a Service Connect endpoint is a Cloud Map service named by its discovery name; a new name is a new Cloud Map service",
  /** Safe changes worth a line. */
  enabledNote:
    "Service Connect turns on in place: ECS deploys new tasks with the proxy. Client tasks reach a new endpoint only once " +
    "they are redeployed after it exists (start servers first, then clients).",
  clientAliasNote:
    "a client alias changes: client tasks started before this deployment keep calling the old name and port until they " +
    "are redeployed; redeploy the clients after this service.",
} as const;
