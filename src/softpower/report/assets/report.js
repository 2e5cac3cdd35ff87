/* softpower report: draw the figures from the embedded JSON and link clicks to the provenance table. */
(function () {
  "use strict";
  var payload = JSON.parse(document.getElementById("report-data").textContent);
  var rows = Array.prototype.slice.call(document.querySelectorAll("table.records tbody tr"));
  var status = document.getElementById("prov-status");
  var total = rows.length;

  function showAll() {
    rows.forEach(function (tr) { tr.classList.remove("hidden", "hit"); });
    status.textContent = "All " + total + " records. Click a figure to narrow this list.";
  }

  function showKey(key) {
    var wanted = {};
    (payload.groups[key] || []).forEach(function (i) { wanted[i] = true; });
    var n = 0;
    rows.forEach(function (tr) {
      var on = wanted[tr.getAttribute("data-i")] === true;
      tr.classList.toggle("hidden", !on);
      tr.classList.toggle("hit", on);
      if (on) { n += 1; }
    });
    status.textContent = n + " record(s): " + (payload.labels[key] || key) + ".";
    document.getElementById("provenance").scrollIntoView({ behavior: "smooth", block: "start" });
  }

  function svgButton(name) {
    return {
      name: "svg",
      title: "Download plot as SVG",
      icon: Plotly.Icons.camera,
      click: function (gd) { Plotly.downloadImage(gd, { format: "svg", filename: "softpower-" + name }); }
    };
  }

  document.querySelectorAll("[data-figure]").forEach(function (div) {
    var name = div.getAttribute("data-figure");
    var fig = payload.figures[name];
    if (!fig) { return; }
    var config = Object.assign({}, payload.configs[name], { modeBarButtonsToAdd: [svgButton(name)] });
    Plotly.newPlot(div, fig.data, fig.layout, config).then(function (gd) {
      gd.on("plotly_click", function (ev) {
        var pt = ev && ev.points && ev.points[0];
        if (pt && pt.customdata !== undefined && pt.customdata !== null) {
          showKey(String(Array.isArray(pt.customdata) ? pt.customdata[0] : pt.customdata));
        }
      });
    });
  });
  document.getElementById("prov-all").addEventListener("click", showAll);
  window.softpowerShowKey = showKey;
})();
