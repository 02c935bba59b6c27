/**
 * The example app: stacks `fargate-awsvpc`, `ec2-bridge`, `ec2-host` and `alb-migration` (see
 * README). `npm run synth` (cdktf synth) runs this file.
 */
import { defineExampleApp } from "./example-app/example-app";
import { synthAtomically } from "./example-app/synth/atomic-synth";

try {
  synthAtomically((app, outdir) => {
    defineExampleApp(app, outdir);
  });
} catch (error) {
  // Rule violations and configuration errors are written for people: print the message, not
  // a stack trace into the library. DEBUG=1 keeps the trace for bugs.
  process.stderr.write(`${process.env.DEBUG ? (error as Error).stack : (error as Error).message}\n`);
  process.exitCode = 1;
}
