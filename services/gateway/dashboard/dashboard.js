// The channel dashboard (R-PL-3): signs in with an API key, kept in sessionStorage only (gone when
// the tab closes), and reads /v1/reports/* through this gateway. The filters are the page's query
// string (period, as_of, reseller_id): a view is a link, a drill-down an ordinary <a>. Days and
// months the address does not give are the API's (the services' clock), never this browser's.
import { stacked } from "./charts.js";
import { grouped, render, sum } from "./tables.js";

const KEY = "channelhub.apiKey";
const $ = (id) => document.getElementById(id);
const BUCKETS = ["current", "1-30", "31-60", "61-90", "90+"];
const IN_FORCE = new Set(["active", "trial"]);

class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

async function api(path, query = {}, accept = "application/json") {
  const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v));
  const response = await fetch(`${path}${search.size ? `?${search}` : ""}`, {
    headers: { Authorization: `Bearer ${sessionStorage.getItem(KEY)}`, Accept: accept },
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ApiError(response.status, problem.detail || problem.title || `HTTP ${response.status}`);
  }
  return accept === "text/csv" ? response.text() : response.json();
}

// --- months, as strings: "2026-03" ------------------------------------------------------------
function shift(period, months) {
  const [y, m] = period.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}
function lastDay(period) {
  const [y, m] = period.split("-").map(Number);
  return `${period}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
}
const monthsUpTo = (period, n) => Array.from({ length: n }, (_, i) => shift(period, i - n + 1));

// --- what each table shows, and what would fill it when empty -----------------------------------
const money = (key, label) => ({ key, label, kind: "money" });
const count = (key, label, total = true) => ({ key, label, kind: "count", total });
const text = (key, label) => ({ key, label });
const reseller = { key: "reseller_name", label: "Reseller", kind: "reseller" };

const SPECS = {
  sales: (f) => ({
    title: "sales", element: "sales-table",
    columns: [reseller, text("product", "Product"), text("period", "Month"), text("currency", "Currency"),
      count("quantity", "Quantity"), money("net", "Net sales")],
    empty: `No sales from ${f.from} to ${f.to}. Orders placed and subscription charges appear here at their net `
      + "partner price once ordering reports them; cancelled and handed-over orders do not count.",
  }),
  "receivables-aging": (f) => ({
    title: "receivables ageing", element: "ageing-table",
    columns: [text("group", "Owed by"), reseller, text("currency", "Currency"), money("current", "Not yet due"),
      ...BUCKETS.slice(1).map((b) => money(b, `${b} days late`)), money("total", "Total owed")],
    empty: `Nothing is owed on ${f.as_of}. An invoice counts here from its issue date until it is paid or `
      + "credited; a later “as of” day shows what will be late if nothing is paid.",
  }),
  "overdue-resellers": (f) => ({
    title: "overdue resellers", element: "overdue-table",
    columns: [reseller, text("currency", "Currency"), count("overdue_invoices", "Invoices past due"),
      money("overdue_amount", "Owed past due"), text("oldest_due_date", "Oldest due date"),
      count("days_overdue", "Days overdue", false)],
    empty: `No reseller is past due on ${f.as_of}. Partner invoices fall due 30 days after they are issued; `
      + "choose a later “as of” day to see who will be late if they do not pay.",
  }),
  commissions: () => ({
    title: "commissions", element: "commissions-table",
    columns: [reseller, text("currency", "Currency"), money("earned", "Earned"), money("paid", "Paid out"),
      money("due", "Due")],
    empty: "No commissions yet. A reseller earns one when a WaaS contract it sold becomes active; the "
      + "monthly statement pays it out.",
  }),
  "seat-utilisation": () => ({
    title: "seat utilisation", element: "seats-table",
    columns: [reseller, text("sku", "SKU"), text("status", "Status"), count("seats", "Seats"),
      count("assigned", "Assigned"), count("active", "In use"), count("free", "Free"),
      text("utilisation", "Assigned %")],
    empty: "No seat-based subscriptions. A subscription to a seat-based SKU appears here, with the seats "
      + "assigned to its users and how many of them activated theirs.",
  }),
  manufacturers: (f) => ({
    title: "sell-out per manufacturer", element: "sellout-table",
    columns: [text("manufacturer", "Manufacturer"), text("period", "Month"), text("currency", "Currency"),
      count("contracts", "Contracts"), count("units", "Units"), money("monthly_total", "Monthly instalments")],
    empty: `No WaaS lease started from ${f.from} to ${f.to}. A contract counts for its bundle's manufacturer `
      + "in the month both parties signed it.",
  }),
  resellers: () => ({
    title: "resellers", element: "resellers-table",
    columns: [{ ...reseller, key: "company_name" }, text("status", "Status"), text("standing", "Standing")],
    empty: "No resellers yet. A reseller appears here once its application is approved.",
  }),
};

