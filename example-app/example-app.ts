import { App } from "cdktf";
import { AlbMigrationStack } from "./stacks/alb-migration-stack";
import { loadConfig } from "./config";
import { Ec2BridgeStack } from "./stacks/ec2-bridge-stack";
import { Ec2HostStack } from "./stacks/ec2-host-stack";
import { ExampleStack } from "./example-stack";
import { FargateAwsvpcStack } from "./stacks/fargate-awsvpc-stack";
import { ServiceConnectStack } from "./stacks/service-connect-stack";

/** Stack ids of the example app, in the order they are defined. */
export const EXAMPLE_STACKS = ["fargate-awsvpc", "ec2-bridge", "ec2-host", "alb-migration", "service-connect"] as const;

/**
 * Defines the example app's stacks in `app`. `outdir` is where the synth finally lands (the
 * app itself may synthesize into a staging folder first).
 */
export function defineExampleApp(app: App, outdir: string): ExampleStack[] {
  const config = loadConfig(app);
  const props = { config, outdir };
  return [
    new FargateAwsvpcStack(app, "fargate-awsvpc", props),
    new Ec2BridgeStack(app, "ec2-bridge", props),
    new Ec2HostStack(app, "ec2-host", props),
    new AlbMigrationStack(app, "alb-migration", props),
    new ServiceConnectStack(app, "service-connect", props),
  ];
}
