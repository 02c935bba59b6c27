import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { join, relative, resolve } from "node:path";
import { Cluster } from "../infra/cluster";
import { INetwork, Network } from "../infra/network";
import { AppConfig } from "./config";

export interface ExampleStackProps {
  readonly config: AppConfig;
  /** Final output folder of the synth (stack folders are `<outdir>/stacks/<id>`). */
  readonly outdir: string;
}

/**
 * What every example stack shares: the AWS provider (region, default tags), a local state file
 * outside cdktf.out referenced by a relative path (portable, survives `rm -rf cdktf.out`), and the
 * network and cluster, created here or taken from configuration.
 */
export abstract class ExampleStack extends TerraformStack {
  public readonly config: AppConfig;
  /** `<namePrefix>-<stack id>`: prefix of every AWS name in the stack. */
  public readonly baseName: string;
  public readonly network: INetwork;

  constructor(scope: Construct, id: string, props: ExampleStackProps) {
    super(scope, id);
    this.config = props.config;
    this.baseName = `${props.config.namePrefix}-${id}`;

    new AwsProvider(this, "aws", {
      region: props.config.region,
      defaultTags: [{ tags: { ...props.config.tags, Stack: id } }],
    });
    const stackDir = join(resolve(props.outdir), "stacks", id);
    new LocalBackend(this, { path: relative(stackDir, resolve(`terraform.${id}.tfstate`)) });

    this.network =
      props.config.existingNetwork ??
      new Network(this, "network", { name: this.baseName, availabilityZones: props.config.availabilityZones });
  }

  /** The configured cluster, or a new one. Returns its name. */
  protected clusterName(): string {
    return this.config.existingClusterName ?? new Cluster(this, "cluster", { name: this.baseName }).clusterName;
  }

  protected output(id: string, value: string, description: string): void {
    new TerraformOutput(this, id, { value, description });
  }
}