// --- tiles ---------------------------------------------------------------------------------------
const amounts = (list) => (list.length ? list.map((m) => `${grouped(m.amount)} ${m.currency}`).join(" · ") : "0");
const wire = (list) => list.map((m) => `${m.amount} ${m.currency}`).join("; ");

function trend(now, before) {
  return now.map((m) => {
    const last = before.find((b) => b.currency === m.currency);
    if (!last || Number(last.amount) === 0) return `${m.currency}: new this month`;
    const change = ((Number(m.amount) - Number(last.amount)) / Number(last.amount)) * 100;
    return `${m.currency}: ${change >= 0 ? "up" : "down"} ${Math.abs(change).toFixed(1)} %`;
  }).join(" · ");
}

function tile(title, figure, value, kpi, note) {
  const li = document.createElement("li");
  li.className = "tile";
  const h = document.createElement("h3");
  h.textContent = title;
  const p = document.createElement("p");
  p.className = "figure";
  p.textContent = figure;
  p.dataset.kpi = kpi;
  p.dataset.value = value;
  const small = document.createElement("p");
  small.className = "note";
  small.textContent = note;
  li.append(h, p, small);
  return li;
}

function tiles(s) {
  const { sales, receivables: r, resellers: st, waas_contracts: w, seats } = s;
  $("tiles").replaceChildren(
    tile(`Sales ${sales.period}`, amounts(sales.net), wire(sales.net), "sales",
      `${sales.previous_period}: ${amounts(sales.previous_net)} · ${trend(sales.net, sales.previous_net)}`),
    tile(`Open receivables on ${s.as_of}`, amounts(r.open), wire(r.open), "open", "interest included"),
    tile("Overdue", amounts(r.overdue), wire(r.overdue), "overdue",
      `${r.overdue_resellers} reseller${r.overdue_resellers === 1 ? "" : "s"} past due`),
    tile("Resellers by standing", `${st.new} new · ${st.established} established · ${st.prepay_required} prepay`,
      `${st.new}/${st.established}/${st.prepay_required}`, "standing", "new / established / prepay required"),
    tile("Active WaaS contracts", String(w.active), String(w.active), "contracts", `${w.units} devices leased`),
    tile("Seats", `${seats.used} used · ${seats.assigned} assigned · ${seats.free} free`,
      `${seats.used}/${seats.assigned}/${seats.free}`, "seats", `of ${seats.purchased} purchased`),
  );
}

// --- charts --------------------------------------------------------------------------------------
function byKey(rows, key, value) {
  const out = new Map();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) || []), value(r)]);
  return out;
}

function charts(data, f) {
  const oneCurrency = (rows) => new Set(rows.map((r) => r.currency)).size <= 1;
  const who = (rows) => (r) => (oneCurrency(rows) ? r.reseller_name : `${r.reseller_name} · ${r.currency}`);

  const months = monthsUpTo(f.period, 12);
  const sales = byKey(data.sales, who(data.sales), (r) => r);
  stacked($("sales-chart"), {
    categories: data.sales.length ? months : [],
    series: [...sales].map(([name, rows]) => ({
      name, values: months.map((m) => sum(rows.filter((r) => r.period === m).map((r) => r.net))),
    })),
    categoryTitle: "Month", valueTitle: `Net sales${oneCurrency(data.sales) && data.sales[0] ? ` (${data.sales[0].currency})` : ""}`,
    label: `Net sales per month from ${months[0]} to ${f.period}, stacked by reseller.`,
  });

  const ageing = data["receivables-aging"];
  stacked($("ageing-chart"), {
    categories: ageing.map((r) => `${who(ageing)(r)}${r.group === "waas" ? " (WaaS customers)" : ""}`),
    series: BUCKETS.map((b) => ({ name: b === "current" ? "not yet due" : `${b} days`, values: ageing.map((r) => r[b]) })),
    categoryTitle: "", valueTitle: "Amount owed", horizontal: true,
    label: `What each reseller owed on ${f.as_of}, stacked by days past due.`,
  });

  const seats = byKey(data["seat-utilisation"].filter((r) => IN_FORCE.has(r.status)), (r) => r.reseller_name, (r) => r);
  const total = (rows, fn) => String(rows.reduce((n, r) => n + fn(r), 0));
  stacked($("seats-chart"), {
    categories: [...seats.keys()],
    series: [
      { name: "in use", values: [...seats.values()].map((rows) => total(rows, (r) => r.active)) },
      { name: "invited", values: [...seats.values()].map((rows) => total(rows, (r) => r.assigned - r.active)) },
      { name: "free", values: [...seats.values()].map((rows) => total(rows, (r) => r.free)) },
    ],
    categoryTitle: "", valueTitle: "Seats", horizontal: true,
    label: "Seats of subscriptions in force per reseller: in use, invited, free.",
  });

  const sellout = byKey(data.manufacturers, (r) => r.manufacturer, (r) => r.units);
  stacked($("sellout-chart"), {
    categories: [...sellout.keys()],
    series: [{ name: "units leased", values: [...sellout.values()].map((u) => String(u.reduce((a, b) => a + b, 0))) }],
    categoryTitle: "Manufacturer", valueTitle: "Units leased",
    label: `WaaS units leased per manufacturer from ${f.from} to ${f.to}.`,
  });
}

