/**
 * The files that make a consumer's synthesized stack plannable offline: an override per `aws`
 * provider block (Terraform refuses an override of a block that does not exist), a mock provider
 * of its own when there is none, and local state in place of any backend. Terraform itself runs
 * them in the consumer test.
 */
import { OFFLINE_OVERRIDE_FILE, OFFLINE_PROVIDER_SETTINGS } from "../../src/terraform/offline";
import { OFFLINE_PROVIDER_FILE, awsProviderAliases, offlineRootFiles } from "../../src/terraform/offline-root";

const LOCAL_STATE = { terraform: { backend: { local: { path: "offline.tfstate" } } } };

describe("offlineRootFiles", () => {
  it("overrides the default provider block and each alias, and replaces the backend", () => {
    const config = { provider: { aws: [{ region: "us-east-1" }, { region: "eu-west-1", alias: "eu" }] }, terraform: { cloud: { organization: "acme" } } };
    expect(offlineRootFiles(config)).toEqual({
      [OFFLINE_OVERRIDE_FILE]: {
        ...LOCAL_STATE,
        provider: { aws: [{ ...OFFLINE_PROVIDER_SETTINGS }, { alias: "eu", ...OFFLINE_PROVIDER_SETTINGS }] },
      },
    });
  });

  it("gives a configuration without an aws provider block a mock provider of its own (with a region)", () => {
    const files = offlineRootFiles({ resource: { aws_service_discovery_http_namespace: { a: { name: "a" } } } });
    expect(files[OFFLINE_OVERRIDE_FILE]).toEqual(LOCAL_STATE);
    expect(files[OFFLINE_PROVIDER_FILE]).toEqual({ provider: { aws: [{ region: "us-east-1", ...OFFLINE_PROVIDER_SETTINGS }] } });
  });

  it("reads a provider written as one object, as Terraform JSON allows", () => {
    expect(awsProviderAliases({ provider: { aws: { region: "us-east-1", alias: "west" } } })).toEqual(["west"]);
    expect(awsProviderAliases({ provider: { google: [{}] } })).toEqual([]);
    expect(awsProviderAliases("not an object")).toEqual([]);
  });
});
