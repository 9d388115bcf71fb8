/// The page's script: reads the form into the URL's query (the permalink), asks /api/sweep for
/// the answer without reloading the page, and fills the page with it. Everything the answer holds
/// goes in as text (`textContent`), never as HTML; only the server's SVG is parsed, as SVG, and
/// scripts never run from it (the Content-Security-Policy allows only this file).
public enum ExplorerScript {
    public static let javaScript = #"""
"use strict";
const fields = ["fn", "x", "h", "per-decade", "method", "precision", "derivative"];

function queryFromForm() {
  const params = new URLSearchParams();
  for (const name of fields) params.set(name, document.getElementById(name).value);
  return params.toString();
}

function fillForm(search) {
  const params = new URLSearchParams(search);
  for (const name of fields) if (params.has(name)) document.getElementById(name).value = params.get(name);
  return params.has("fn");
}

function clearProblems() {
  for (const name of fields) {
    document.getElementById("problem-" + name).textContent = "";
    document.getElementById(name).removeAttribute("aria-invalid");
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

function showChart(container, chart) {
  const figure = element("figure", undefined, "chart-figure");
  figure.dataset.name = chart.name;
  const svg = new DOMParser().parseFromString(chart.svg, "image/svg+xml").documentElement;
  figure.appendChild(document.importNode(svg, true));
  container.appendChild(figure);
  for (const circle of figure.querySelectorAll(".hover-points circle")) {
    circle.addEventListener("mouseenter", () => {
      const lines = [];
      for (let i = 0; circle.hasAttribute("data-" + i); i++) lines.push(circle.getAttribute("data-" + i));
      document.getElementById("readout").textContent = lines.join(" · ");
      circle.classList.add("hovered");
    });
    circle.addEventListener("mouseleave", () => circle.classList.remove("hovered"));
  }
}

function showAnswer(answer, query) {
  document.getElementById("formula").textContent = answer.formula;
  document.getElementById("command").textContent = answer.command;
  document.getElementById("permalink").href = answer.permalink;
  document.getElementById("csv").href = "/download/sweep.csv?" + query;
  document.getElementById("png").href = "/download/chart.png?" + query;
  document.getElementById("markdown").href = "/download/report.md?" + query;
  document.getElementById("readout").textContent = "hover a point to read it off";
  const charts = document.getElementById("charts");
  charts.replaceChildren();
  for (const chart of answer.charts) showChart(charts, chart);
  const tables = document.getElementById("tables");
  tables.replaceChildren();
  for (const t of answer.tables) {
    tables.appendChild(element("h3", t.heading));
    const table = element("table", undefined, "summary");
    const head = table.createTHead().insertRow();
    for (const h of t.headings) head.appendChild(element("th", h));
    const body = table.createTBody();
    for (const r of t.rows) {
      const row = body.insertRow();
      for (const cell of r) row.appendChild(element("td", cell));
    }
    tables.appendChild(table);
    for (const note of t.notes) tables.appendChild(element("p", note, "note"));
  }
  const reading = document.getElementById("reading");
  reading.replaceChildren(...answer.reading.map((p) => element("p", p)));
  const recommendation = document.getElementById("recommendation");
  recommendation.replaceChildren();
  for (const line of answer.recommendation) {
    const item = element("li");
    withBold(item, line);
    recommendation.appendChild(item);
  }
  document.getElementById("answer").hidden = false;
  document.getElementById("status").textContent =
    answer.measurements + " measurements in " + answer.seconds.toFixed(2) + " s";
}

async function run(query, push) {
  clearProblems();
  const status = document.getElementById("status");
  status.textContent = "measuring…";
  if (push) history.pushState(null, "", "/?" + query);
  let response;
  try {
    response = await fetch("/api/sweep?" + query);
  } catch (error) {
    status.textContent = "the server did not answer: " + error;
    return;
  }
  const body = await response.json().catch(() => ({}));
  if (response.ok) return showAnswer(body, query);
  if (body.problems) {
    for (const problem of body.problems) {
      const place = document.getElementById("problem-" + problem.field);
      if (place) {
        place.textContent = problem.message;
        document.getElementById(problem.field).setAttribute("aria-invalid", "true");
      }
    }
    status.textContent = "not measured: " + body.problems.map((p) => p.field).join(", ") + " " + (body.problems.length > 1 ? "need" : "needs") + " a change";
  } else {
    status.textContent = body.message || ("the server answered " + response.status);
  }
  document.getElementById("answer").hidden = true;
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("query").addEventListener("submit", (event) => {
    event.preventDefault();
    run(queryFromForm(), true);
  });
  window.addEventListener("popstate", () => { if (fillForm(location.search)) run(queryFromForm(), false); });
  if (fillForm(location.search)) run(queryFromForm(), false);
});
"""#
}
