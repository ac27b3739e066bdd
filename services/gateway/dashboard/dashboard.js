// The channel dashboard: reads /v1/reports/* with the API key the user signs in with. The key is
// kept in sessionStorage only (gone when the tab closes); nothing is loaded from outside this gateway.
"use strict";

const KEY = "channelhub.apiKey";
const NUMERIC = new Set(["quantity", "net", "current", "1-30", "31-60", "61-90", "90+", "total", "overdue_invoices",
  "overdue_amount", "earned", "paid", "due", "seats", "assigned", "utilisation", "contracts", "units"]);

async function api(path) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${sessionStorage.getItem(KEY)}` } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || problem.title || `HTTP ${response.status}`);
  }
  return response.json();
}

function table(id, rows) {
  const el = document.getElementById(id);
  el.replaceChildren();
  if (!rows.length) { el.innerHTML = "<tr><td>No data</td></tr>"; return; }
  const columns = Object.keys(rows[0]);
  const head = el.insertRow();
  for (const c of columns) { const th = document.createElement("th"); th.textContent = c; head.appendChild(th); }
  for (const row of rows) {
    const tr = el.insertRow();
    for (const c of columns) {
      const td = tr.insertCell();
      td.textContent = row[c] ?? "";
      if (NUMERIC.has(c)) td.className = "num";
      td.dataset.column = c;
    }
  }
}

// Exact decimals are strings; the chart only needs their size, the tables show them as they are.
function salesChart(rows) {
  const byMonth = new Map();
  for (const r of rows) byMonth.set(r.period, (byMonth.get(r.period) || 0) + Number(r.net));
  const months = [...byMonth.keys()].sort();
  const width = Math.max(320, months.length * 70 + 40), height = 200, max = Math.max(1, ...byMonth.values());
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("width", width); svg.setAttribute("height", height + 30);
  months.forEach((m, i) => {
    const value = byMonth.get(m), h = Math.round((value / max) * height);
    const bar = document.createElementNS(ns, "rect");
    Object.entries({ x: 30 + i * 70, y: height - h, width: 50, height: h, class: "bar" }).forEach(([k, v]) => bar.setAttribute(k, v));
    bar.dataset.period = m; bar.dataset.net = value.toFixed(2);
    const title = document.createElementNS(ns, "title"); title.textContent = `${m}: ${value.toFixed(2)}`; bar.appendChild(title);
    const label = document.createElementNS(ns, "text");
    Object.entries({ x: 30 + i * 70, y: height + 15, class: "axis" }).forEach(([k, v]) => label.setAttribute(k, v));
    label.textContent = m;
    svg.append(bar, label);
  });
  document.getElementById("sales-chart").replaceChildren(svg);
}

async function load() {
  const me = await api("/v1/me");
  document.getElementById("who").textContent = me.kind === "staff" ? "staff: every reseller" : `reseller ${me.reseller_id}`;
  const [sales, ageing, overdue, commissions, seats, waas] = await Promise.all(
    ["sales", "receivables-aging", "overdue-resellers", "commissions", "seat-utilisation", "waas-contracts"].map(
      (r) => api(`/v1/reports/${r}`)));
  salesChart(sales.data); table("sales-table", sales.data);
  table("ageing-table", ageing.data); table("overdue-table", overdue.data);
  table("commissions-table", commissions.data); table("seats-table", seats.data); table("waas-table", waas.data);
  document.getElementById("signin").hidden = true;
  document.getElementById("reports").hidden = false;
  document.body.dataset.loaded = "true";
}

document.getElementById("signin-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  sessionStorage.setItem(KEY, document.getElementById("api-key").value.trim());
  try { await load(); } catch (error) {
    sessionStorage.removeItem(KEY);
    document.getElementById("signin-error").textContent = `Sign-in failed: ${error.message}`;
  }
});
document.getElementById("signout").addEventListener("click", () => { sessionStorage.removeItem(KEY); location.reload(); });
if (sessionStorage.getItem(KEY)) load().catch(() => sessionStorage.removeItem(KEY));
