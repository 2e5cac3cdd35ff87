/* softpower report: draw the figures from the embedded JSON and link clicks to the provenance table.
   Text is only ever set with textContent, never parsed as HTML. */
(function () {
  "use strict";
  var payload = JSON.parse(document.getElementById("report-data").textContent);
  var recs = payload.records;
  var C = {};
  recs.columns.forEach(function (name, i) { C[name] = i; });
  var body = document.getElementById("prov-body");
  var status = document.getElementById("prov-status");
  var maxRows = Number(document.querySelector("table.records").getAttribute("data-max-rows")) || 500;

  /* The same rules as softpower.report.data.records_for_key. */
  function matcher(key) {
    var p = key.split("|"), kind = p[0];
    if ((kind === "tile" || kind === "dyad") && p.length === 4) {
      var upto = p[3] === "" ? null : Number(p[3]);
      return function (r) {
        return r[C.actor] === p[1] && r[C.states].indexOf(p[2]) >= 0 &&
          (upto === null || r[C.year] === null || r[C.year] <= upto);
      };
    }
    if (kind === "edge" && p.length === 4) {
      return function (r) {
        return r[C.kind] === "engagement" && r[C.actor] === p[1] && r[C.power_type] === p[3] &&
          r[C.partners].indexOf(p[2]) >= 0;
      };
    }
    if (kind === "year" && p.length === 4) {
      var year = Number(p[2]);
      return function (r) {
        return r[C.kind] === "engagement" && r[C.actor] === p[1] && r[C.year] === year && r[C.power_type] === p[3];
      };
    }
    if (kind === "actor" && p.length === 2) {
      return function (r) { return r[C.actor] === p[1]; };
    }
    if (kind === "partner" && p.length === 2) {
      return function (r) { return r[C.partners].indexOf(p[1]) >= 0 || r[C.states].indexOf(p[1]) >= 0; };
    }
    return function () { return false; };
  }

  function nameOf(code) {
    return (recs.names && recs.names[code]) || code;
  }

  function money(v) {
    var a = Math.abs(v);
    if (a >= 1e9) { return (v / 1e9).toFixed(1) + " bn"; }
    if (a >= 1e6) { return (v / 1e6).toFixed(1) + " M"; }
    if (a >= 1e3) { return (v / 1e3).toFixed(1) + " k"; }
    return String(Math.round(v));
  }

  function cell(tr, text, cls) {
    var td = document.createElement("td");
    if (cls) { td.className = cls; }
    td.textContent = text === null || text === undefined ? "" : String(text);
    tr.appendChild(td);
    return td;
  }

  function small(td, text, cls) {
    td.appendChild(document.createElement("br"));
    var s = document.createElement("small");
    if (cls) { s.className = cls; }
    s.textContent = text;
    td.appendChild(s);
  }

  function draw(indices, label) {
    body.textContent = "";
    var shown = Math.min(indices.length, maxRows);
    var frag = document.createDocumentFragment();
    for (var j = 0; j < shown; j += 1) {
      var i = indices[j], r = recs.rows[i], doc = recs.docs[r[C.doc]];
      var tr = document.createElement("tr");
      tr.setAttribute("data-i", String(i));
      cell(tr, i + 1);
      cell(tr, r[C.kind]);
      cell(tr, nameOf(r[C.actor])).title = r[C.actor];
      cell(tr, r[C.partners].map(nameOf).join(", ")).title = r[C.partners].join(" ");
      cell(tr, r[C.what]);
      cell(tr, r[C.year]);
      cell(tr, r[C.amount] === null ? "" : money(r[C.amount]) + " " + (r[C.currency] || ""), "money");
      cell(tr, r[C.amount_usd_const] === null ? "" : money(r[C.amount_usd_const]), "money");
      var src = cell(tr, doc[1] || doc[0], "source");
      if (doc[2]) { small(src, doc[2]); }
      small(src, doc[0], "docid");
      if (r[C.self_reported]) { small(src, "self-reported", "self"); }
      cell(tr, r[C.span]);
      var sent = cell(tr, r[C.sentence], "sentence");
      if (r[C.sentence] === null) { sent.textContent = "document text not available"; sent.className += " missing"; }
      frag.appendChild(tr);
    }
    body.appendChild(frag);
    status.textContent = indices.length + " record(s): " + label +
      (indices.length > shown ? " (showing the first " + shown + ")." : ".");
  }

  function select(key) {
    var match = matcher(key), out = [];
    recs.rows.forEach(function (r, i) { if (match(r)) { out.push(i); } });
    return out;
  }

  function showKey(key) {
    draw(select(key), payload.labels[key] || key);
    document.getElementById("provenance").scrollIntoView({ behavior: "smooth", block: "start" });
  }

  function showAll() {
    draw(recs.rows.map(function (_, i) { return i; }), "all records");
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
  showAll();
  window.softpowerSelect = function (key) { return select(key).length; };
})();
