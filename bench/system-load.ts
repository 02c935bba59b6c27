/**
 * How much CPU other processes used while the benchmark ran: system-wide busy time (Linux
 * /proc/stat) minus this process and its finished children (/proc/self/stat). Load averages alone
 * cannot tell the benchmark's own load from other developers' jobs.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";

export interface CpuSnapshot {
  readonly atMs: number;
  /** Jiffies all CPUs spent busy (not idle/iowait). */
  readonly systemBusy: number;
  /** Jiffies this process and its waited-for children spent on CPU. */
  readonly own: number;
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

export function cpuSnapshot(): CpuSnapshot | undefined {
  try {
    const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal ...
    const busy = cpu.reduce((a, b) => a + b, 0) - cpu[3] - cpu[4];
    const stat = readFileSync("/proc/self/stat", "utf8");
    // fields after the ")" closing the command name: state is field 3, utime 14 .. cstime 17
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const own = [11, 12, 13, 14].reduce((a, i) => a + Number(fields[i]), 0);
    return { atMs: performance.now(), systemBusy: busy, own };
  } catch {
    return undefined; // not Linux: only load averages are reported
  }
}

/** Average number of cores other processes kept busy between two snapshots. */
export function otherCoresBusy(from: CpuSnapshot | undefined, to: CpuSnapshot | undefined): number | undefined {
  if (!from || !to || to.atMs <= from.atMs) return undefined;
  const otherJiffies = to.systemBusy - from.systemBusy - (to.own - from.own);
  const seconds = (to.atMs - from.atMs) / 1000;
  return Math.max(0, otherJiffies / CLOCK_TICKS_PER_SECOND / seconds);
}

export function oneMinuteLoad(): number {
  return loadavg()[0];
}

/**
 * CPU time (ms) of this process's finished children, grandchildren included when each waited
 * for its own (Linux /proc/self/stat cutime + cstime); undefined elsewhere.
 */
export function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
