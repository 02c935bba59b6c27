/**
 * The module's README: usage, requirements, and the inputs, outputs and rules tables, all
 * generated from the same definitions as the `.tf` files so they cannot disagree.
 */
import { ALL_RULES } from "../../src/rules/catalogue";
import { ModuleExample } from "./examples";
import { JsonObject, renderHcl } from "./hcl-render";
import { MODULE_OUTPUT_SPECS } from "./module-outputs";
import { MODULE_AWS_PROVIDER_VERSION, MODULE_REQUIRED_VERSION } from "./module-stack";
import { MODULE_VARIABLE_SPECS, ModuleVariableSpec, REQUIRED } from "./module-variables";
import { RulePlacement } from "./rule-placement";
import { MODULE_CALL_SCHEMA } from "./terraform-json";

/** Text for a Markdown table cell (pipes and angle brackets escaped, one line). */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\n/g, " ");
}

function code(text: string): string {
  return "`" + text + "`";
}

function defaultText(spec: ModuleVariableSpec): string {
  if (spec.default === REQUIRED) return "n/a";
  return code(JSON.stringify(spec.default));
}

export function inputsTable(): string {
  const rows = MODULE_VARIABLE_SPECS.map(
    // A multi-line type (an object) on one line, its indentation collapsed.
    (v) => `| ${code(v.name)} | ${cell(v.description)} | ${code(cell(v.type.replace(/\s+/g, " ")))} | ${defaultText(v)} | ${v.default === REQUIRED ? "yes" : "no"} |`,
  );
  return ["| Name | Description | Type | Default | Required |", "| --- | --- | --- | --- | --- |", ...rows].join("\n");
}

export function outputsTable(): string {
  const rows = MODULE_OUTPUT_SPECS.map((o) => `| ${code(o.name)} | ${cell(o.description)} |`);
  return ["| Name | Description |", "| --- | --- |", ...rows].join("\n");
}

export function rulesTable(placements: readonly RulePlacement[]): string {
  const rows = ALL_RULES.flatMap((rule) => {
    const where = placements.filter((p) => p.ruleId === rule.id);
    if (where.length === 0) return [];
    const checked = where
      .map((p) => `${p.kind === "check" ? "check block" : p.kind} ${code(p.where)}`)
      .join("; ");
    return [`| ${rule.id} | ${cell(rule.title)} | ${checked} |`];
  });
  return ["| Rule | What | Checked as |", "| --- | --- | --- |", ...rows].join("\n");
}

/**
 * Why a rule of the catalogue has no check in the module. Every rule without a placement needs
 * a reason here (a test holds the README to it), so a new rule is either exported or explained.
 */
export const RULES_THE_MODULE_CANNOT_CHECK: Readonly<Record<string, string>> = {
  SD000:
    "Terraform's type constraints do that here: every variable has a `type`, and Terraform refuses a value that does not convert to it (and a missing required variable) before it plans anything",
  SD005: "one module call creates one discovery service; names used by other calls in the same namespace are not visible to it",
  SD018: "it inspects the task definition's containers, which the module does not see (it takes an ARN)",
  SD019: "it inspects the task definition's containers, which the module does not see (it takes an ARN)",
  SD020: "it inspects the task definition's containers, which the module does not see (it takes an ARN)",
  SD027: "`load_balancers` entries name only ALB/NLB target groups (`target_group_arn`); there is no way to name a Classic Load Balancer",
  SD028: "it inspects the task definition's port mappings, which the module does not see",
  SD029: "it inspects the task definition's memory settings, which the module does not see",
  SD030: "it inspects the task definition's health checks, which the module does not see",
  SD031: "the module creates no HTTP namespace; `service_connect.namespace` names an existing one, which Cloud Map has checked already",
  SD032: "the module takes `service_connect.namespace` as a name or an ARN, and ECS accepts either",
  SD033: "the module's DNS records always go to the private DNS namespace it creates or reuses (`namespace_id`)",
  SD034: "the module's DNS namespace is given by id and name, never by ARN alone",
  SD035: "the module always publishes the service in DNS; `service_connect` comes on top",
  SD037: "`service_connect.namespace` defaults to the module's own namespace, so there always is one",
  SD039: "it inspects the task definition's memory, which the module does not see (it takes an ARN)",
  SD040: "it inspects the task definition's memory, which the module does not see (it takes an ARN)",
  SD041: "it inspects the task definition's memory, which the module does not see (it takes an ARN)",
  SD042: "it inspects the task definition's port mappings, which the module does not see",
  SD043: "it inspects the task definition's port mappings, which the module does not see",
  SD044: "it inspects the task definition's port mappings, which the module does not see",
  SD045: "it inspects the task definition's port mappings, which the module does not see",
  SD046: "it inspects the task definition's port mappings, which the module does not see",
  SD047: "it compares `port_name` with the task definition's port mappings, which the module does not see",
  SD057: "it reads the `appProtocol` of the task definition's port mapping, which the module does not see",
};

