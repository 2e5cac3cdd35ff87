/* softpower dashboard: draw server-built figures, link clicks to records, run scenarios with progress. */
(function () {
  "use strict";

  function svgButton(name) {
    return {
      name: "svg",
      title: "Download plot as SVG",
      icon: Plotly.Icons.camera,
      click: function (gd) { Plotly.downloadImage(gd, { format: "svg", filename: "softpower-" + name }); }
    };
  }

  function glossaryLink(div) {
    var next = div.nextElementSibling;
    if (next && next.classList.contains("glossary-link")) { return; }
    var p = document.createElement("p");
    p.className = "glossary-link";
    var a = document.createElement("a");
    a.href = "/glossary" + (div.getAttribute("data-glossary") ? "#" + div.getAttribute("data-glossary") : "");
    a.textContent = "What these terms mean (glossary)";
    p.appendChild(a);
    div.parentNode.insertBefore(p, div.nextSibling);
  }

  function draw(div, name, payload) {
    var fig = payload.figures && payload.figures[name];
    if (!fig) { div.hidden = true; return null; }
    glossaryLink(div);
    var config = Object.assign({}, payload.configs[name], { modeBarButtonsToAdd: [svgButton(name)] });
    return Plotly.newPlot(div, fig.data, fig.layout, config).then(function (gd) {
      gd.on("plotly_click", function (ev) {
        var pt = ev && ev.points && ev.points[0];
        if (pt && pt.customdata !== undefined && pt.customdata !== null) {
          var key = String(Array.isArray(pt.customdata) ? pt.customdata[0] : pt.customdata);
          window.location.href = "/records?key=" + encodeURIComponent(key);
        }
      });
      div.setAttribute("data-drawn", "1");
      return gd;
    });
  }

  var node = document.getElementById("page-data");
  var payload = node ? JSON.parse(node.textContent || "{}") : {};
  document.querySelectorAll("[data-figure]").forEach(function (div) {
    draw(div, div.getAttribute("data-figure"), payload);
  });

  var form = document.getElementById("scenario-form");
  if (!form) { return; }
  var box = document.getElementById("job");
  var bar = document.getElementById("job-progress");
  var pct = document.getElementById("job-percent");
  var label = document.getElementById("job-label");
  var msg = document.getElementById("job-message");
  var dl = document.getElementById("job-download");
  var figs = document.getElementById("scenario-figures");
  var button = document.getElementById("run-scenario");

  function fail(text) {
    msg.textContent = text;
    msg.className = "error";
    button.disabled = false;
  }

  var select = document.getElementById("partner-select");
  var currentJob = null;

  function charts(id, partner) {
    currentJob = id;
    var url = "/api/jobs/" + encodeURIComponent(id) + "/charts" + (partner ? "?partner=" + encodeURIComponent(partner) : "");
    return fetch(url).then(function (r) { return r.json(); }).then(function (p) {
      if (p.error) { fail(p.error); return; }
      figs.textContent = "";
      if (select.options.length === 0) {
        p.partners.forEach(function (cn) {
          var o = document.createElement("option");
          o.value = cn[0]; o.textContent = cn[1]; o.title = cn[0];
          select.appendChild(o);
        });
        document.getElementById("job-partner").hidden = false;
      }
      select.value = p.partner;
      Object.keys(p.figures).forEach(function (name) {
        var div = document.createElement("div");
        div.className = "figure";
        div.setAttribute("data-figure", name);
        div.setAttribute("data-glossary", (p.glossary && p.glossary[name]) || "scenario_effect");
        figs.appendChild(div);
        draw(div, name, p);
      });
      box.setAttribute("data-state", "done");
    });
  }

  select.addEventListener("change", function () {
    if (currentJob) { charts(currentJob, select.value); }
  });

  function poll(id) {
    fetch("/api/jobs/" + encodeURIComponent(id)).then(function (r) { return r.json(); }).then(function (job) {
      if (job.error) { fail(job.error); return; }
      bar.value = job.progress;
      pct.textContent = Math.round(job.progress * 100) + " %";
      if (job.state === "running") { setTimeout(function () { poll(id); }, 250); return; }
      if (job.state === "error") { fail(job.message); return; }
      msg.textContent = job.message + " in " + job.seconds + " s.";
      msg.className = "ok";
      button.disabled = false;
      document.getElementById("job-csv").href = "/download/scenario/" + encodeURIComponent(id) + ".csv";
      document.getElementById("job-xlsx").href = "/download/scenario/" + encodeURIComponent(id) + ".xlsx";
      dl.hidden = false;
      return charts(id, "");
    }).catch(function () { fail("lost contact with the dashboard server"); });
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    button.disabled = true;
    box.hidden = false;
    box.setAttribute("data-state", "running");
    bar.value = 0;
    pct.textContent = "0 %";
    msg.textContent = "running…";
    msg.className = "";
    dl.hidden = true;
    figs.textContent = "";
    select.textContent = "";
    document.getElementById("job-partner").hidden = true;
    var data = new FormData(form);
    var upload = data.get("scenario_upload");
    label.textContent = "Scenario " + (upload && upload.name ? upload.name : data.get("scenario")) + ":";
    fetch("/api/scenarios", { method: "POST", body: data })
      .then(function (r) { return r.json(); })
      .then(function (job) {
        if (job.error) { box.setAttribute("data-state", "error"); fail(job.error); return; }
        poll(job.id);
      })
      .catch(function () { fail("could not start the scenario"); });
  });
})();

/* Re-weighting runs the index again (a few seconds on a large ledger): say so while it works. */
(function () {
  "use strict";
  var form = document.getElementById("weights-form");
  if (!form) { return; }
  form.addEventListener("submit", function () {
    var button = document.getElementById("recompute");
    button.disabled = true;
    button.textContent = "Recomputing…";
  });
})();
