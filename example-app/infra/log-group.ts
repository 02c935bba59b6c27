import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { Construct } from "constructs";

export interface ServiceLogGroupProps {
  readonly name: string;
  /** @default 30 */
  readonly retentionInDays?: number;
}

/** A log group for one service's containers, with bounded retention. */
export class ServiceLogGroup extends Construct {
  public readonly logGroupName: string;
  public readonly logGroupArn: string;

  constructor(scope: Construct, id: string, props: ServiceLogGroupProps) {
    super(scope, id);
    const group = new CloudwatchLogGroup(this, "log-group", {
      name: props.name,
      retentionInDays: props.retentionInDays ?? 30,
    });
    this.logGroupName = group.name;
    this.logGroupArn = group.arn;
  }
}
