import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import { Construct } from "constructs";
import { FARGATE_DEFAULT_CPU, FARGATE_DEFAULT_MEMORY } from "../core/aws-limits";
import { compact } from "../core/compact";
import { numberText } from "../core/expr";
import { TASK_DEFINITION_PROPS, checkProps } from "../rules/prop-types";
import { renderContainerDefinitions } from "./container-definitions";
import { LaunchType, TaskDefinitionSpec } from "./task-definition-spec";
import { assertSameCdktfRuntime } from "../core/cdktf-runtime";

export interface TaskDefinitionProps {
  readonly spec: TaskDefinitionSpec;
  readonly launchType: LaunchType;
  /** @default - no tags */
  readonly tags?: Record<string, string>;
}

/** An ECS task definition registered from a `TaskDefinitionSpec`. */
export class TaskDefinition extends Construct {
  public readonly taskDefinitionArn: string;
  /** Task memory (MiB) after defaults; undefined when the containers carry it. */
  public readonly memory: number | undefined;
  public readonly resource: EcsTaskDefinition;

  constructor(scope: Construct, id: string, props: TaskDefinitionProps) {
    super(scope, id);
    assertSameCdktfRuntime(this);
    checkProps(this, TASK_DEFINITION_PROPS, props);
    const { spec, launchType } = props;
    const fargate = launchType === "FARGATE";
    const cpu = spec.cpu ?? (fargate ? FARGATE_DEFAULT_CPU : undefined);
    this.memory = spec.memory ?? (fargate ? FARGATE_DEFAULT_MEMORY : undefined);

    this.resource = new EcsTaskDefinition(this, "task-definition", compact({
      family: spec.family,
      networkMode: spec.networkMode,
      requiresCompatibilities: [launchType],
      cpu: numberText(cpu),
      memory: numberText(this.memory),
      executionRoleArn: spec.executionRoleArn,
      taskRoleArn: spec.taskRoleArn,
      containerDefinitions: renderContainerDefinitions(spec.containers, spec.networkMode),
      tags: props.tags,
    }));
    this.taskDefinitionArn = this.resource.arn;
  }
}
