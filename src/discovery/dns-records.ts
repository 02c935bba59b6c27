import { TerraformIterator } from "cdktf";
import { ServiceDiscoveryServiceDnsConfigDnsRecords } from "@cdktf/provider-aws/lib/service-discovery-service";
import { eq, isKnown, when } from "../core/expr";

/** Cloud Map record types behind one of our record type choices (`A_AAAA` is both). */
export function cloudMapRecordTypes(recordType: string): string[] {
  if (isKnown(recordType)) return recordType === "A_AAAA" ? ["A", "AAAA"] : [recordType];
  return when(eq(recordType, "A_AAAA"), ["A", "AAAA"], [recordType]);
}

/**
 * The `dns_records` blocks: plain blocks for a known record type, a `dynamic` block over the
 * record types when the type is a Terraform expression (the exported module).
 */
export function dnsRecordsFor(
  recordType: string,
  ttl: number,
): ServiceDiscoveryServiceDnsConfigDnsRecords[] | ReturnType<TerraformIterator["dynamic"]> {
  const types = cloudMapRecordTypes(recordType);
  if (isKnown(types)) return types.map((type) => ({ type, ttl }));
  const it = TerraformIterator.fromList(types);
  return it.dynamic({ type: it.value, ttl });
}
