import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { Cluster } from "./infra/cluster";
import { INetwork, Network } from "./infra/network";
import { addVpcDnsCheck } from "./infra/vpc-dns-check";
import { AppConfig } from "./config";
import { configureStateBackend } from "./state-backend";

export interface ExampleStackProps {
  readonly config: AppConfig;
  /** Final output folder of the synth (stack folders are `<outdir>/stacks/<id>`). */
  readonly outdir: string;
}

/**
 * What every example stack shares: the AWS provider (region, default tags), the state backend
 * (by default a local state file outside cdktf.out referenced by a relative path: portable, and
 * it survives `rm -rf cdktf.out`; S3 or HCP Terraform when configured), and the network and
 * cluster, created here or taken from configuration.
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
    configureStateBackend(this, id, props.config.stateBackend, props.outdir);

    this.network =
      props.config.existingNetwork ??
      new Network(this, "network", { name: this.baseName, availabilityZones: props.config.availabilityZones });
    // A VPC created here has both DNS attributes on; an existing one is checked at every plan.
    if (props.config.existingNetwork) addVpcDnsCheck(this, props.config.existingNetwork.vpcId);
  }

  /** The configured cluster, or a new one. Returns its name. */
  protected clusterName(): string {
    return this.config.existingClusterName ?? new Cluster(this, "cluster", { name: this.baseName }).clusterName;
  }

  protected output(id: string, value: string, description: string): void {
    new TerraformOutput(this, id, { value, description });
  }
}
