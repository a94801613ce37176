// The dashboard (clemency serve): controls from the policy's parameters, a
// re-screening in the engine on every change, and the views of its answer.
// The token, when the server has one, comes from the address's #token=...
// (never sent to the server as part of a URL) and goes in every API request.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const token = new URLSearchParams(location.hash.slice(1)).get("token") || "";
  const fmt = (n) => (n == null ? "n/a" : Number(n).toLocaleString("en-US"));
  const pct = (n, d) => (d > 0 ? ((100 * n) / d).toFixed(1) + "%" : "n/a");
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  let controls = [];
  let charts = [];

  async function api(path, options = {}) {
    const headers = Object.assign({}, options.headers || {});
    if (token) headers.Authorization = "Bearer " + token;
    const res = await fetch(path, Object.assign({}, options, { headers }));
    if (!res.ok) {
      let message = res.status + " " + res.statusText;
      try { message = (await res.json()).error || message; } catch (e) { /* not JSON */ }
      throw new Error(message);
    }
    return res;
  }
  const getJson = async (path) => (await api(path)).json();
  function showError(e) { $("error").textContent = e ? String(e.message || e) : ""; }

  // --- controls generated from the policy's parameters ---
  const RANGES = { years: [0, 100], months: [0, 600], days: [0, 3650] };
  function controlHtml(c, i) {
    const help = `<div class="help">${esc(c.text)} (declared: ${esc(c.declared)})</div>`;
    if (c.kind === "switch")
      return `<label><input type="checkbox" data-i="${i}" ${c.value === "true" ? "checked" : ""}> ${esc(c.name)}</label>${help}`;
    if (c.kind === "duration") {
      const [lo, hi] = RANGES[c.unit];
      return `<label for="p${i}">${esc(c.name)}: <output id="o${i}">${c.amount} ${c.unit}</output></label>
        <input type="range" id="p${i}" data-i="${i}" min="${lo}" max="${hi}" step="1" value="${c.amount}">${help}`;
    }
    if (c.kind === "number")
      return `<label for="p${i}">${esc(c.name)}</label><input type="number" id="p${i}" data-i="${i}" value="${esc(c.value)}" step="any" style="width:8em">${help}`;
    return `<label for="p${i}">${esc(c.name)}</label><input id="p${i}" data-i="${i}" value="${esc(c.value)}">${help}`;
  }
  function valueOf(el) {
    const c = controls[Number(el.dataset.i)];
    if (c.kind === "switch") return el.checked ? "true" : "false";
    if (c.kind === "duration") return el.value + " " + c.unit;
    return el.value;
  }
  function params() {
    const out = {};
    for (const el of $("controls").querySelectorAll("[data-i]")) {
      const c = controls[Number(el.dataset.i)];
      const v = valueOf(el);
      if (v !== c.declared) out[c.name] = v;
    }
    return out;
  }
  async function loadControls() {
    const policy = await getJson("/api/policy");
    controls = policy.controls;
    $("controls").innerHTML = controls.map(controlHtml).join("");
    for (const el of $("controls").querySelectorAll("[data-i]")) {
      el.addEventListener("input", () => {
        const c = controls[Number(el.dataset.i)];
        if (c.kind === "duration") $("o" + el.dataset.i).textContent = el.value + " " + c.unit;
        requestScreen();
      });
    }
    return policy;
  }

  // --- re-screening: one request at a time, the latest parameters win ---
  let inFlight = false, pending = false;
  async function requestScreen() {
    if (inFlight) { pending = true; return; }
    inFlight = true;
    try {
      const t0 = performance.now();
      const body = JSON.stringify({ policy: $("policy").value, params: params() });
      const live = await (await api("/api/screen", { method: "POST", body, headers: { "Content-Type": "application/json" } })).json();
      render(live);
      const ms = performance.now() - t0;
      $("timing").textContent = `re-screened in ${live.server_ms} ms in the engine, ${ms.toFixed(0)} ms here`;
      document.body.dataset.lastRoundTripMs = ms.toFixed(1);
      document.body.dataset.lastServerMs = String(live.server_ms);
      document.body.dataset.screenings = String(Number(document.body.dataset.screenings || 0) + 1);
      showError(null);
      await Promise.all([loadTriage(), loadCandidates()]);
    } catch (e) { showError(e); }
    inFlight = false;
    if (pending) { pending = false; requestScreen(); }
  }

  // --- views ---
  function render(s) {
    const c = s.counts;
    $("subtitle").textContent = `${s.policy.title} · ${fmt(c.people)} people as of ${s.as_of}`;
    $("counts").innerHTML = [["eligible", "eligible"], ["needs_review", "need review"], ["not_eligible", "not eligible"]]
      .map(([k, label]) => `<div class="figure ${k}"><b id="count-${k}">${fmt(c[k])}</b><span>${label}</span><small>of ${fmt(c.people)} screened (${pct(c[k], c.people)})</small></div>`).join("");
    let g = "<table><thead><tr><th>group</th><th>eligible</th><th>needs review</th><th>not eligible</th></tr></thead><tbody>";
    for (const [name, n] of Object.entries(s.groups)) g += `<tr><td>${esc(name)}</td><td>${fmt(n.eligible)} of ${fmt(c.eligible)}</td><td>${fmt(n.needs_review)}</td><td>${fmt(n.not_eligible)}</td></tr>`;
    $("groups").innerHTML = g + "</tbody></table>";
    for (const u of charts) u.destroy();
    charts = [];
    $("chart-race").innerHTML = "";
    $("chart-age").innerHTML = "";
    charts.push(ClemencyCharts.composition($("chart-race"), s.by_race));
    charts.push(ClemencyCharts.composition($("chart-age"), s.by_age_band));
    let comp = "<table><thead><tr><th>sex</th><th>screened</th><th>eligible</th><th>rate against overall</th></tr></thead><tbody>";
    const overall = c.people > 0 ? c.eligible / c.people : 0;
    for (const [k, n] of Object.entries(s.by_sex)) {
      const all = n.eligible + n.needs_review + n.not_eligible;
      comp += `<tr><td>${esc(k)}</td><td>${fmt(all)}</td><td>${fmt(n.eligible)}</td><td>${overall > 0 && all > 0 ? (n.eligible / all / overall).toFixed(2) : "n/a"}</td></tr>`;
    }
    $("composition").innerHTML = comp + "</tbody></table>";
  }

  async function loadTriage() {
    const t = await getJson("/api/triage");
    let tri = `<p>${fmt(t.needs_review)} people need review, grouped by the unknown facts that decide them.</p><table><thead><tr><th>unknown</th><th>people</th></tr></thead><tbody>`;
    for (const grp of t.groups.slice(0, 8)) tri += `<tr><td>${esc(grp.facts.join(", "))}</td><td>${fmt(grp.people)}</td></tr>`;
    $("triage").innerHTML = tri + "</tbody></table>";
  }

  async function loadCandidates() {
    const list = await getJson("/api/candidates?limit=50");
    let h = `<p>The first ${list.rows.length} of ${fmt(list.total)} eligible and needs-review people, in rank order.</p>
      <table><thead><tr><th>rank</th><th>person</th><th>status</th><th>groups</th><th>priority</th></tr></thead><tbody>`;
    for (const r of list.rows)
      h += `<tr><td>${r.rank}</td><td><a data-person="${esc(r.person_id)}">${esc(r.person_id)}</a></td><td>${esc(r.status)}</td><td>${esc(r.groups)}</td><td>${r.priority ?? "n/a"}</td></tr>`;
    $("candidates").innerHTML = h + "</tbody></table>";
  }

  async function showPerson(id) {
    try {
      const p = await getJson("/api/people/" + encodeURIComponent(id));
      $("explanation").textContent = p.explanation;
      $("person").scrollIntoView({ block: "nearest" });
    } catch (e) { showError(e); }
  }

  async function download(path, name) {
    try {
      const blob = await (await api(path)).blob();
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = name;
      document.body.appendChild(a);
      a.click();
      setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    } catch (e) { showError(e); }
  }

  let simChart = null;
  async function runProjection() {
    $("sim-headline").textContent = "Projecting…";
    try {
      const body = JSON.stringify({
        board_capacity: Number($("sim-capacity").value), grant_rate: $("sim-grant").value,
        lag_months: Number($("sim-lag").value), years: Number($("sim-years").value), replicates: Number($("sim-replicates").value),
      });
      const r = await (await api("/api/simulate", { method: "POST", body, headers: { "Content-Type": "application/json" } })).json();
      const h = r.summary.headline;
      const clear = h.months_to_clear_list.median;
      const red = h.largest_population_reduction;
      $("sim-headline").textContent = `${fmt(h.queued_people)} people queued. List cleared: ${clear ? "month " + clear.month + " (" + clear.date + ")" : "not within the horizon"} in the median replicate. Largest reduction ${fmt(Math.round(red.reduction.mean))} people in ${red.date}; cost avoided $${(h.at_horizon.cost_avoided_usd.mean / 1e6).toFixed(1)} million at average cost.`;
      if (simChart) simChart.destroy();
      $("sim-chart").innerHTML = "";
      simChart = ClemencyCharts.projection($("sim-chart"), r.chart, "population", "prison population, with and without clemency");
      document.body.dataset.projectionDrawn = "1";
    } catch (e) { $("sim-headline").textContent = ""; showError(e); }
  }

  async function start() {
    try {
      const policies = await getJson("/api/policies");
      const current = await loadControls();
      $("policy").innerHTML = policies.map((p) => `<option value="${esc(p.id)}">${esc(p.title)}</option>`).join("");
      $("policy").value = current.policy.id;
      $("policy").addEventListener("change", async () => {
        try {
          await api("/api/screen", { method: "POST", body: JSON.stringify({ policy: $("policy").value }), headers: { "Content-Type": "application/json" } });
          await loadControls();
          await requestScreen();
        } catch (e) { showError(e); }
      });
      await requestScreen();
      $("candidates").addEventListener("click", (e) => { if (e.target.dataset.person) showPerson(e.target.dataset.person); });
      $("search").addEventListener("input", async () => {
        const q = $("search").value.trim();
        if (!q) { $("hits").innerHTML = ""; return; }
        try {
          const r = await getJson("/api/search?q=" + encodeURIComponent(q));
          $("hits").innerHTML = r.hits.map((h) => `<a data-person="${esc(h.person_id)}" href="#" class="hit">${esc(h.person_id)}</a> (${esc(h.status)})`).join(", ") || "no match";
        } catch (e) { showError(e); }
      });
      $("hits").addEventListener("click", (e) => { if (e.target.dataset.person) { e.preventDefault(); showPerson(e.target.dataset.person); } });
      $("dl-csv").addEventListener("click", () => download("/api/screening.csv", "screening.csv"));
      $("dl-xlsx").addEventListener("click", () => download("/api/candidates.xlsx", "candidates.xlsx"));
      $("dl-scenario").addEventListener("click", () => download("/api/scenario", "scenario.txt"));
      $("sim-run").addEventListener("click", runProjection);
      document.body.dataset.ready = "1";
    } catch (e) { showError(e); }
  }
  start();
})();
