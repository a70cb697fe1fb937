// The timeline chart: QuadClass counts stacked per period and the mean
// Goldstein score as a line, in SVG.

import { s, h } from "./dom.js";
import { quadNames } from "./cameo.js";

// periodOf returns the start of the day, ISO week or month holding date
// ("2024-03-07" → "2024-03-04" for week, "2024-03" for month).
export function periodOf(date, interval) {
  const d = String(date || "").slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) {
    return /^\d{4}-\d{2}$/.test(d.slice(0, 7)) && interval === "month" ? d.slice(0, 7) : null;
  }
  if (interval === "month") return d.slice(0, 7);
  if (interval === "week") {
    const t = new Date(d + "T00:00:00Z");
    const dow = (t.getUTCDay() + 6) % 7; // Monday = 0
    t.setUTCDate(t.getUTCDate() - dow);
    return t.toISOString().slice(0, 10);
  }
  return d;
}

// bucketize counts events per period and QuadClass and averages Goldstein.
export function bucketize(events, interval) {
  const m = new Map();
  for (const e of events) {
    const p = periodOf(e.date_start || e.date, interval);
    if (!p) continue;
    let b = m.get(p);
    if (!b) {
      b = { period: p, counts: { 1: 0, 2: 0, 3: 0, 4: 0 }, gsum: 0, gn: 0, total: 0 };
      m.set(p, b);
    }
    if (e.quad_class >= 1 && e.quad_class <= 4) b.counts[e.quad_class]++;
    b.total++;
    if (typeof e.goldstein === "number") {
      b.gsum += e.goldstein;
      b.gn++;
    }
  }
  return [...m.values()]
    .sort((a, b) => (a.period < b.period ? -1 : 1))
    .map((b) => ({ period: b.period, counts: b.counts, total: b.total, goldstein: b.gn ? b.gsum / b.gn : null }));
}

// nextPeriod returns the period after p ("2024-03" → "2024-04").
export function nextPeriod(p, interval) {
  if (interval === "month") {
    const [y, m] = p.split("-").map(Number);
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  }
  const t = new Date(p + "T00:00:00Z");
  t.setUTCDate(t.getUTCDate() + (interval === "week" ? 7 : 1));
  return t.toISOString().slice(0, 10);
}

// fillGaps adds empty buckets for the periods without events between the
// first and the last, so that the x axis is time; it gives up (returning
// buckets unchanged) past max periods or on periods it cannot read.
export function fillGaps(buckets, interval, max = 400) {
  if (buckets.length < 2) return buckets;
  const want = interval === "month" ? /^\d{4}-\d{2}$/ : /^\d{4}-\d{2}-\d{2}$/;
  if (!buckets.every((b) => want.test(b.period))) return buckets;
  const have = new Map(buckets.map((b) => [b.period, b]));
  const last = buckets[buckets.length - 1].period;
  const out = [];
  for (let p = buckets[0].period; p <= last; p = nextPeriod(p, interval)) {
    if (out.length > max) return buckets;
    out.push(have.get(p) || { period: p, counts: { 1: 0, 2: 0, 3: 0, 4: 0 }, total: 0, goldstein: null });
  }
  return out;
}

// normalizeBuckets reads the API's timeline answer into the chart's buckets,
// tolerating the likely spellings of its fields.
export function normalizeBuckets(body) {
  const arr = Array.isArray(body)
    ? body
    : (body && (body.buckets || body.timeline || body.points || body.periods || body.series)) || [];
  if (!Array.isArray(arr)) return [];
  return arr.map((x) => {
    const counts = { 1: 0, 2: 0, 3: 0, 4: 0 };
    const src = x.quad_class || x.quad_counts || x.quad_class_counts || x.counts || x.quad_classes || x.by_quad_class || null;
    for (let q = 1; q <= 4; q++) {
      let v = 0;
      if (Array.isArray(src)) v = src.length === 4 ? src[q - 1] : src[q];
      else if (src && typeof src === "object") v = src[q] ?? src["q" + q] ?? src["quad" + q] ?? 0;
      else v = x["q" + q] ?? x["quad" + q] ?? x["quad_class_" + q] ?? x["quad_" + q] ?? 0;
      counts[q] = Number(v) || 0;
    }
    const g = x.goldstein_mean ?? x.mean_goldstein ?? x.avg_goldstein ?? x.goldstein ?? null;
    const total = Number(x.count ?? x.total ?? x.events ?? counts[1] + counts[2] + counts[3] + counts[4]) || 0;
    return {
      period: String(x.label ?? x.period ?? x.start ?? x.date ?? x.bucket ?? ""),
      counts,
      total,
      goldstein: typeof g === "number" ? g : null,
    };
  });
}

