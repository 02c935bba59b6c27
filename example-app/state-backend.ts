import { compact } from "../src/core/compact";
import { CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, TerraformStack } from "cdktf";
import { join, relative, resolve } from "node:path";
import { StateBackendConfig } from "./config";

/**
 * Configures where `stack` keeps its state. The local backend gets a path relative to the
 * synthesized stack folder (`<outdir>/stacks/<id>`), which is where cdktf runs Terraform: the
 * synthesized JSON then holds no machine path and works in any clone. S3 uses native locking
 * (`use_lockfile`, Terraform >= 1.10; cdktf 0.21's S3Backend has no prop for it yet, hence the
 * override) and encryption; HCP Terraform gets one named workspace per stack.
 */
export function configureStateBackend(stack: TerraformStack, id: string, backend: StateBackendConfig, outdir: string): void {
  switch (backend.type) {
    case "local": {
      const stackDir = join(resolve(outdir), "stacks", id);
      const stateFile = resolve(backend.dir, `terraform.${id}.tfstate`);
      // Forward slashes: the same JSON must work when synthesized on Windows and used elsewhere.
      new LocalBackend(stack, { path: relative(stackDir, stateFile).split("\\").join("/") });
      return;
    }
    case "s3":
      new S3Backend(stack, compact({
        bucket: backend.bucket,
        key: `${backend.keyPrefix}/${id}.tfstate`,
        region: backend.region,
        encrypt: true,
        kmsKeyId: backend.kmsKeyId,
      }));
      stack.addOverride("terraform.backend.s3.use_lockfile", true);
      return;
    case "cloud":
      new CloudBackend(stack, compact({
        organization: backend.organization,
        hostname: backend.hostname,
        workspaces: new NamedCloudWorkspace(`${backend.workspacePrefix}${id}`, backend.project),
      }));
      return;
  }
}