function uncheckedRules(placements: readonly RulePlacement[]): string {
  const unchecked = ALL_RULES.filter((r) => !placements.some((p) => p.ruleId === r.id));
  const missing = unchecked.filter((r) => RULES_THE_MODULE_CANNOT_CHECK[r.id] === undefined);
  if (missing.length > 0) {
    throw new Error(`rules ${missing.map((r) => r.id).join(", ")} have no check in the module and no reason in RULES_THE_MODULE_CANNOT_CHECK`);
  }
  return unchecked.map((r) => `- ${r.id} (${r.title}): ${RULES_THE_MODULE_CANNOT_CHECK[r.id]}.`).join("\n");
}

/**
 * What the usage snippet pins `ref` to. The repository has no release tags, so a `<tag>` there
 * would send users looking for one (a unit test checks this against `git tag`).
 */
export const PIN_PLACEHOLDER = "<commit sha>";

function usageSnippet(): string {
  return renderHcl([
    {
      type: "module",
      labels: ["service_discovery"],
      body: {
        source: `git::https://github.com/<org>/cdktf-ecs-service-discovery.git//hcl/terraform-aws-ecs-service-discovery?ref=${PIN_PLACEHOLDER}`,
        namespace_name: "service",
        vpc_id: "${var.vpc_id}",
        service_name: "service-a",
        cluster_arn: "${var.cluster_arn}",
        task_definition_arn: "${aws_ecs_task_definition.service_a.arn}",
        network_mode: "awsvpc",
        desired_count: 2,
        subnet_ids: "${var.private_subnet_ids}",
      },
      schema: MODULE_CALL_SCHEMA,
    },
  ]).trimEnd();
}

/** The README of the module folder. */
export function moduleReadme(placements: readonly RulePlacement[], examples: readonly ModuleExample[], json: JsonObject): string {
  const ecsService = ((json.resource as JsonObject)?.aws_ecs_service as JsonObject)?.this as JsonObject | undefined;
  const dynamicBlocks = (ecsService?.dynamic ?? {}) as JsonObject;
  const hostPlacement = "placement_constraints" in dynamicBlocks ? " `host` tasks are placed one per instance." : "";
  const redeploy =
    ecsService?.force_new_deployment === undefined && ecsService?.triggers === undefined
      ? ` When the Cloud Map service is replaced (its
record type or routing policy changed), the ECS service's \`service_registries\` take the new
service's ARN in the same apply and ECS starts new tasks that register with it; no
\`force_new_deployment\` is set, so other updates (a desired count, tags) roll no tasks.`
      : "";
  return `<!-- Generated by \`npm run export-module\` (tools/hcl-module/module-readme.ts); edit the generator, not this file. -->
# terraform-aws-ecs-service-discovery

A Terraform module for **Amazon ECS service discovery**: a Cloud Map private DNS namespace (or an
existing one), a Cloud Map service with MULTIVALUE routing and ECS-reported health, and an ECS
service whose tasks register in it — awsvpc tasks as A records, bridge/host tasks as SRV records.
Clients then resolve \`<discovery_name>.<namespace_name>\` (e.g. \`service-a.service\`) to the
addresses of the running tasks.

It is generated from the constructs of the CDK for Terraform library in this repository
(\`npm run export-module\`), so its defaults and its input checks are the library's own: every
rule of the library's catalogue that depends on an input is a \`validation\` or a \`precondition\`
here, with the same message, naming the variable to fix.

## Usage

\`\`\`hcl
${usageSnippet()}
\`\`\`

Pin \`ref\` to the full SHA of the commit you reviewed (\`git rev-parse HEAD\` in a clone, or the
commit's page on GitHub), so a later change to the module reaches your plans only when you move
the pin. The repository has no release tags yet; once releases are tagged, \`?ref=<tag>\` pins
the same way.

Ready-to-run root modules are in [\`examples/\`](examples). Copy one, point its \`source\` at this
module (the git address above; the examples use \`../..\`), and \`terraform plan\` runs:
\`terraform.tfvars\` holds placeholder values to replace with yours before \`apply\`.

${examples.map((e) => `- [\`${e.name}\`](examples/${e.name}): ${e.title}. ${e.summary}`).join("\n")}

