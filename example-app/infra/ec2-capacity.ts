import { AutoscalingGroup } from "@cdktf/provider-aws/lib/autoscaling-group";
import { IamInstanceProfile } from "@cdktf/provider-aws/lib/iam-instance-profile";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { Fn } from "cdktf";
import { Construct } from "constructs";

/** Public SSM parameter AWS keeps pointing at the current ECS-optimized Amazon Linux 2023 AMI. */
export const ECS_OPTIMIZED_AMI_PARAMETER = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";

export interface Ec2CapacityProps {
  readonly name: string;
  readonly clusterName: string;
  readonly subnetIds: string[];
  readonly securityGroupIds: string[];
  /** @default "t3.small" */
  readonly instanceType?: string;
  /** @default 2 */
  readonly instanceCount?: number;
}

/**
 * Container instances for bridge/host tasks: an Auto Scaling group of ECS-optimized instances.
 * The AMI is resolved by EC2 at launch (`resolve:ssm:`), so planning needs no AWS lookup. No
 * public IPs, IMDSv2 only.
 */
export class Ec2Capacity extends Construct {
  public readonly autoScalingGroupName: string;

  constructor(scope: Construct, id: string, props: Ec2CapacityProps) {
    super(scope, id);
    const role = new IamRole(this, "instance-role", {
      name: `${props.name}-instance`,
      assumeRolePolicy: Fn.jsonencode({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
      }),
    });
    new IamRolePolicyAttachment(this, "ecs-agent", {
      role: role.name,
      policyArn: "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role",
    });
    const profile = new IamInstanceProfile(this, "instance-profile", { name: `${props.name}-instance`, role: role.name });

    const template = new LaunchTemplate(this, "launch-template", {
      name: props.name,
      imageId: `resolve:ssm:${ECS_OPTIMIZED_AMI_PARAMETER}`,
      instanceType: props.instanceType ?? "t3.small",
      iamInstanceProfile: { arn: profile.arn },
      vpcSecurityGroupIds: props.securityGroupIds,
      metadataOptions: { httpTokens: "required", httpEndpoint: "enabled", httpPutResponseHopLimit: 2 },
      userData: Fn.base64encode(`#!/bin/bash\necho ECS_CLUSTER=${props.clusterName} >> /etc/ecs/ecs.config\n`),
      tagSpecifications: [{ resourceType: "instance", tags: { Name: `${props.name}-instance` } }],
    });
    const count = props.instanceCount ?? 2;
    const group = new AutoscalingGroup(this, "group", {
      name: props.name,
      minSize: count,
      maxSize: count,
      desiredCapacity: count,
      vpcZoneIdentifier: props.subnetIds,
      launchTemplate: { id: template.id, version: "$Latest" },
      tag: [{ key: "AmazonECSManaged", value: "true", propagateAtLaunch: true }],
    });
    this.autoScalingGroupName = group.name;
  }
}
