// rashomon web app: span explanations, layer toggles, jumps to spans. No build step.
// Article-derived data is read from JSON <script> blocks with textContent and written to
// the page with textContent only: it never becomes markup.
(function () {
  "use strict";
  var data = {};
  document.querySelectorAll("script.details-data").forEach(function (el) {
    var part = JSON.parse(el.textContent);
    Object.keys(part).forEach(function (k) { data[k] = part[k]; });
  });
  var list = document.getElementById("details-list");
  var selected = null;

  function add(tag, text, cls) {
    var el = document.createElement(tag);
    el.textContent = text;
    if (cls) el.className = cls;
    list.appendChild(el);
    return el;
  }

  function show(seg) {
    if (!list) return;
    if (selected) selected.classList.remove("selected");
    selected = seg;
    seg.classList.add("selected");
    while (list.firstChild) list.removeChild(list.firstChild);
    seg.getAttribute("data-m").split(" ").forEach(function (id) {
      var info = data[id];
      if (!info) return;
      add("dt", info.layer + ": " + info.text, "detail-head layer-" + info.layer);
      Object.keys(info).forEach(function (k) {
        var v = info[k];
        if (k === "layer" || k === "text" || k === "cluster" || k === "cluster_name" || v === null || v === undefined || v === "") return;
        add("dd", k.replace("_", " ") + ": " + (Array.isArray(v) ? v.join(", ") : v), "detail-" + k);
      });
      if (info.cluster && /^E[0-9]+$/.test(info.cluster)) {
        var dd = add("dd", "", "detail-link");
        var a = document.createElement("a");
        a.href = "/entities/" + encodeURIComponent(info.cluster);
        a.textContent = "entity page: " + (info.cluster_name || info.cluster);
        dd.appendChild(a);
      }
    });
  }

  document.querySelectorAll(".text").forEach(function (box) {
    box.addEventListener("click", function (ev) {
      var seg = ev.target.closest(".seg");
      if (seg) show(seg);
    });
  });

  document.querySelectorAll(".toggle").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.getAttribute("data-layer"), !box.checked);
    });
  });

  // Flash every piece of text inside [start, end) of one article and scroll to it.
  function jump(article, start, end) {
    var box = null;
    document.querySelectorAll(".text").forEach(function (el) {
      if (el.getAttribute("data-article") === article) box = el;
    });
    if (!box) return false;
    var first = null;
    box.querySelectorAll("[data-s]").forEach(function (el) {
      var s = +el.getAttribute("data-s"), e = +el.getAttribute("data-e");
      if (s < end && e > start) {
        el.classList.remove("flash");
        void el.offsetWidth;  // restart the animation
        el.classList.add("flash");
        if (!first) first = el;
      }
    });
    if (first) first.scrollIntoView({block: "center"});
    return !!first;
  }

  document.querySelectorAll("a.jump").forEach(function (a) {
    a.addEventListener("click", function (ev) {
      ev.preventDefault();
      jump(a.getAttribute("data-article"), +a.getAttribute("data-start"), +a.getAttribute("data-end"));
    });
  });

  // Deep links from the entity page: /articles/ID#s=START-END
  var m = /^#s=(\d+)-(\d+)$/.exec(window.location.hash);
  var only = document.querySelectorAll(".text");
  if (m && only.length === 1) jump(only[0].getAttribute("data-article"), +m[1], +m[2]);
})();
