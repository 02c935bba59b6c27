/**
 * The benchmark topology, as plain data both builders read: one Cloud Map private DNS namespace
 * and N discoverable services (Cloud Map service + ECS service + task definition each).
 *
 * Three of every four services are the seed's case (Fargate, awsvpc, A records); every fourth is
 * the classic EC2 bridge case (dynamic host port, SRV record on the container port), so both
 * registration paths of the library are on the measured path.
 */

export const REGION = "eu-west-1";
export const NAMESPACE_NAME = "bench.internal";
export const VPC_ID = "vpc-0123456789abcdef0";
export const CLUSTER = "bench-cluster";
export const SUBNET_IDS = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"];
export const SECURITY_GROUP_IDS = ["sg-0ccccccccccccccc3"];
export const EXECUTION_ROLE_ARN = "arn:aws:iam::123456789012:role/bench-ecs-task-execution";
export const IMAGE = "public.ecr.aws/nginx/nginx:1.27";
export const CONTAINER_NAME = "app";
export const CONTAINER_PORT = 8080;
export const HEALTH_CHECK_COMMAND = ["CMD-SHELL", "curl -fsS http://localhost:8080/health || exit 1"];
/** Task size of the EC2 bridge services (Fargate ones use the library defaults, 256/512). */
export const EC2_CONTAINER_MEMORY = 256;

export type ServiceKind = "fargate-awsvpc" | "ec2-bridge";

export interface BenchService {
  readonly index: number;
  /** ECS service name, task definition family and discovery name. */
  readonly name: string;
  readonly kind: ServiceKind;
  readonly desiredCount: number;
  /** Environment of the single container. */
  readonly environment: Record<string, string>;
}

/** The i-th service of the topology (0-based). */
export function benchService(index: number): BenchService {
  const name = `svc-${String(index).padStart(4, "0")}`;
  return {
    index,
    name,
    kind: index % 4 === 3 ? "ec2-bridge" : "fargate-awsvpc",
    desiredCount: 2,
    environment: { SERVICE_NAME: name, UPSTREAM: `svc-0000.${NAMESPACE_NAME}` },
  };
}

export function benchServices(n: number): BenchService[] {
  return Array.from({ length: n }, (_, i) => benchService(i));
}

/** Service counts the benchmark runs at. */
export const SIZES = [1, 10, 100, 1000, 3000] as const;
