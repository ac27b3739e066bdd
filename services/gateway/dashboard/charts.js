// The dashboard's charts, drawn by plotly.js (window.Plotly, served by this gateway from the plotly
// wheel). Stacked bars throughout, with axis titles and values; each chart's role="img" element gets
// a text label saying what it shows, and the table beside it carries every figure for screen readers.
"use strict";

// Okabe–Ito: told apart by people with the common colour-vision deficiencies
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

const CONFIG = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["lasso2d", "select2d"] };

// Bars are sized by Number(): a chart needs magnitudes, not cents (the tables show exact amounts)
export function stacked(element, { categories, series, categoryTitle, valueTitle, horizontal = false, label }) {
  element.setAttribute("aria-label", label);
  if (!categories.length) {
    element.hidden = true;  // the table's empty state says why
    return;
  }
  element.hidden = false;
  const traces = series.map((s, i) => {
    const values = s.values.map(Number);
    return {
      type: "bar",
      name: s.name,
      orientation: horizontal ? "h" : "v",
      x: horizontal ? values : categories,
      y: horizontal ? categories : values,
      marker: { color: PALETTE[i % PALETTE.length] },
      hovertemplate: `%{${horizontal ? "y" : "x"}}<br>${s.name}: %{${horizontal ? "x" : "y"}:,.2f}<extra></extra>`,
    };
  });
  const valueAxis = { title: { text: valueTitle }, tickformat: ",", rangemode: "tozero", automargin: true };
  const categoryAxis = { title: { text: categoryTitle }, type: "category", automargin: true };
  const layout = {
    barmode: "stack",
    height: 320,
    margin: { t: 20, r: 20 },
    font: { family: "system-ui, sans-serif", color: "#1d2733" },
    legend: { orientation: "h", y: -0.25, traceorder: "normal" },
    xaxis: horizontal ? valueAxis : categoryAxis,
    yaxis: horizontal ? categoryAxis : valueAxis,
  };
  window.Plotly.react(element, traces, layout, CONFIG);
}
