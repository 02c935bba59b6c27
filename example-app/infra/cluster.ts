import { EcsCluster } from "@cdktf/provider-aws/lib/ecs-cluster";
import { Construct } from "constructs";

export interface ClusterProps {
  readonly name: string;
}

/** An ECS cluster with Container Insights. */
export class Cluster extends Construct {
  public readonly clusterName: string;
  public readonly clusterArn: string;

  constructor(scope: Construct, id: string, props: ClusterProps) {
    super(scope, id);
    const cluster = new EcsCluster(this, "cluster", {
      name: props.name,
      setting: [{ name: "containerInsights", value: "enabled" }],
    });
    this.clusterName = cluster.name;
    this.clusterArn = cluster.arn;
  }
}
