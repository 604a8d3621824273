// The statistics page: choose a period and centres, see the released figures as tables
// with a chart beside each (drawn by Vega from the server's Vega-Lite specs), download the
// funder's files. Every figure comes from the server already checked by the privacy rules;
// this page only puts them on screen. Words come from the labels block, set with
// textContent (never as markup).
"use strict";

const L = JSON.parse(document.getElementById("labels").textContent);
const LANG = document.documentElement.lang;
const $ = (id) => document.getElementById(id);
let csrf = "";

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function iso(d) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function lastMonth() {
  const now = new Date();
  const end = new Date(now.getFullYear(), now.getMonth(), 0);
  return [new Date(end.getFullYear(), end.getMonth(), 1), end];
}

function thisYear() {
  const now = new Date();
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  return [new Date(now.getFullYear(), 0, 1), yesterday < new Date(now.getFullYear(), 0, 1) ? now : yesterday];
}

function setPeriod([start, end]) {
  $("start").value = iso(start);
  $("end").value = iso(end);
}

function query() {
  const params = new URLSearchParams({ start: $("start").value, end: $("end").value, lang: LANG });
  for (const box of document.querySelectorAll("#centres input:checked")) params.append("centre", box.value);
  return params.toString();
}

function number(value) {
  return typeof value === "number" ? value.toLocaleString(LANG) : "";
}

function cell(value, tag = "td") {
  if (value === null) return el(tag, { class: "hidden", text: L.hidden });
  return el(tag, { text: number(value) });
}

function renderTable(table) {
  const grid = el("table", { class: table.id === "heatmap" ? "heatmap" : table.id === "summary" ? "summary-table" : "" });
  // The caption names the table for a screen reader; the heading above shows it.
  grid.append(el("caption", { class: "visually-hidden", text: table.title }));
  if (table.id !== "summary") {
    const head = el("tr", {}, el("th", { scope: "col", text: table.row_heading || "" }));
    for (const column of table.columns) head.append(el("th", { scope: "col", text: column }));
    grid.append(el("thead", {}, head));
  }
  const body = el("tbody");
  for (const row of table.rows) {
    const line = el("tr", {}, el("th", { scope: "row", text: row.label }));
    for (const value of row.values) line.append(cell(value));
    body.append(line);
  }
  grid.append(body);
  if (table.total) {
    const foot = el("tr", {}, el("th", { scope: "row", text: L.total }));
    for (const value of table.total) foot.append(value === null ? el("td") : cell(value));
    grid.append(el("tfoot", {}, foot));
  }
  return grid;
}

async function drawChart(where, spec) {
  // On the page the figure's heading is the title, and the chart takes the figure's width.
  const { title, ...rest } = spec;
  // (Room is left for the axis labels beside it.)
  const fitted = { ...rest, width: Math.max(240, where.clientWidth - 200) };
  try {
    await vegaEmbed(where, fitted, {
      actions: false,
      renderer: "svg",
      // Vega's own expression interpreter: the page's Content-Security-Policy allows no eval.
      ast: true,
      expr: vegaInterpreter.expressionInterpreter,
      defaultStyle: false,
      tooltip: { disableDefaultStyle: true },
    });
  } catch (error) {
    where.textContent = "";
    console.error("chart", error);
  }
}

function render(data) {
  const report = $("report");
  report.textContent = "";
  $("charts-missing").hidden = !data.charts_missing;
  if (data.empty) {
    $("status").textContent = L.empty;
  } else {
    $("status").textContent = "";
  }
  const charts = [];
  for (const table of data.rendered) {
    if (!table.rows.length && !table.note) continue;
    const figure = el("section", { class: "figure", id: `figure-${table.key.replace(/[^a-z0-9_-]/gi, "-")}` });
    if (["sessions_per_day", "heatmap"].includes(table.id)) figure.classList.add("wide");
    figure.dataset.table = table.key;
    figure.append(el("h2", { text: table.title }));
    if (table.note) figure.append(el("p", { class: "note", text: table.note }));
    const spec = data.charts && data.charts[table.key];
    if (spec && table.rows.length) {
      // The table beside it says the same for a screen reader.
      const chart = el("div", { class: "chart", "aria-hidden": "true" });
      figure.append(chart);
      charts.push([chart, spec]);
    }
    if (table.rows.length) figure.append(renderTable(table));
    report.append(figure);
  }
  // Drawn once on the page, when each chart's box has its width.
  for (const [chart, spec] of charts) drawChart(chart, spec);
  const q = query();
  for (const kind of ["csv", "xlsx", "pdf"]) $(kind).href = `/api/v1/staff/stats/export.${kind}?${q}`;
}

async function show(event) {
  if (event) event.preventDefault();
  $("status").className = "status";
  $("status").textContent = L.loading;
  let response;
  try {
    response = await fetch(`/api/v1/staff/stats?${query()}`, { credentials: "same-origin" });
  } catch (error) {
    $("status").className = "status error";
    $("status").textContent = L.error;
    return;
  }
  if (response.ok) {
    render(await response.json());
    document.body.dataset.ready = "1";
    return;
  }
  $("status").className = "status error";
  $("status").textContent =
    response.status === 401 ? L.sign_in_first : response.status === 403 ? L.not_allowed :
    response.status === 422 ? L.bad_period : L.error;
}

async function loadHours() {
  const response = await fetch("/api/v1/staff/stats/hours", { credentials: "same-origin" });
  if (!response.ok) return;
  const box = $("hours");
  box.textContent = "";
  for (const centre of await response.json()) {
    const input = el("input", { type: "text", value: centre.hours, "aria-label": `${L.staffed_hours}: ${centre.name}` });
    input.value = centre.hours;
    const said = el("span", { class: "muted", role: "status" });
    const save = el("button", { type: "button", text: L.save });
    save.addEventListener("click", async () => {
      const answer = await fetch(`/api/v1/staff/stats/hours/${centre.id}`, {
        method: "PUT",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify({ hours: input.value }),
      });
      if (answer.ok) said.textContent = L.saved;
      else said.textContent = (await answer.json().catch(() => ({}))).detail || L.error;
    });
    box.append(el("div", { class: "hours-row" }, el("strong", { text: centre.name }), input, save, said));
  }
}

async function start() {
  for (const node of document.querySelectorAll("[data-label]")) node.textContent = L[node.dataset.label] || "";
  setPeriod(lastMonth());
  $("last-month").addEventListener("click", () => { setPeriod(lastMonth()); show(); });
  $("this-year").addEventListener("click", () => { setPeriod(thisYear()); show(); });
  $("choose").addEventListener("submit", show);
  const me = await fetch("/api/v1/staff/me", { credentials: "same-origin" });
  if (!me.ok) {
    $("status").className = "status error";
    $("status").textContent = L.sign_in_first;
    return;
  }
  const who = await me.json();
  csrf = who.csrf_token;
  const centres = $("centres");
  for (const centre of who.centres) {
    const box = el("input", { type: "checkbox", value: String(centre.id) });
    box.checked = true;
    centres.append(el("label", {}, box, el("span", { text: centre.name })));
  }
  $("centres-box").hidden = who.centres.length < 2;
  await show();
  loadHours();
}

document.addEventListener("DOMContentLoaded", start);
