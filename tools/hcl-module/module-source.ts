/**
 * The module's source in both flavours: Terraform JSON (one `main.tf.json`) and HCL in the
 * conventional files (`versions.tf`, `variables.tf`, `main.tf`, `outputs.tf`).
 */
import { ServiceDiscoveryModuleStack } from "./module-stack";
import { JsonObject, TopLevelBlock, renderHcl } from "./hcl-render";
import { RulePlacement } from "./rule-placement";
import { CHECK_SCHEMA, OUTPUT_SCHEMA, TERRAFORM_SCHEMA, VARIABLE_SCHEMA, resourceSchemas, stackJson, withScratchApp } from "./terraform-json";

/** Nested blocks of `service_connect_configuration`, which the module writes as dynamic blocks. */
const SERVICE_CONNECT_BLOCKS = ["service_connect_configuration", "service", "client_alias", "timeout", "tls", "issuer_cert_authority", "log_configuration"];

export interface ModuleSource {
  /** The whole module as Terraform JSON syntax. */
  readonly json: JsonObject;
  /** HCL files by name. */
  readonly hclFiles: Readonly<Record<string, string>>;
  /** Where each rule is checked. */
  readonly rulePlacements: readonly RulePlacement[];
}

/** Synthesizes the module from the constructs. Deterministic: the same code gives the same text. */
export function synthesizeModuleSource(): ModuleSource {
  return withScratchApp((app) => {
    const stack = new ServiceDiscoveryModuleStack(app, "terraform-aws-ecs-service-discovery");
    const json = stackJson(stack);
    // Blocks the ECS service has only inside `dynamic` overrides (Service Connect) are named here.
    const schemaOf = resourceSchemas(stack, {}, { aws_ecs_service: SERVICE_CONNECT_BLOCKS });
    const blocks = (kind: string): TopLevelBlock[] => {
      const section = (json[kind] ?? {}) as Record<string, JsonObject>;
      if (kind === "resource") {
        return Object.entries(section).flatMap(([type, byName]) =>
          Object.entries(byName as Record<string, JsonObject>).map(([name, body]) => ({
            type: "resource",
            labels: [type, name],
            body,
            schema: schemaOf(type),
          })),
        );
      }
      const schema = kind === "variable" ? VARIABLE_SCHEMA : kind === "check" ? CHECK_SCHEMA : OUTPUT_SCHEMA;
      return Object.entries(section).map(([name, body]) => ({ type: kind, labels: [name], body, schema }));
    };
    const unexpected = Object.keys(json).filter((k) => !["terraform", "variable", "locals", "resource", "check", "output"].includes(k));
    if (unexpected.length > 0) throw new Error(`the module must declare only terraform, variables, locals, resources, checks and outputs; found ${unexpected.join(", ")}`);

    const hclFiles = {
      "versions.tf": renderHcl([{ type: "terraform", labels: [], body: json.terraform as JsonObject, schema: TERRAFORM_SCHEMA }]),
      "variables.tf": renderHcl(blocks("variable")),
      "main.tf": renderHcl([
        ...(json.locals ? [{ type: "locals", labels: [], body: json.locals as JsonObject, schema: {} }] : []),
        ...blocks("resource"),
        ...blocks("check"),
      ]),
      "outputs.tf": renderHcl(blocks("output")),
    };
    return { json, hclFiles, rulePlacements: stack.rulePlacements };
  });
}