const quadColors = { 1: "#5b9bd5", 2: "#2e7d32", 3: "#f0a030", 4: "#c62828" };

// quadColor is the colour of a QuadClass.
export function quadColor(q) {
  return quadColors[q] || "#888";
}

// timelineChart draws buckets as an SVG of width × height.
export function timelineChart(buckets, { width = 900, height = 280, title = "" } = {}) {
  const m = { top: 16, right: 44, bottom: 42, left: 40 };
  const w = width - m.left - m.right;
  const ht = height - m.top - m.bottom;
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img", "aria-label": title || "timeline" });
  if (!buckets.length) {
    svg.appendChild(s("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "muted" }, "No events in this period."));
    return svg;
  }
  const maxCount = Math.max(1, ...buckets.map((b) => b.counts[1] + b.counts[2] + b.counts[3] + b.counts[4]));
  const n = buckets.length;
  const bw = w / n;
  const y = (v) => m.top + ht - (v / maxCount) * ht;
  const gy = (g) => m.top + ht / 2 - (g / 10) * (ht / 2);
  const g = s("g");
  // Axes and grid.
  for (const t of ticks(maxCount)) {
    g.appendChild(s("line", { x1: m.left, x2: m.left + w, y1: y(t), y2: y(t), class: "grid" }));
    g.appendChild(s("text", { x: m.left - 6, y: y(t) + 4, "text-anchor": "end", class: "tick" }, String(t)));
  }
  for (const t of [-10, -5, 0, 5, 10]) {
    g.appendChild(s("text", { x: m.left + w + 6, y: gy(t) + 4, class: "tick gold" }, String(t)));
  }
  g.appendChild(s("line", { x1: m.left, x2: m.left + w, y1: gy(0), y2: gy(0), class: "zero" }));
  g.appendChild(s("text", { x: 4, y: m.top - 4, class: "tick" }, "events"));
  g.appendChild(s("text", { x: width - 4, y: m.top - 4, "text-anchor": "end", class: "tick gold" }, "Goldstein"));
  // Stacked bars.
  buckets.forEach((b, i) => {
    let acc = 0;
    for (let q = 1; q <= 4; q++) {
      const c = b.counts[q];
      if (!c) continue;
      const barW = Math.max(1, Math.min(bw * 0.8, 48));
      const x = m.left + (i + 0.5) * bw - barW / 2;
      g.appendChild(
        s(
          "rect",
          { x, y: y(acc + c), width: barW, height: y(acc) - y(acc + c), fill: quadColor(q), class: "bar" },
          s("title", {}, `${b.period}: ${c} × ${quadNames[q]}`),
        ),
      );
      acc += c;
    }
  });
  // Goldstein line.
  const pts = buckets
    .map((b, i) => (b.goldstein === null ? null : [m.left + (i + 0.5) * bw, gy(b.goldstein), b]))
    .filter(Boolean);
  if (pts.length) {
    // The line joins the periods that have a mean, across empty periods.
    g.appendChild(s("polyline", { points: pts.map((p) => p[0].toFixed(1) + "," + p[1].toFixed(1)).join(" "), class: "gline" }));
    for (const p of pts) {
      g.appendChild(
        s("circle", { cx: p[0], cy: p[1], r: 3, class: "gdot" }, s("title", {}, `${p[2].period}: mean Goldstein ${p[2].goldstein.toFixed(2)}`)),
      );
    }
  }
  // Period labels, thinned to fit.
  const every = Math.ceil(n / Math.max(1, Math.floor(w / 70)));
  buckets.forEach((b, i) => {
    if (i % every) return;
    g.appendChild(s("text", { x: m.left + (i + 0.5) * bw, y: m.top + ht + 16, "text-anchor": "middle", class: "tick" }, b.period));
  });
  svg.appendChild(g);
  return svg;
}

function ticks(max) {
  const step = max <= 5 ? 1 : Math.ceil(max / 5);
  const out = [];
  for (let t = 0; t <= max; t += step) out.push(t);
  return out;
}

// legend shows the QuadClass colours and the Goldstein line.
export function legend() {
  return h(
    "div",
    { class: "legend" },
    [1, 2, 3, 4].map((q) => {
      const sw = h("span", { class: "swatch q" + q });
      return h("span", { class: "item" }, sw, quadNames[q]);
    }),
    h("span", { class: "item" }, h("span", { class: "swatch gold" }), "mean Goldstein (−10…10)"),
  );
}
