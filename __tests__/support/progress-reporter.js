/**
 * A jest reporter beside the default one, for long runs in CI logs:
 * - a line when each Terraform or cli test file starts and when it ends, with its counts and
 *   time (Terraform files print a line per Terraform command in between: terraform-available.ts);
 * - at the end, why the Terraform tests did not run when they did not: the global setup's one
 *   message (__tests__/terraform/support/global-setup.ts). When the run must fail (REQUIRE_TERRAFORM=1
 *   without Terraform, or a provider that cannot be installed), `getLastError` makes jest exit 1
 *   after every other test ran, instead of a failing global setup aborting the unit tests.
 *
 * Plain JavaScript: jest loads reporters without its transform.
 */
const { relative } = require("node:path");

/** Set by global-setup.ts in this process (SETUP_ENV in terraform-settings.ts). */
const SETUP_ENV = "TERRAFORM_TESTS_SETUP";
/** Projects whose files take long enough to announce (unit files take a second or two). */
const LONG_PROJECTS = ["terraform", "cli"];

class ProgressReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.started = new Map();
    this.error = undefined;
  }

  onTestFileStart(test) {
    if (!isLong(test)) return;
    this.started.set(test.path, Date.now());
    write(`[${project(test)}] ${this.name(test)} started`);
  }

  onTestFileResult(test, result) {
    if (!isLong(test)) return;
    const seconds = ((Date.now() - (this.started.get(test.path) ?? Date.now())) / 1000).toFixed(1);
    const counts = [
      `${result.numPassingTests} passed`,
      `${result.numFailingTests} failed`,
      `${result.numPendingTests + result.numTodoTests} skipped`,
    ].join(", ");
    const crashed = result.testExecError ? ` (did not run: ${firstLine(result.testExecError.message)})` : "";
    write(`[${project(test)}] ${this.name(test)}: ${counts} in ${seconds} s${crashed}`);
  }

  onRunComplete() {
    const text = process.env[SETUP_ENV];
    if (!text) return;
    const setup = JSON.parse(text);
    if (setup.state === "ready") return;
    const bar = "!".repeat(100);
    const title = setup.state === "failed" ? "TERRAFORM TESTS NOT RUN (this run fails): " : "";
    write(`\n${bar}\n${title}${setup.message}\n${bar}\n`);
    if (setup.state === "failed") {
      this.error = new Error(`Terraform tests not run: ${setup.message}`);
    }
  }

  getLastError() {
    return this.error;
  }

  name(test) {
    return relative(this.rootDir, test.path);
  }
}

function project(test) {
  const name = test.context.config.displayName;
  return typeof name === "string" ? name : name?.name;
}

function isLong(test) {
  return LONG_PROJECTS.includes(project(test));
}

function firstLine(text) {
  return String(text).split("\n")[0];
}

function write(line) {
  process.stderr.write(`${line}\n`);
}

module.exports = ProgressReporter;
