import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Fn } from "cdktf";
import { Construct } from "constructs";

export interface TaskExecutionRoleProps {
  readonly name: string;
  /** Log groups the tasks write to; the role may write to these only. */
  readonly logGroupArns: string[];
}

/**
 * The role ECS uses to start tasks: write to the given log groups and nothing else (images come
 * from public registries, so no ECR permissions). Least privilege instead of the broad managed
 * AmazonECSTaskExecutionRolePolicy.
 */
export class TaskExecutionRole extends Construct {
  public readonly roleArn: string;
  public readonly role: IamRole;

  constructor(scope: Construct, id: string, props: TaskExecutionRoleProps) {
    super(scope, id);
    this.role = new IamRole(this, "role", {
      name: props.name,
      assumeRolePolicy: Fn.jsonencode({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" },
        ],
      }),
    });
    new IamRolePolicy(this, "logs", {
      name: "write-logs",
      role: this.role.id,
      policy: Fn.jsonencode({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: props.logGroupArns.map((arn) => `${arn}:log-stream:*`),
          },
        ],
      }),
    });
    this.roleArn = this.role.arn;
  }
}
