/**
 * Rule errors are written for the person whose input is wrong, not for whoever debugs this
 * library: when one reaches the top of a program uncaught (a cdktf app's `app.synth()`), the
 * program prints the messages alone and exits with code 1, instead of Node's source excerpt and
 * a stack trace through this library's files.
 *
 * Node prints an uncaught error with the throwing source line and `error.stack`; the only way to
 * print something else is an `uncaughtException` listener. One is added for the instant of the
 * throw and removed on the next tick, so it handles only this error, and only when nothing caught
 * it; an error caught by the caller (a test, a wrapper) leaves no listener behind. It is not
 * added when the program has listeners of its own (they decide), under jest (the test reports
 * the error), or with `DEBUG` set (Node's full report, stack trace included).
 */

/** Throws `error`; uncaught, it prints `error.message` and exits with code 1. */
export function throwReadable(error: Error): never {
  if (wantsReadableExit()) {
    const onUncaught = (uncaught: unknown): void => {
      process.off("uncaughtException", onUncaught);
      if (uncaught !== error) throw uncaught; // not ours: Node reports it (exit code 7)
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    };
    process.on("uncaughtException", onUncaught);
    process.nextTick(() => process.off("uncaughtException", onUncaught));
  }
  throw error;
}

function wantsReadableExit(): boolean {
  if (typeof process === "undefined" || typeof process.on !== "function") return false;
  if (process.env.DEBUG) return false;
  if (process.env.JEST_WORKER_ID !== undefined) return false;
  return process.listenerCount("uncaughtException") === 0;
}
