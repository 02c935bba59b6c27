import { AppProtocol } from "../core/aws-limits";

/** Network modes that ECS service discovery supports (`none` is not one of them). */
export type NetworkMode = "awsvpc" | "bridge" | "host";

export type LaunchType = "FARGATE" | "EC2";

export interface PortMappingSpec {
  /** Port the container listens on. */
  readonly containerPort: number;
  /**
   * Port on the host. `0` (bridge only) asks ECS for a dynamic host port; service discovery then
   * publishes it through the SRV record.
   * @default - same as containerPort in awsvpc/host mode; dynamic in bridge mode
   */
  readonly hostPort?: number;
  /** @default "tcp" */
  readonly protocol?: "tcp" | "udp";
  /**
   * Name of the port mapping: what a Service Connect service picks it by (`portName`), and the
   * default Service Connect discovery name. 1-64 lowercase letters, digits, `_` and `-`, not
   * starting with `-`; awsvpc and bridge only.
   * @default - unnamed (Service Connect cannot publish this port)
   */
  readonly name?: string;
  /**
   * Application protocol, for Service Connect: the proxy handles `http`, `http2` or `grpc`
   * requests per request (per-request timeouts, retries, HTTP metrics); without it the proxy
   * treats the port as plain TCP. Needs `name`. AWS cannot change it on a port a Service
   * Connect service uses without deleting and recreating the ECS service.
   * @default - TCP
   */
  readonly appProtocol?: AppProtocol;
}

/** A container health check: ECS replaces tasks that fail it and deregisters them from DNS. */
export interface HealthCheckSpec {
  /** e.g. `["CMD-SHELL", "curl -f http://localhost/ || exit 1"]` */
  readonly command: string[];
  /** Seconds between checks. @default 30 */
  readonly interval?: number;
  /** Seconds before a check counts as failed. @default 5 */
  readonly timeout?: number;
  /** Consecutive failures before the container is unhealthy. @default 3 */
  readonly retries?: number;
  /** Grace period in seconds after start. @default 0 */
  readonly startPeriod?: number;
}

export interface ContainerSpec {
  readonly name: string;
  readonly image: string;
  /** @default true */
  readonly essential?: boolean;
  /** CPU units reserved for the container. @default - none (shares the task's CPU) */
  readonly cpu?: number;
  /**
   * Hard memory limit in MiB. On EC2 without task-level memory every container needs it.
   * @default - none (uses the task's memory)
   */
  readonly memory?: number;
  /** @default - no port mappings */
  readonly portMappings?: PortMappingSpec[];
  /** @default - no container health check (synth warns: see rule SD030) */
  readonly healthCheck?: HealthCheckSpec;
  /** @default - no environment variables */
  readonly environment?: Record<string, string>;
  /** @default - none */
  readonly command?: string[];
  /**
   * Send stdout/stderr to this CloudWatch Logs group (awslogs driver).
   * @default - no log configuration
   */
  readonly logGroupName?: string;
  /** Region of `logGroupName`. @default - the provider's region (required with logGroupName) */
  readonly logRegion?: string;
}

/** A task definition this library creates. */
export interface TaskDefinitionSpec {
  readonly family: string;
  readonly networkMode: NetworkMode;
  /** Task CPU units. @default 256 on Fargate, none on EC2 */
  readonly cpu?: number;
  /** Task memory in MiB. @default 512 on Fargate, none on EC2 */
  readonly memory?: number;
  /** Role ECS uses to pull images and write logs. @default - none */
  readonly executionRoleArn?: string;
  /** Role the application assumes. @default - none */
  readonly taskRoleArn?: string;
  readonly containers: ContainerSpec[];
}

/** A task definition that already exists (registered elsewhere). */
export interface ExistingTaskDefinition {
  readonly taskDefinitionArn: string;
  readonly networkMode: NetworkMode;
}

export function isExistingTaskDefinition(
  td: TaskDefinitionSpec | ExistingTaskDefinition,
): td is ExistingTaskDefinition {
  return (td as ExistingTaskDefinition).taskDefinitionArn !== undefined;
}
