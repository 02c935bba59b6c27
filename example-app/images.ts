import { HealthCheckSpec } from "../src/ecs/task-definition-spec";

/** Public ECR images: no Docker Hub rate limits, no registry credentials. */
export const IMAGES = {
  nginx: "public.ecr.aws/nginx/nginx:stable-alpine",
  busybox: "public.ecr.aws/docker/library/busybox:stable",
} as const;

/** A container health check that fetches `/` on the given port. */
export function httpHealthCheck(port: number): HealthCheckSpec {
  return { command: ["CMD-SHELL", `wget -q -O /dev/null http://localhost:${port}/ || exit 1`], startPeriod: 10 };
}
