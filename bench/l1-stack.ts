import { EcsService } from "@cdktf/provider-aws/lib/ecs-service";
import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import { ServiceDiscoveryPrivateDnsNamespace } from "@cdktf/provider-aws/lib/service-discovery-private-dns-namespace";
import { ServiceDiscoveryService } from "@cdktf/provider-aws/lib/service-discovery-service";
import { Construct } from "constructs";
import {
  CLUSTER,
  CONTAINER_NAME,
  CONTAINER_PORT,
  EC2_CONTAINER_MEMORY,
  EXECUTION_ROLE_ARN,
  HEALTH_CHECK_COMMAND,
  IMAGE,
  NAMESPACE_NAME,
  SECURITY_GROUP_IDS,
  SUBNET_IDS,
  VPC_ID,
  benchServices,
} from "./topology";

/**
 * The benchmark topology written by hand with the provider's L1 classes, as a careful user would:
 * the same resources with the same attributes as the library produces (a unit test compares the
 * two synthesized configurations attribute by attribute), but no checks, no defaults logic and
 * no intermediate constructs.
 */
export function buildWithL1(scope: Construct, n: number): void {
  const namespace = new ServiceDiscoveryPrivateDnsNamespace(scope, "namespace", { name: NAMESPACE_NAME, vpc: VPC_ID });
  for (const svc of benchServices(n)) {
    const bridge = svc.kind === "ec2-bridge";
    const discovery = new ServiceDiscoveryService(scope, `${svc.name}-discovery`, {
      name: svc.name,
      dnsConfig: {
        namespaceId: namespace.id,
        routingPolicy: "MULTIVALUE",
        dnsRecords: [{ type: bridge ? "SRV" : "A", ttl: 60 }],
      },
      healthCheckCustomConfig: { failureThreshold: 1 },
      forceDestroy: true,
    });
    const containerDefinitions = [
      {
        name: CONTAINER_NAME,
        image: IMAGE,
        essential: true,
        ...(bridge ? { memory: EC2_CONTAINER_MEMORY } : {}),
        portMappings: [{ containerPort: CONTAINER_PORT, hostPort: bridge ? 0 : CONTAINER_PORT, protocol: "tcp" }],
        environment: Object.entries(svc.environment)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([name, value]) => ({ name, value })),
        healthCheck: { command: HEALTH_CHECK_COMMAND, interval: 30, timeout: 5, retries: 3, startPeriod: 0 },
      },
    ];
    const taskDefinition = new EcsTaskDefinition(scope, `${svc.name}-task`, {
      family: svc.name,
      networkMode: bridge ? "bridge" : "awsvpc",
      requiresCompatibilities: [bridge ? "EC2" : "FARGATE"],
      ...(bridge ? {} : { cpu: "256", memory: "512" }),
      executionRoleArn: EXECUTION_ROLE_ARN,
      containerDefinitions: JSON.stringify(containerDefinitions),
    });
    new EcsService(scope, `${svc.name}-service`, {
      name: svc.name,
      cluster: CLUSTER,
      taskDefinition: taskDefinition.arn,
      desiredCount: svc.desiredCount,
      launchType: bridge ? "EC2" : "FARGATE",
      ...(bridge ? {} : { networkConfiguration: { subnets: SUBNET_IDS, securityGroups: SECURITY_GROUP_IDS, assignPublicIp: false } }),
      serviceRegistries: bridge
        ? { registryArn: discovery.arn, containerName: CONTAINER_NAME, containerPort: CONTAINER_PORT }
        : { registryArn: discovery.arn },
      deploymentCircuitBreaker: { enable: true, rollback: true },
      propagateTags: "SERVICE",
    });
  }
}
