// The dashboard's tables: one report's rows under labelled headers, a total row, a CSV download of
// the same report, and — when there are no rows — a sentence saying what would fill the table.
// Amounts stay the API's exact decimal strings: totals are added up in integer cents (BigInt).
"use strict";

// "1234.50" → 123450n; every amount the reports answer has two decimals
function cents(amount) {
  const [whole, fraction = ""] = amount.split(".");
  const sign = whole.startsWith("-") ? -1n : 1n;
  return BigInt(whole) * 100n + sign * BigInt((fraction + "00").slice(0, 2));
}

function fromCents(value) {
  const sign = value < 0n ? "-" : "";
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

export function sum(amounts) {
  return fromCents(amounts.reduce((total, a) => total + cents(a), 0n));
}

// 1234567.50 → "1,234,567.50" for reading; the exact string stays in data-value
export function grouped(amount) {
  const [whole, fraction] = String(amount).split(".");
  const digits = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? digits : `${digits}.${fraction}`;
}

function cell(row, column, drillDown) {
  const td = document.createElement("td");
  const value = row[column.key] ?? "";
  td.dataset.column = column.key;
  td.dataset.value = value;
  if (column.kind === "money" || column.kind === "count") {
    td.className = "num";
    td.textContent = grouped(value);
  } else if (column.kind === "reseller" && drillDown) {
    const link = document.createElement("a");
    link.href = drillDown(row.reseller_id);
    link.textContent = value;
    link.title = `Show only ${value}`;
    td.appendChild(link);
  } else {
    td.textContent = value;
  }
  return td;
}

// a total row when every row is in one currency (adding euros to dollars says nothing)
function totalRow(rows, columns) {
  const currencies = new Set(rows.map((r) => r.currency));
  if (rows.length < 2 || currencies.size > 1) return null;
  const tr = document.createElement("tr");
  columns.forEach((column, i) => {
    const th = document.createElement(i === 0 ? "th" : "td");
    if (i === 0) { th.scope = "row"; th.textContent = "Total"; }
    if (column.kind === "money") th.textContent = grouped(sum(rows.map((r) => r[column.key])));
    if (column.kind === "count" && column.total !== false) {
      th.textContent = grouped(rows.reduce((n, r) => n + Number(r[column.key]), 0));
    }
    if (column.key === "currency") th.textContent = [...currencies][0];
    th.dataset.column = column.key;
    if (column.kind === "money" || column.kind === "count") th.classList.add("num");
    tr.appendChild(th);
  });
  return tr;
}

// spec: {title, columns: [{key, label, kind}], empty: "what would fill it"}; download: () => Promise
export function render(container, rows, spec, { drillDown, download }) {
  container.replaceChildren();
  const tools = document.createElement("div");
  tools.className = "table-tools";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "csv";
  button.textContent = `Download ${spec.title} (CSV)`;
  button.addEventListener("click", download);
  tools.appendChild(button);
  container.appendChild(tools);
  if (!rows.length) {
    const empty = document.createElement("p");
    empty.className = "empty";
    empty.textContent = spec.empty;
    container.appendChild(empty);
    return;
  }
  const table = document.createElement("table");
  const caption = table.createCaption();
  caption.textContent = `${spec.title}: ${rows.length} row${rows.length === 1 ? "" : "s"}`;
  const head = table.createTHead().insertRow();
  for (const column of spec.columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = column.label;
    if (column.kind === "money" || column.kind === "count") th.className = "num";
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const column of spec.columns) tr.appendChild(cell(row, column, drillDown));
  }
  const total = totalRow(rows, spec.columns);
  if (total) table.createTFoot().appendChild(total);
  const scroller = document.createElement("div");
  scroller.className = "scroll";
  scroller.appendChild(table);
  container.appendChild(scroller);
}
