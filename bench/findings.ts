/**
 * What profiling the benchmark found, and what was changed because of it. These are records of
 * profiling sessions (`npm run bench -- --profile` writes the same CPU profiles again); the
 * numbers are the ones measured then on the same 2-core machine, before/after builds alternated.
 */
import { Finding } from "./results";

export const FINDINGS: Finding[] = [
  {
    title: "Library vs L1 at N=1000: where the extra time goes",
    hotSpots: [
      "cdktf captures a full stack trace (Error.stackTraceLimit = MAX_SAFE_INTEGER) for every token it creates: every attribute reference and every one of the ~10 output-reference objects each L1 resource constructor builds eagerly. This is ~35-40 % of build+synth for both variants (cdktf/lib/tokens/private/stack-trace.js + V8's defaultPrepareStackTrace).",
      "The library creates no more tokens than the L1 code (3,103 vs 3,200 stack captures at N=100, counted), but its construct nesting (DiscoverableEcsService > DiscoveryService/TaskDefinition > resource) puts 1-2 more frames on each captured stack (17.4 vs 16.0 frames on average), so each capture costs a little more.",
      "Nested resources get hashed logical ids (cdktf allocateLogicalId/makeUniqueId, md5 over the path), ~70 ms at N=1000 vs ~8 ms for the L1 code's top-level resources; their longer ids and paths also make cdk.tf.json ~7 % larger (2.79 vs 2.60 MB), which synth pays for in resolve and json-stable-stringify.",
      "The library's own logic is small: rule enforcement (30 rules per service, all folded to booleans for known inputs) ~30-50 ms, construct bodies and registration defaults < 30 ms at N=1000.",
      "Before the fix: three attribute tokens per service (ecsServiceId, ecsServiceName, DiscoveryService.serviceId) were read eagerly in constructors and mostly never used, each paying a stack capture.",
    ],
    fix: "Unused attribute tokens are now created on first use (memoized getters in src/ecs/discoverable-ecs-service.ts and src/discovery/discovery-service.ts; same token on every read, identical synth output). The remaining overhead comes from the construct tree itself (extra frames per capture, hashed logical ids): flattening the tree would change every logical id and so force resource replacement for existing users, so it stays.",
    before:
      "N=1000 build phase 1,407 ms (median of 3, three eager tokens per service); after the later redeploy trigger made serviceId necessary, an A/B of the two remaining eager tokens: CPU time 2,995 ms, peak RSS 215 MB (median of 6).",
    after: "build phase 1,278 ms (-9 %); in the A/B: CPU time 2,838 ms (-5 %), peak RSS 207 MB. Library/L1 CPU-time ratio at N=1000 ~1.15.",
  },
  {
    title: "Growth from N=1000 to N=3000",
    hotSpots: [
      "The super-linear part is in cdktf's synth, not in the library: TerraformStack.toTerraform, token resolution (resolve/makeContext) and json-stable-stringify grow ~3.7-6x for 3x the services, with more garbage collection as the heap grows; the L1 variant grows about as much.",
      "Library code stays linear: the duplicate-name registry is a Map per stack and namespace (O(1) per service), rules are evaluated per service, nothing scans the construct tree.",
    ],
    fix: "None needed in the library; no library function grows faster than N.",
    before: "library t(3000)/t(1000) 3.26 (L1 3.17) in the first measurement.",
    after: "see the growth line in the table above (same cause, same order of magnitude for both variants).",
  },
  {
    title: "`cdktf synth` of main.ts vs an empty app",
    hotSpots: [
      "Both runs are dominated by fixed costs: the cdktf CLI itself (~2 s) and `npx ts-node --swc` start-up (npx ~0.4 s, ts-node loading the TypeScript compiler for its config ~0.2 s).",
      "Under ts-node, @cspotcode/source-map-support maps every frame of every stack trace cdktf captures: ~0.3 ms per token instead of ~0.03 ms in compiled JS. The example app's three stacks create ~720 tokens (mostly the provider classes' eager output references), ~230 ms.",
      "Loading the ~25 provider classes the example stacks use (deep imports) and the app's ~40 TypeScript files through swc: ~70-100 ms; synthesizing the three stacks: ~80 ms.",
    ],
    fix: "Nothing library-specific to fix: the cost is per token in cdktf under ts-node. Deep imports (lint-enforced) keep module loading small; the barrel alone would add ~2-3 s. Not changed, for the example app's owners to weigh: running main.ts through a small @swc/core require hook instead of `npx ts-node --swc` measured 0.55 s of app CPU time instead of 1.3 s (0.85 s with Node's own --enable-source-maps for readable stack traces), i.e. roughly 0.5-0.9 s off every `cdktf synth`.",
    before: "main.ts / empty app 1.1-1.3 (single runs on a busy machine).",
    after: "see the `cdktf synth` row of the targets table (median of 4 alternating runs).",
  },
  {
    title: "Library vs L1 on this machine after 0.2.0 (target 1.2x missed)",
    hotSpots: [
      "Most of the change is the machine, not the code: the code of the previous measurement (commit e12be4b, 1.14x on the earlier Intel Xeon reference machine) measures 1.24x wall / 1.27x CPU on this AMD EPYC machine, in an A/B that alternates it with the current code 5 times at N=1000 (medians). The current code measures 1.30x wall / 1.34x CPU in the same A/B.",
      "The L1 twin got cheaper: it no longer writes force_new_deployment and a redeploy trigger (CPU 2,337 -> 2,256 ms), as the library no longer does.",
      "The library's own work grew with 0.2.0's features, about 100 ms of ~3,000 ms CPU at N=1000 (CPU profile, inclusive): prop-type checks SD000 ~25-35 ms, rule enforcement ~15-30 ms, compact() for exactOptionalPropertyTypes ~15 ms, Service Connect resolution ~12 ms (no Service Connect in the topology).",
      "The rest is, as before, the construct tree: cdktf captures a full stack trace per token, and the library's nesting puts more frames on each (15.4 vs 14.0 on average, counted at N=100 with 3,006 vs 3,102 captures).",
    ],
    fix: "None. The prop-type checks (untyped callers get a rule error instead of a TypeError) and Service Connect are features users asked for; flattening the construct tree would change every logical id and replace users' resources. The target stays in the table, missed, until a change earns it back.",
    before: "current code vs e12be4b on this machine, CPU at N=1000: library 3,032 vs 2,963 ms (+2 %); L1 2,256 vs 2,337 ms.",
    after: "see the ratio row of the targets table (this run).",
  },
  {
    title: "Test suite time (targets 90 s and 20 s missed)",
    hotSpots: [
      "`npm test` needs ~354 s of CPU, so on 2 cores it cannot finish in less than ~177 s. About 200 s of it are ~67 Terraform commands, each starting the 5.100.0 AWS provider (validate ~2.4 s, plan ~3 s, show ~2 s of CPU, measured one by one): validate/plan/show of 5 example stacks, 4 module examples, both module flavours and the bad-input roots, 9 day-2 plans against hand-written state, the consumer app, the offline-plan command, and the differential test's batched plans of 150+ module calls.",
      "The suite checks much more than when the targets were set (447 tests, 4 stacks): 830 tests, a fifth stack (Service Connect), the module's Service Connect input, the packed package installed and compiled three ways in a consumer app (~27 s), 100+ seeded TS/HCL differential cases (~35 s), the command line and the Terraform-less setups in child processes.",
      "`npm run test:unit` needs ~53 s of CPU for 658 tests in 40 files on 2 workers: each file loads cdktf and the provider classes it uses; the provider-schema unit test parses the bindings' 120 MB jsii assembly; the SD000 sweep puts every wrong value at every prop.",
    ],
    fix: "Not changed: every Terraform command is a check the issues ask for (validate and an offline plan with the real provider, plans against hand-written state), and the differential and consumer tests are the suite's only proof of TS/HCL agreement and of the installed package. One `terraform init` per run, a shared plugin cache, two Terraform processes at a time and batching (one plan for 150 module calls) keep the count down.",
    before: "`npm test` 75 s, `npm run test:unit` 10 s for the 0.1.0 suite (Intel reference machine).",
    after: "see the test-suite rows of the targets table, wall and CPU time.",
  },
];
