/**
 * The example app: stacks `fargate-awsvpc`, `ec2-bridge` and `ec2-host` (see README).
 * `npm run synth` (cdktf synth) runs this file.
 */
import { defineExampleApp } from "./modules/app/example-app";
import { synthAtomically } from "./modules/synth/atomic-synth";

synthAtomically((app, outdir) => {
  defineExampleApp(app, outdir);
});
