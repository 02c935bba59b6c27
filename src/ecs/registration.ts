import { eq, isKnown, orDefault, when } from "../core/expr";
import { ContainerSpec } from "./task-definition-spec";

export interface RegistrationInput {
  readonly networkMode: string;
  readonly dnsRecordType?: string | undefined;
  readonly port?: number | undefined;
  readonly containerName?: string | undefined;
  readonly containerPort?: number | undefined;
  /** Containers of a task definition created here; undefined for an existing one. */
  readonly containers?: readonly ContainerSpec[] | undefined;
}

/** What the ECS service registers with: the record type and the `service_registries` fields. */
export interface Registration {
  readonly dnsRecordType: string;
  readonly port?: number | undefined;
  readonly containerName?: string | undefined;
  readonly containerPort?: number | undefined;
}

/**
 * Applies the defaults of ECS service discovery:
 * - record type: A for awsvpc, SRV for bridge/host;
 * - SRV without an explicit `port`: the named container, or else the first essential container
 *   that maps a port, and that container's first mapped container port. (Naming a container
 *   without a port takes *that* container's first port, not the first container's.)
 * Values the defaults cannot fill stay unset; the rule catalogue then says what is missing.
 */
export function resolveRegistration(input: RegistrationInput): Registration {
  const dnsRecordType = orDefault<string>(input.dnsRecordType, when(eq(input.networkMode, "awsvpc"), "A", "SRV"));
  const registration = {
    dnsRecordType,
    port: input.port,
    containerName: input.containerName,
    containerPort: input.containerPort,
  };
  if (input.containers === undefined || dnsRecordType !== "SRV" || input.port !== undefined) return registration;

  const container =
    input.containerName === undefined
      ? input.containers.find((c) => c.essential !== false && (c.portMappings ?? []).length > 0)
      : isKnown(input.containerName)
        ? input.containers.find((c) => c.name === input.containerName)
        : undefined;
  return {
    ...registration,
    containerName: input.containerName ?? container?.name,
    containerPort: input.containerPort ?? container?.portMappings?.[0]?.containerPort,
  };
}
