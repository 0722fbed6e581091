// claimcheck HTML report: filters, the evidence panel, arrow keys in the grid.
// Inline in the page (the CSP allows this exact text by its sha256 hash). Web text only ever
// reaches the page through textContent or by cloning the page's own escaped evidence; the data
// comes from the JSON block, never from code.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("cc-data").textContent);
  var grid = document.getElementById("grid");
  var panel = document.getElementById("panel");
  var controls = document.getElementById("controls");
  var indep = document.getElementById("indep");
  var rows = grid.tBodies[0].rows;
  var FLAGS = {
    f: "first to report it", r: "reports it", w: "wire copy", x: "conflicting value",
    c: "credited as a source (no article of its own here)"
  };
  var current = null, quiet = false;

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text != null) n.textContent = text;
    return n;
  }

  function describe(fact, col) {
    var st = fact.cells[col] || "", out = [];
    if (indep.checked && fact.fi && fact.fi.indexOf(col) >= 0) out.push("first of the independent outlets to report it");
    for (var k = 0; k < st.length; k++) {
      var words = FLAGS[st.charAt(k)];
      if (st.charAt(k) === "x" && fact.vals && fact.vals[col]) {
        words += ": " + fact.vals[col] + " (others " + fact.value + ")";
      }
      if (words && !(st.charAt(k) === "r" && st.indexOf("f") >= 0)) out.push(words);
    }
    return out.join(", ");
  }

  function refocus() {  // back to the cell, without opening its evidence again
    quiet = true;
    current.focus();
    quiet = false;
  }

  function hide() {
    panel.hidden = true;
    if (current) current.classList.remove("on");
  }

  function open(a) {
    var i = +a.parentNode.parentNode.getAttribute("data-f"), col = a.parentNode.cellIndex - 1;
    var fact = data.facts[i];
    if (current) current.classList.remove("on");
    current = a;
    a.classList.add("on");
    panel.textContent = "";
    var close = el("button", "close", "\u00d7");
    close.type = "button";
    close.setAttribute("aria-label", "Close the evidence");
    close.addEventListener("click", function () { hide(); refocus(); });
    panel.appendChild(close);
    panel.appendChild(el("h3", "", data.outlets[col] + ": " + describe(fact, col)));
    panel.appendChild(el("p", "pf", fact.id + " \u00b7 " + fact.kind + " \u00b7 " + fact.summary));
    var src = document.getElementById("e" + i + "-" + col);
    if (src) {
      var ol = el("ol", "evs"), li = src.cloneNode(true);
      li.removeAttribute("id");
      ol.appendChild(li);
      panel.appendChild(ol);
    } else {
      panel.appendChild(el("p", "note", "This outlet is credited as a source of the fact by outlets that " +
        "report it; none of its own articles in this report carries it."));
    }
    panel.hidden = false;
    a.scrollIntoView({block: "nearest", inline: "nearest"});  // the panel narrowed the grid
  }

  function usable(td) {
    var a = td && td.querySelector("a");
    if (!a || a.offsetParent === null || getComputedStyle(a).visibility === "hidden") return null;
    return a;
  }

  function move(e) {
    var a = e.target.closest("td > a");
    if (!a) return;
    var dx = {ArrowLeft: -1, ArrowRight: 1}[e.key] || 0, dy = {ArrowUp: -1, ArrowDown: 1}[e.key] || 0;
    if (!dx && !dy) return;
    var td = a.parentNode, tr = td.parentNode, col = td.cellIndex, next = null, k;
    if (dx) {
      for (k = col + dx; k > 0 && k < tr.cells.length && !next; k += dx) next = usable(tr.cells[k]);
    } else {
      for (k = tr.sectionRowIndex + dy; k >= 0 && k < rows.length && !next; k += dy) {
        if (!rows[k].hidden) next = usable(rows[k].cells[col]);
      }
    }
    e.preventDefault();
    if (next) next.focus();
  }

  function apply() {
    var kinds = {}, shown = 0;
    controls.querySelectorAll("input[name=kind]").forEach(function (b) { kinds[b.value] = b.checked; });
    document.body.classList.toggle("indep", indep.checked);
    data.facts.forEach(function (fact, i) {
      var off = !kinds[fact.kind] || (indep.checked && fact.indep === 0);
      rows[i].hidden = off;
      (fact.fi || []).forEach(function (col) {  // the first is a wire copy: the first independent ones become "1"
        var td = rows[i].cells[col + 1], a = td.querySelector("a");
        if (a.getAttribute("data-m") === null) a.setAttribute("data-m", a.textContent);
        a.textContent = indep.checked ? "1" : a.getAttribute("data-m");
        td.classList.toggle("f", indep.checked);
      });
      var ev = document.getElementById("ef" + i);
      if (ev) ev.hidden = off;
      if (!off) shown++;
    });
    document.getElementById("shown").textContent = shown + " of " + data.facts.length + " facts shown";
    if (current && !panel.hidden && !usable(current.parentNode)) hide();
  }

  grid.addEventListener("click", function (e) {
    var a = e.target.closest("td > a");
    if (!a) return;
    e.preventDefault();
    open(a);
    if (e.detail === 0) panel.focus();  // Enter on a cell: go read the evidence
  });
  grid.addEventListener("focusin", function (e) {
    var a = e.target.closest("td > a");
    if (a && !quiet) open(a);
  });
  grid.addEventListener("keydown", move);
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape" || panel.hidden) return;
    var back = panel.contains(document.activeElement);
    hide();
    if (back && current) refocus();
  });
  controls.addEventListener("change", apply);
  controls.hidden = false;
  apply();
  document.documentElement.classList.add("js");
})();