// --- the page ------------------------------------------------------------------------------------
function filtersFromAddress() {
  const query = new URLSearchParams(location.search);
  return { period: query.get("period"), as_of: query.get("as_of"), reseller_id: query.get("reseller_id") };
}

function link(changes) {
  const query = new URLSearchParams(Object.entries({ ...filtersFromAddress(), ...changes }).filter(([, v]) => v));
  return `/dashboard?${query}`;
}

function queries(f) {
  const one = { reseller_id: f.reseller_id };
  return {
    sales: { ...one, from: f.from, to: f.to },
    "receivables-aging": { ...one, as_of: f.as_of },
    "overdue-resellers": { ...one, as_of: f.as_of },
    commissions: one,
    "seat-utilisation": one,
    manufacturers: { ...one, from: f.from, to: f.to },
    resellers: {},  // every reseller the caller sees: the filter offers them all
  };
}

function download(name, query, f) {
  return async () => {
    const csv = await api(`/v1/reports/${name}`, query, "text/csv");
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
    a.download = [name, f.reseller_id ? f.reseller_id.slice(0, 8) : "all", query.as_of || f.period].join("-") + ".csv";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
}

function scopeLine(me, f, resellers) {
  const name = (id) => resellers.find((r) => r.reseller_id === id)?.company_name || id;
  const line = $("scope");
  line.replaceChildren();
  if (me.kind !== "staff") {
    line.textContent = `Your own figures, ${name(me.reseller_id)}.`;
  } else if (f.reseller_id) {
    const back = document.createElement("a");
    back.href = link({ reseller_id: "" });
    back.textContent = "back to every reseller";
    line.append(`Showing ${name(f.reseller_id)} only — `, back);
  } else {
    line.textContent = "Every reseller. Choose one (or click its name) to see its figures alone.";
  }
}

function fillFilters(me, f, resellers) {
  $("period").value = f.period;
  $("as_of").value = f.as_of;
  const staff = me.kind === "staff";
  $("reseller-filter").hidden = !staff;
  const select = $("reseller_id");
  select.disabled = !staff;  // a reseller's own view: nothing to choose, nothing sent
  select.replaceChildren(new Option("All resellers", ""));
  for (const r of resellers) select.add(new Option(r.company_name, r.reseller_id, false, r.reseller_id === f.reseller_id));
}

async function load() {
  const me = await api("/v1/me");
  $("signin").hidden = true;
  $("reports").hidden = false;
  $("signout").hidden = false;
  $("who").textContent = me.kind === "staff" ? `staff (${me.roles.join(", ")})` : `reseller ${me.reseller_id}`;
  const asked = filtersFromAddress();
  try {
    const summary = await api("/v1/reports/summary", asked);
    const period = summary.sales.period;
    const f = { ...asked, period, as_of: summary.as_of, from: `${shift(period, -11)}-01`, to: lastDay(period) };
    const asks = queries(f);
    const names = Object.keys(asks);
    const answers = await Promise.all(names.map((n) => api(`/v1/reports/${n}`, asks[n])));
    const data = Object.fromEntries(names.map((n, i) => [n, answers[i].data]));
    const resellers = data.resellers;
    if (f.reseller_id) data.resellers = resellers.filter((r) => r.reseller_id === f.reseller_id);
    if (me.kind !== "staff") $("who").textContent = `reseller ${resellers[0]?.company_name || me.reseller_id}`;
    fillFilters(me, f, resellers);
    scopeLine(me, f, resellers);
    tiles(summary);
    const drillDown = me.kind === "staff" ? (id) => link({ reseller_id: id }) : null;
    for (const name of names) {
      const spec = SPECS[name](f);
      render($(spec.element), data[name], spec, { drillDown, download: download(name, asks[name], f) });
    }
    charts(data, f);
    $("figures").hidden = false;
    document.body.dataset.loaded = "true";
  } catch (error) {
    // another reseller's id (404), a malformed month: say so, show no figures
    $("figures").hidden = true;
    $("load-error").textContent = error.status === 404
      ? "No such reseller: a reseller's key sees its own figures only."
      : `The figures could not be loaded: ${error.message}`;
    document.body.dataset.loaded = "error";
  }
}

$("signin-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  sessionStorage.setItem(KEY, $("api-key").value.trim());
  try { await load(); } catch (error) {
    sessionStorage.removeItem(KEY);
    $("signin").hidden = false;
    $("reports").hidden = true;
    $("signout").hidden = true;
    $("signin-error").textContent = `Sign-in failed: ${error.message}`;
  }
});
$("signout").addEventListener("click", () => { sessionStorage.removeItem(KEY); location.assign("/dashboard"); });
if (sessionStorage.getItem(KEY)) load().catch(() => sessionStorage.removeItem(KEY));
