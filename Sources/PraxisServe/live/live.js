// praxis serve: live reload and the overlay of build problems. Not part of the built site.
(function () {
  "use strict";
  var script = document.currentScript;
  var build = Number((script && script.getAttribute("data-build")) || 0);
  var overlay = null;
  var returnFocus = null;
  var dismissed = null;

  function handle(state) {
    if (state.build !== build) { location.reload(); return; }
    if (state.problems.length > 0) { show(state.problems); } else { dismissed = null; hide(); }
  }

  function element(name, attributes, text) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function show(problems) {
    var key = JSON.stringify(problems);
    if (dismissed === key) { return; }
    var hadOverlay = overlay !== null;
    if (!hadOverlay) { returnFocus = document.activeElement; }
    if (overlay) { overlay.remove(); }
    overlay = element("div", {
      id: "praxis-overlay", role: "alertdialog", "aria-modal": "true", lang: "en",
      "aria-labelledby": "praxis-overlay-title", "aria-describedby": "praxis-overlay-intro"
    });
    var box = element("div", { "class": "praxis-overlay-box" });
    box.appendChild(element("h2", { id: "praxis-overlay-title" }, "The site could not be rebuilt"));
    var count = problems.length === 1 ? "1 problem" : problems.length + " problems";
    box.appendChild(element("p", { id: "praxis-overlay-intro" },
      count + ". This page shows the last good build; this message goes away by itself when the sources are fixed."));
    var list = element("ul", { "class": "praxis-overlay-problems" });
    problems.forEach(function (problem) {
      var item = element("li");
      var where = problem.file + (problem.line ? ":" + problem.line : "");
      item.appendChild(element("code", { "class": "praxis-overlay-where" }, where));
      var what = (problem.key ? problem.key + ": " : "") + problem.message + (problem.hint ? " " + problem.hint : "");
      item.appendChild(element("span", { "class": "praxis-overlay-what" }, " " + what));
      list.appendChild(item);
    });
    box.appendChild(list);
    var close = element("button", { type: "button", "class": "praxis-overlay-close" }, "Close");
    close.addEventListener("click", function () { dismissed = key; hide(); });
    box.appendChild(close);
    overlay.appendChild(box);
    overlay.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { dismissed = key; hide(); }
      if (event.key === "Tab") { event.preventDefault(); close.focus(); }
    });
    style();
    document.body.appendChild(overlay);
    close.focus();
  }

  function hide() {
    if (!overlay) { return; }
    overlay.remove();
    overlay = null;
    if (returnFocus && returnFocus.focus && document.contains(returnFocus)) { returnFocus.focus(); }
    returnFocus = null;
  }

  function style() {
    if (document.getElementById("praxis-overlay-style")) { return; }
    var css = element("style", { id: "praxis-overlay-style" });
    css.textContent = [
      "#praxis-overlay { position: fixed; inset: 0; z-index: 2147483647; background: rgba(20, 20, 20, 0.72);",
      "  display: flex; align-items: flex-start; justify-content: center; padding: 5vh 1rem; overflow: auto; }",
      "#praxis-overlay .praxis-overlay-box { background: #fff; color: #1a1a1a; max-width: 60rem; width: 100%;",
      "  border-top: 0.5rem solid #b00020; border-radius: 0.25rem; padding: 1.5rem; font: 16px/1.5 system-ui, sans-serif;",
      "  box-shadow: 0 0.5rem 2rem rgba(0, 0, 0, 0.4); }",
      "#praxis-overlay h2 { margin: 0 0 0.5rem; color: #b00020; font-size: 1.4rem; }",
      "#praxis-overlay ul { margin: 1rem 0; padding-left: 1.25rem; }",
      "#praxis-overlay li { margin: 0.5rem 0; }",
      "#praxis-overlay code { font: 600 0.95em/1.4 ui-monospace, monospace; background: #f3f3f3; padding: 0 0.2em; }",
      "#praxis-overlay button { font: inherit; padding: 0.4rem 1.2rem; border: 2px solid #1a1a1a; background: #fff;",
      "  color: #1a1a1a; border-radius: 0.25rem; cursor: pointer; }",
      "#praxis-overlay button:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }"
    ].join("\n");
    document.head.appendChild(css);
  }

  var events = new EventSource("/__praxis/events");
  ["hello", "reload", "ok", "problems"].forEach(function (name) {
    events.addEventListener(name, function (event) { handle(JSON.parse(event.data)); });
  });
})();

