import { Construct } from "constructs";
import { DiscoverableEcsService, PrivateDnsNamespace } from "../src";
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

/** The benchmark topology through this library, imported from its public entry point. */
export function buildWithLibrary(scope: Construct, n: number): void {
  const namespace = new PrivateDnsNamespace(scope, "namespace", { name: NAMESPACE_NAME, vpcId: VPC_ID });
  for (const svc of benchServices(n)) {
    const bridge = svc.kind === "ec2-bridge";
    new DiscoverableEcsService(scope, svc.name, {
      cluster: CLUSTER,
      serviceName: svc.name,
      desiredCount: svc.desiredCount,
      launchType: bridge ? "EC2" : "FARGATE",
      taskDefinition: {
        family: svc.name,
        networkMode: bridge ? "bridge" : "awsvpc",
        executionRoleArn: EXECUTION_ROLE_ARN,
        containers: [
          {
            name: CONTAINER_NAME,
            image: IMAGE,
            ...(bridge ? { memory: EC2_CONTAINER_MEMORY } : {}),
            // bridge: hostPort 0 = dynamic host port, published through the SRV record
            portMappings: [bridge ? { containerPort: CONTAINER_PORT, hostPort: 0 } : { containerPort: CONTAINER_PORT }],
            healthCheck: { command: HEALTH_CHECK_COMMAND },
            environment: svc.environment,
          },
        ],
      },
      discovery: { namespace },
      ...(bridge ? {} : { network: { subnetIds: SUBNET_IDS, securityGroupIds: SECURITY_GROUP_IDS } }),
    });
  }
}
