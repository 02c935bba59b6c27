import { Fn, TerraformIterator, Token, Tokenization } from "cdktf";
import { isKnown } from "../core/expr";
import { ContainerSpec, NetworkMode } from "./task-definition-spec";

/**
 * Renders containers as the task definition's `container_definitions` JSON, with AWS's own
 * camelCase keys. Values AWS would fill in are written out (essential, protocol, hostPort) so the
 * stored definition equals ours and plans stay clean.
 */
export function renderContainerDefinitions(containers: readonly ContainerSpec[], networkMode: NetworkMode): string {
  const definitions = containers.map((c) => containerDefinition(c, networkMode));
  // Tokens inside JSON.stringify become `${...}` template parts, which break the JSON when the
  // value holds a quote, backslash or newline; let Terraform encode the document when anything
  // in it is known only at apply. (The text is checked: a token-free array of objects always
  // looks "known" to cdktf, whatever its leaves hold.)
  // A token object (a variable's `.value`) is written as its string form, so the text shows it.
  const text = JSON.stringify(definitions, (_key, value: unknown) => (Tokenization.isResolvable(value) ? Token.asString(value) : value));
  return isKnown(text) ? text : Fn.jsonencode(definitions);
}

function containerDefinition(c: ContainerSpec, networkMode: NetworkMode): Record<string, unknown> {
  return dropUndefined({
    name: c.name,
    image: c.image,
    essential: c.essential ?? true,
    cpu: c.cpu,
    memory: c.memory,
    command: c.command,
    portMappings: (c.portMappings ?? []).map((p) => ({
      containerPort: p.containerPort,
      // bridge: 0 asks ECS for a dynamic host port; awsvpc/host: the host port is the container port.
      hostPort: p.hostPort ?? (networkMode === "bridge" ? 0 : p.containerPort),
      protocol: p.protocol ?? "tcp",
      // Service Connect fields, written only when given so task definitions without them stay as they were.
      ...(p.name !== undefined ? { name: p.name } : {}),
      ...(p.appProtocol !== undefined ? { appProtocol: p.appProtocol } : {}),
    })),
    environment: c.environment && environmentOf(c.environment),
    healthCheck: c.healthCheck && {
      command: c.healthCheck.command,
      interval: c.healthCheck.interval ?? 30,
      timeout: c.healthCheck.timeout ?? 5,
      retries: c.healthCheck.retries ?? 3,
      startPeriod: c.healthCheck.startPeriod ?? 0,
    },
    logConfiguration: c.logGroupName
      ? {
          logDriver: "awslogs",
          options: dropUndefined({
            "awslogs-group": c.logGroupName,
            "awslogs-region": c.logRegion,
            "awslogs-stream-prefix": c.name,
          }),
        }
      : undefined,
  });
}

/** `[{ name, value }]` sorted by name (as AWS returns it); a for expression for a map token. */
function environmentOf(environment: Record<string, string>): unknown {
  if (!isKnown(environment)) return TerraformIterator.fromMap(environment).forExpressionForList("{ name = key, value = val }");
  return Object.keys(environment)
    .sort()
    .map((name) => ({ name, value: environment[name] }));
}

function dropUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
