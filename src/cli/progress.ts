/**
 * Progress of long commands: one line per finished step on standard error, prefixed with the
 * time since the process started (so a wrapper's lines and its command's share one clock), so a
 * slow CI log shows where the time went. Results go to standard output and stay machine-readable.
 */
export class Progress {
  constructor(
    private readonly write: (line: string) => void,
    /** Milliseconds since the process started. */
    private readonly now: () => number = () => performance.now(),
    private readonly started = 0,
  ) {}

  /** `[  12.3s] text` */
  public line(text: string): void {
    this.write(`[${seconds(this.now() - this.started).padStart(7)}] ${text}`);
  }

  /** Runs `step`, then prints `text (2.1s)`. */
  public async step<T>(text: string, step: () => Promise<T> | T): Promise<T> {
    const started = this.now();
    const result = await step();
    this.line(`${text} (${seconds(this.now() - started)})`);
    return result;
  }
}

/** `2.1s` */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}
