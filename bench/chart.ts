/**
 * bench/chart.svg: build + synth time against the number of services, library and hand-written
 * L1, on log-log axes (N spans 1..3000 and time three decades). Plain SVG, no dependencies.
 */
import { BenchResults } from "./results";

const WIDTH = 760;
const HEIGHT = 500;
const MARGIN = { left: 78, right: 30, top: 58, bottom: 108 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

const SERIES = [
  { key: "library", label: "this library", color: "#1f6feb", dash: "" },
  { key: "l1", label: "hand-written cdktf L1", color: "#d1491f", dash: "7 5" },
] as const;

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function timeLabel(ms: number): string {
  return ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}

const STEPS = [1, 2, 5, 10];

/** Largest 1-2-5 value (…, 0.5, 1, 2, 5, 10, …) at or below v. */
function stepBelow(v: number): number {
  const decade = 10 ** Math.floor(Math.log10(v));
  return decade * [...STEPS].reverse().find((s) => decade * s <= v * 1.0001)!;
}

/** Smallest 1-2-5 value at or above v. */
function stepAbove(v: number): number {
  const decade = 10 ** Math.floor(Math.log10(v));
  return decade * STEPS.find((s) => decade * s >= v * 0.9999)!;
}

function logScale(min: number, max: number, size: number, invert: boolean): (v: number) => number {
  const lo = Math.log10(min);
  const hi = Math.log10(max);
  return (v) => {
    const t = (Math.log10(v) - lo) / (hi - lo);
    return invert ? size * (1 - t) : size * t;
  };
}

export function renderChart(results: BenchResults): string {
  const rows = results.scaling;
  const ns = rows.map((r) => r.n);
  const times = rows.flatMap((r) => [r.library.totalMs.median, r.l1.totalMs.median]);
  const xMin = Math.min(...ns) / 1.6;
  const xMax = Math.max(...ns) * 1.6;
  // 1-2-5 steps just outside the data, with head room above for the ratio labels.
  const yMin = stepBelow(Math.min(...times) / 1.3);
  const yMax = stepAbove(Math.max(...times) * 2.2);
  const x = logScale(xMin, xMax, PLOT_W, false);
  const y = logScale(yMin, yMax, PLOT_H, true);
  const px = (n: number) => MARGIN.left + x(n);
  const py = (ms: number) => MARGIN.top + y(ms);

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="Helvetica, Arial, sans-serif" font-size="13">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">Build + synth time vs number of discoverable services (log-log)</text>`,
    `<text x="${WIDTH / 2}" y="43" text-anchor="middle" fill="#555">one namespace + N × (Cloud Map service + ECS service + task definition); median per point</text>`,
    `<text x="${WIDTH / 2}" y="${HEIGHT - 50}" text-anchor="middle" font-size="11" fill="#555">labels: library / L1 ratio of wall time (bold) and of CPU time</text>`,
  );

  // Horizontal grid and y ticks: 1-2-5 steps within each decade.
  for (let decade = 10 ** Math.floor(Math.log10(yMin)); decade < yMax * 1.001; decade *= 10) {
    for (const step of [1, 2, 5]) {
      const v = decade * step;
      if (v < yMin * 0.999 || v > yMax * 1.001) continue;
      const major = step === 1;
      parts.push(
        `<line x1="${MARGIN.left}" x2="${MARGIN.left + PLOT_W}" y1="${py(v)}" y2="${py(v)}" stroke="${major ? "#c9c9c9" : "#ececec"}"/>`,
        `<text x="${MARGIN.left - 8}" y="${py(v) + 4}" text-anchor="end" fill="${major ? "#222" : "#777"}">${timeLabel(v)}</text>`,
      );
    }
  }
  // Vertical grid at the measured N.
  for (const n of ns) {
    parts.push(
      `<line x1="${px(n)}" x2="${px(n)}" y1="${MARGIN.top}" y2="${MARGIN.top + PLOT_H}" stroke="#ececec"/>`,
      `<text x="${px(n)}" y="${MARGIN.top + PLOT_H + 20}" text-anchor="middle">${n}</text>`,
    );
  }
  parts.push(
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${PLOT_W}" height="${PLOT_H}" fill="none" stroke="#888"/>`,
    `<text x="${MARGIN.left + PLOT_W / 2}" y="${MARGIN.top + PLOT_H + 44}" text-anchor="middle">N (discoverable services in one stack)</text>`,
    `<text transform="translate(20 ${MARGIN.top + PLOT_H / 2}) rotate(-90)" text-anchor="middle">median build + synth time</text>`,
  );

  for (const s of SERIES) {
    const points = rows.map((r) => [px(r.n), py(r[s.key].totalMs.median)] as const);
    parts.push(
      `<polyline fill="none" stroke="${s.color}" stroke-width="2.2" stroke-dasharray="${s.dash}" points="${points.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(" ")}"/>`,
    );
    for (const [a, b] of points) {
      parts.push(
        s.key === "library"
          ? `<circle cx="${a.toFixed(1)}" cy="${b.toFixed(1)}" r="4.5" fill="${s.color}"/>`
          : `<rect x="${(a - 4).toFixed(1)}" y="${(b - 4).toFixed(1)}" width="8" height="8" fill="${s.color}"/>`,
      );
    }
  }
  // Ratio labels above the higher of the two points.
  for (const r of rows) {
    const top = Math.min(py(r.library.totalMs.median), py(r.l1.totalMs.median));
    parts.push(
      `<text x="${px(r.n)}" y="${top - 26}" text-anchor="middle" font-weight="bold" fill="#333">×${r.ratio.toFixed(2)}</text>`,
      `<text x="${px(r.n)}" y="${top - 12}" text-anchor="middle" font-size="10.5" fill="#666">CPU ×${r.cpuRatio.toFixed(2)}</text>`,
    );
  }
  // Legend (top left, inside the plot).
  SERIES.forEach((s, i) => {
    const ly = MARGIN.top + 20 + i * 22;
    const lx = MARGIN.left + 16;
    parts.push(
      `<line x1="${lx}" x2="${lx + 34}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2.2" stroke-dasharray="${s.dash}"/>`,
      `<text x="${lx + 42}" y="${ly + 4}">${escapeXml(s.label)}</text>`,
    );
  });
  const m = results.machine;
  const others = Math.max(0, ...Object.values(m.otherProcessesCores));
  const footer = [
    `${m.cpus} × ${m.cpuModel}, Node ${m.node}, ${results.generatedAt.slice(0, 10)}`,
    `other processes used up to ${others.toFixed(2)} cores during the run (1-min load average up to ${m.maxOneMinuteLoad.toFixed(2)})`,
  ];
  footer.forEach((line, i) =>
    parts.push(`<text x="${WIDTH / 2}" y="${HEIGHT - 26 + i * 15}" text-anchor="middle" font-size="11" fill="#666">${escapeXml(line)}</text>`),
  );
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}
