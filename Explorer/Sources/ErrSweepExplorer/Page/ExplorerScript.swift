/// The page's script: reads a tab's form into the URL's query (the permalink), asks the server
/// for the answer without reloading the page, and fills the tab with it. Everything the answer
/// holds goes in as text (`textContent`), never as HTML; only the server's SVG is parsed, as SVG,
/// and scripts never run from it (the Content-Security-Policy allows only this file).
public enum ExplorerScript {
    public static let javaScript = #"""
"use strict";
const tabs = {
  sweep: { form: "query", prefix: "", fields: ["fn", "x", "h", "per-decade", "method", "precision", "derivative"],
           api: "/api/sweep", status: "status", answer: "answer", show: showSweep },
  landscape: { form: "landscape-query", prefix: "l-",
               fields: ["fn", "x", "algorithm", "precision", "range", "x-count", "method", "h", "per-decade"],
               api: "/api/landscape", status: "l-status", answer: "l-answer", show: showLandscape },
};

function byId(id) { return document.getElementById(id); }

function queryFromForm(name) {
  const tab = tabs[name], params = new URLSearchParams();
  if (name !== "sweep") params.set("tab", name);
  for (const field of tab.fields) params.set(field, byId(tab.prefix + field).value);
  return params.toString();
}

// The tab a query names, its fields filled from it; whether it asks for an answer.
function fillForm(search) {
  const params = new URLSearchParams(search);
  const name = params.get("tab") === "landscape" ? "landscape" : "sweep", tab = tabs[name];
  for (const field of tab.fields) if (params.has(field)) byId(tab.prefix + field).value = params.get(field);
  showTab(name);
  return { name, asks: params.has("fn") };
}

function showTab(name) {
  for (const other of Object.keys(tabs)) {
    byId(other + "-tab").hidden = other !== name;
    byId("tab-" + other).setAttribute("aria-selected", String(other === name));
  }
}

function clearProblems(tab) {
  for (const field of tab.fields) {
    byId("problem-" + tab.prefix + field).textContent = "";
    byId(tab.prefix + field).removeAttribute("aria-invalid");
  }
}

function element(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

// "**bold** rest" as text nodes and <strong>, never as HTML.
function withBold(parent, text) {
  text.split("**").forEach((part, i) => parent.appendChild(i % 2 ? element("strong", part) : document.createTextNode(part)));
}

// The server's SVG, parsed as SVG; each hover circle writes its data-* lines to the readout.
function showChart(container, chart, readout) {
  const figure = element("figure", undefined, "chart-figure");
  figure.dataset.name = chart.name;
  const svg = new DOMParser().parseFromString(chart.svg, "image/svg+xml").documentElement;
  figure.appendChild(document.importNode(svg, true));
  container.appendChild(figure);
  for (const circle of figure.querySelectorAll(".hover-points circle")) {
    circle.addEventListener("mouseenter", () => {
      const lines = [];
      for (let i = 0; circle.hasAttribute("data-" + i); i++) lines.push(circle.getAttribute("data-" + i));
      byId(readout).textContent = lines.join(" · ");
      circle.classList.add("hovered");
    });
    circle.addEventListener("mouseleave", () => circle.classList.remove("hovered"));
  }
  return figure.querySelector("svg");
}

function showTable(container, t) {
  container.appendChild(element("h3", t.heading));
  const table = element("table", undefined, "summary");
  const head = table.createTHead().insertRow();
  for (const h of t.headings) head.appendChild(element("th", h));
  const body = table.createTBody();
  for (const r of t.rows) {
    const row = body.insertRow();
    for (const cell of r) row.appendChild(element("td", cell));
  }
  container.appendChild(table);
  for (const note of t.notes) container.appendChild(element("p", note, "note"));
}

function showSweep(answer, query) {
  byId("formula").textContent = answer.formula;
  byId("command").textContent = answer.command;
  byId("permalink").href = answer.permalink;
  byId("csv").href = "/download/sweep.csv?" + query;
  byId("png").href = "/download/chart.png?" + query;
  byId("markdown").href = "/download/report.md?" + query;
  byId("readout").textContent = "hover a point to read it off";
  const charts = byId("charts");
  charts.replaceChildren();
  for (const chart of answer.charts) showChart(charts, chart, "readout");
  const tables = byId("tables");
  tables.replaceChildren();
  for (const t of answer.tables) showTable(tables, t);
  byId("reading").replaceChildren(...answer.reading.map((p) => element("p", p)));
  const recommendation = byId("recommendation");
  recommendation.replaceChildren();
  for (const line of answer.recommendation) {
    const item = element("li");
    withBold(item, line);
    recommendation.appendChild(item);
  }
}

// The cell whose edges hold v, or -1 (edges may fall, as canvas rows do).
function cellAt(edges, v) {
  for (let i = 0; i + 1 < edges.length; i++) {
    if (v >= Math.min(edges[i], edges[i + 1]) && v < Math.max(edges[i], edges[i + 1])) return i;
  }
  return -1;
}

// The heat map's hover: the pointer's place on the canvas, the cell there, its x, h and error.
function attachCells(svg, cells, readout) {
  const image = svg.querySelector(".heat-cells");
  if (!image) return;
  const frame = ["x", "y", "width", "height"].map((a) => Number(image.getAttribute(a)));
  const cursor = document.createElementNS("http://www.w3.org/2000/svg", "rect");
  cursor.setAttribute("class", "cell-cursor");
  svg.appendChild(cursor);
  svg.addEventListener("mousemove", (event) => {
    const point = svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    const p = point.matrixTransform(svg.getScreenCTM().inverse());
    const inside = p.x >= frame[0] && p.x < frame[0] + frame[2] && p.y >= frame[1] && p.y < frame[1] + frame[3];
    const column = cellAt(cells.placement.columnEdges, p.x), row = cellAt(cells.placement.rowEdges, p.y);
    if (!inside || column < 0 || row < 0) return;
    byId(readout).textContent = "x: " + cells.xs[column] + " · h: " + cells.hs[row] + " · error: " + cells.errors[row][column];
    const xs = cells.placement.columnEdges, ys = cells.placement.rowEdges;
    cursor.setAttribute("x", Math.min(xs[column], xs[column + 1]));
    cursor.setAttribute("y", Math.min(ys[row], ys[row + 1]));
    cursor.setAttribute("width", Math.abs(xs[column + 1] - xs[column]));
    cursor.setAttribute("height", Math.abs(ys[row + 1] - ys[row]));
  });
}

function showLandscape(answer, query) {
  byId("l-formula").textContent = answer.formula;
  byId("l-estimate-command").textContent = answer.estimateCommand;
  byId("l-landscape-command").textContent = answer.landscapeCommand;
  byId("l-permalink").href = answer.permalink;
  byId("l-estimate-csv").href = "/download/estimate.csv?" + query;
  byId("l-landscape-csv").href = "/download/landscape.csv?" + query;
  byId("l-landscape-png").href = "/download/landscape.png?" + query;
  byId("l-readout").textContent = "hover a point or a cell to read it off";
  const estimates = byId("l-estimates");
  estimates.replaceChildren();
  showTable(estimates, answer.estimates);
  byId("l-reading").textContent = answer.reading;
  const bounds = byId("l-bounds"), landscape = byId("l-landscape");
  bounds.replaceChildren();
  landscape.replaceChildren();
  showChart(bounds, answer.boundChart, "l-readout");
  attachCells(showChart(landscape, answer.landscape, "l-readout"), answer.cells, "l-readout");
}

async function run(name, query, push) {
  const tab = tabs[name];
  clearProblems(tab);
  const status = byId(tab.status);
  status.textContent = "measuring…";
  if (push) history.pushState(null, "", "/?" + query);
  let response;
  try {
    response = await fetch(tab.api + "?" + query);
  } catch (error) {
    status.textContent = "the server did not answer: " + error;
    return;
  }
  const body = await response.json().catch(() => ({}));
  if (response.ok) {
    tab.show(body, query);
    byId(tab.answer).hidden = false;
    status.textContent = body.measurements + " measurements in " + body.seconds.toFixed(2) + " s";
    return;
  }
  if (body.problems) {
    for (const problem of body.problems) {
      const place = byId("problem-" + tab.prefix + problem.field);
      if (place) {
        place.textContent = problem.message;
        byId(tab.prefix + problem.field).setAttribute("aria-invalid", "true");
      }
    }
    status.textContent = "not measured: " + body.problems.map((p) => p.field).join(", ") + " " + (body.problems.length > 1 ? "need" : "needs") + " a change";
  } else {
    status.textContent = body.message || ("the server answered " + response.status);
  }
  byId(tab.answer).hidden = true;
}

function runFromLocation() {
  const { name, asks } = fillForm(location.search);
  if (asks) run(name, queryFromForm(name), false);
}

document.addEventListener("DOMContentLoaded", () => {
  for (const name of Object.keys(tabs)) {
    byId(tabs[name].form).addEventListener("submit", (event) => {
      event.preventDefault();
      run(name, queryFromForm(name), true);
    });
    // A tab opens on its last answer, or on its form's first.
    byId("tab-" + name).addEventListener("click", (event) => {
      event.preventDefault();
      showTab(name);
      if (byId(tabs[name].answer).hidden) run(name, queryFromForm(name), true);
      else history.pushState(null, "", "/?" + queryFromForm(name));
    });
  }
  window.addEventListener("popstate", runFromLocation);
  runFromLocation();
});
"""#
}
