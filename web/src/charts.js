// Charts of report.html and the dashboard, drawn with uPlot (bundled; no request).
// Exposes window.ClemencyCharts: projection(el, chart, metric) and composition(el, grouping).
(function () {
  "use strict";
  const COLORS = { baseline: "#6b7280", scenario: "#1d4ed8", eligible: "#1b7f5b", everyone: "#9ca3af", actual: "#b91c1c" };

  function width(el) { return Math.max(320, Math.min(1040, (el.clientWidth || 900))); }

  // A month axis from labels "YYYY-MM": x is the month index.
  function monthAxis(months) {
    return { values: (u, ticks) => ticks.map((t) => (Number.isInteger(t) && months[t] ? months[t] : "")) };
  }

  // A metric's baseline and scenario means, each with its 90% band.
  function projection(el, chart, metric, title) {
    const s = chart.series[metric];
    if (!s) return null;
    const x = chart.months.map((_, i) => i);
    const data = [x];
    const series = [{ label: "month", value: (u, v) => (v == null ? "" : chart.months[v]) }];
    const bands = [];
    for (const name of ["baseline", "scenario"]) {
      if (!s[name]) continue;
      const base = data.length;
      data.push(s[name].mean, s[name].p05, s[name].p95);
      const color = COLORS[name];
      series.push({ label: name === "baseline" ? "without clemency" : "with clemency", stroke: color, width: 2, points: { show: false } });
      series.push({ label: "band", stroke: color, width: 0, points: { show: false } });
      series.push({ label: "band", stroke: color, width: 0, points: { show: false } });
      bands.push({ series: [base + 2, base + 1], fill: color + "33" });
    }
    if (metric === "population" && chart.actuals && chart.actuals.length) {
      const actual = x.map(() => null);
      for (const [m, v] of chart.actuals) if (m >= 0 && m < actual.length) actual[m] = v;
      data.push(actual);
      series.push({ label: "actual", stroke: COLORS.actual, width: 0, points: { show: true, size: 6, fill: COLORS.actual } });
    }
    const opts = {
      title: title || "", width: width(el), height: 300, series, bands,
      axes: [monthAxis(chart.months), { size: 70 }], legend: { live: false },
      cursor: { show: false },
    };
    const u = new uPlot(opts, data, el);
    // The band's edges are series of their own; the legend names the means only.
    u.root.querySelectorAll(".u-legend .u-series").forEach((row) => {
      if (row.textContent.trim() === "band") row.style.display = "none";
    });
    return u;
  }

  // Share of everyone screened against share of the eligible, per value of a grouping.
  function composition(el, grouping) {
    const names = Object.keys(grouping);
    let people = 0, eligible = 0;
    for (const n of names) {
      const c = grouping[n];
      people += c.eligible + c.needs_review + c.not_eligible;
      eligible += c.eligible;
    }
    const pct = (a, b) => (b > 0 ? (100 * a) / b : 0);
    const x = names.map((_, i) => i);
    const all = names.map((n) => pct(grouping[n].eligible + grouping[n].needs_review + grouping[n].not_eligible, people));
    const elig = names.map((n) => pct(grouping[n].eligible, eligible));
    const bars = uPlot.paths.bars({ size: [0.35, 60], align: -1 });
    const bars2 = uPlot.paths.bars({ size: [0.35, 60], align: 1 });
    const opts = {
      width: width(el), height: 220,
      scales: { x: { time: false, range: [-0.6, names.length - 0.4] }, y: { range: (u, lo, hi) => [0, Math.max(5, hi * 1.1)] } },
      series: [
        { label: "value", value: (u, v) => (v == null ? "" : names[v]) },
        { label: "share of everyone screened (%)", fill: COLORS.everyone, stroke: COLORS.everyone, paths: bars, points: { show: false } },
        { label: "share of the eligible (%)", fill: COLORS.eligible, stroke: COLORS.eligible, paths: bars2, points: { show: false } },
      ],
      axes: [{ values: (u, ticks) => ticks.map((t) => (Number.isInteger(t) ? names[t] : "")), incrs: [1] }, { size: 50 }],
      legend: { live: false }, cursor: { show: false },
    };
    return new uPlot(opts, [x, all, elig], el);
  }

  window.ClemencyCharts = { projection, composition };
})();