Defaults follow the network mode: \`awsvpc\` publishes A records and the service registry carries
only the registry ARN; \`bridge\` and \`host\` publish SRV records and need \`container_name\` and
\`container_port\` (the container port of the task definition's port mapping; with dynamic host
ports ECS publishes each task's host port). \`awsvpc\` with SRV records takes either \`srv_port\` or
\`container_name\` + \`container_port\`, never both.${hostPlacement}

\`service_connect\` adds ECS Service Connect beside the DNS records (null leaves it off): each
\`services\` entry publishes a named port of the task definition as an endpoint under one client
alias, in the module's namespace unless \`namespace\` names another (by name or ARN). The
task definition needs the named port mapping and, for timeouts, its \`appProtocol\`. Removing
\`service_connect\` from a deployed service turns Service Connect off (hashicorp/aws sends
\`enabled = false\`); see the repository's \`docs/service-connect.md\`.

The module configures no provider and no backend.${redeploy}

## Requirements

| Name | Version |
| --- | --- |
| terraform | ${code(MODULE_REQUIRED_VERSION)} (\`check\` blocks arrived in 1.5, preconditions in 1.2; tested with 1.11) |
| hashicorp/aws | ${code(MODULE_AWS_PROVIDER_VERSION)}: planned with 5.100.0; 6.x schema-checked against 6.66.0, not planned (no 6.x provider binary where it is built). On 6.x, plans warn that \`health_check_custom_config.failure_threshold\` is deprecated: the module keeps it, since without it the provider replaces the Cloud Map service on every plan (provider issue 44285) |

## Inputs

${inputsTable()}

## Outputs

${outputsTable()}

## Rules

A check on one variable is that variable's \`validation\` (Terraform reports it before planning
anything, pointing at your argument); a check that relates several inputs is a \`precondition\` of
the resource that uses them (cross-variable validations need Terraform 1.9, which this module does
not require); a warning is a \`check\` block (Terraform prints it and goes on). The message is
the library's, with variables for property names:

\`\`\`
[SD012] var.network_mode is "bridge", but var.launch_type "FARGATE" runs tasks only in awsvpc mode. Allowed: "awsvpc" with "FARGATE"; "bridge" and "host" with "EC2". Fix: set var.network_mode to "awsvpc", or set var.launch_type to "EC2" to keep bridge/host.
\`\`\`

${rulesTable(placements)}

Not checked by the module:

${uncheckedRules(placements)}

So make \`container_name\`/\`container_port\` match the task definition's port mappings, and give
its essential container a health check (ECS then replaces failing tasks and removes them from DNS).
For Service Connect, name the port mapping \`port_name\` refers to, give it an \`appProtocol\` when
you set timeouts, and give the task definition a task-level memory above its containers' limits.

## Resources

| Resource | Created |
| --- | --- |
| \`aws_service_discovery_private_dns_namespace.this\` | when \`create_namespace\` is true |
| \`aws_service_discovery_service.this\` | always; \`health_check_custom_config { failure_threshold = 1 }\`, never a Route 53 health check |
| \`aws_ecs_service.this\` | always, with \`service_registries\`; with \`service_connect_configuration\` when \`service_connect\` is set |
`;
}
