// report.html: draws each <div class="chart" data-chart=...> from the embedded report data.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const titles = { population: "", flows: "", crowding: "" };
  for (const el of document.querySelectorAll(".chart[data-chart]")) {
    const kind = el.dataset.chart;
    if (kind === "composition" && data.summary[el.dataset.key]) {
      ClemencyCharts.composition(el, data.summary[el.dataset.key]);
    } else if (data.projection && kind === "population") {
      ClemencyCharts.projection(el, data.projection, "population", titles.population);
    } else if (data.projection && kind === "flows") {
      ClemencyCharts.projection(el, data.projection, "clemency_releases", "clemency releases a month");
      const returns = document.createElement("div");
      el.appendChild(returns);
      ClemencyCharts.projection(returns, data.projection, "returns", "returns to prison a month");
    } else if (data.projection && kind === "crowding") {
      ClemencyCharts.projection(el, data.projection, "facilities_over_design_capacity", "");
    }
  }
  document.documentElement.dataset.chartsDrawn = String(document.querySelectorAll(".uplot").length);
})();
