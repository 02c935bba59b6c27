import { TerraformStack } from "cdktf";

/** Name of the `check` block; one per stack. */
export const VPC_DNS_CHECK = "vpc_dns_for_service_discovery";

/**
 * For a VPC this app did not create: a Terraform `check` block whose scoped `aws_vpc` data source
 * reads the VPC at every plan and apply and asserts both DNS attributes. Cloud Map's private
 * hosted zone only answers inside a VPC with `enable_dns_support` (the Amazon-provided resolver)
 * and `enable_dns_hostnames`; without them every discovery name fails to resolve although every
 * resource deploys fine. A check reports a warning and never blocks the run, and a scoped data
 * source that cannot be read (no credentials, offline plans) is a warning too, so the stack
 * still plans offline. (cdktf 0.21 has no construct for `check` blocks, hence the override.)
 */
export function addVpcDnsCheck(stack: TerraformStack, vpcId: string): void {
  const vpc = "data.aws_vpc.service_discovery";
  const why =
    "Cloud Map's private hosted zone is answered only by the Amazon-provided DNS resolver of a VPC with both DNS attributes on; " +
    "without it every service discovery name (<service>.<namespace>) fails to resolve although the deploy succeeds.";
  stack.addOverride(`check.${VPC_DNS_CHECK}`, {
    data: { aws_vpc: { service_discovery: { id: vpcId } } },
    assert: [
      {
        condition: `\${${vpc}.enable_dns_support}`,
        error_message: `VPC ${vpcId} has enable_dns_support = false. ${why} Fix: turn on "DNS resolution" for the VPC (aws ec2 modify-vpc-attribute --vpc-id ${vpcId} --enable-dns-support).`,
      },
      {
        condition: `\${${vpc}.enable_dns_hostnames}`,
        error_message: `VPC ${vpcId} has enable_dns_hostnames = false. ${why} Fix: turn on "DNS hostnames" for the VPC (aws ec2 modify-vpc-attribute --vpc-id ${vpcId} --enable-dns-hostnames).`,
      },
    ],
  });
}
