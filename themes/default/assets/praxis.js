// Praxis default theme: the search page and click-to-load videos. No framework, no other hosts.
(function () {
  "use strict";

  // Lowercase without diacritics, umlauts also as their two-letter spelling: "Mülheim" -> "mulheim".
  function fold(text) {
    return text.toLowerCase().replace(/ß/g, "ss").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function foldAlternatives(word) {
    var variants = [fold(word)];
    var spelled = word.toLowerCase().replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u");
    if (spelled !== word.toLowerCase()) variants.push(fold(spelled));
    return variants;
  }

  function searchPage(form) {
    var input = form.querySelector("input[name=q]");
    var status = document.getElementById("search_status");
    var list = document.getElementById("search_results");
    var root = form.getAttribute("data-root");
    var entries = null;

    function matches(entry, words) {
      if (!entry._title) {
        entry._title = fold(entry.title);
        entry._summary = fold(entry.summary);
        entry._terms = fold(entry.terms.join(" "));
      }
      var score = 0;
      for (var i = 0; i < words.length; i++) {
        var best = 0;
        words[i].forEach(function (variant) {
          if (entry._title.indexOf(variant) >= 0) best = Math.max(best, 10);
          else if (entry._summary.indexOf(variant) >= 0) best = Math.max(best, 4);
          else if (entry._terms.indexOf(variant) >= 0) best = Math.max(best, 1);
        });
        if (!best) return 0;
        score += best;
      }
      return score;
    }

    function show() {
      var query = input.value.trim();
      list.textContent = "";
      if (!query || !entries) { status.textContent = ""; return; }
      var words = query.split(/\s+/).map(foldAlternatives);
      var found = entries.map(function (entry) { return { entry: entry, score: matches(entry, words) }; })
        .filter(function (hit) { return hit.score > 0; })
        .sort(function (a, b) { return b.score - a.score || a.entry.title.localeCompare(b.entry.title, "de"); });
      status.textContent = found.length ? found.length + " " + status.getAttribute("data-label") : status.getAttribute("data-none");
      found.slice(0, 50).forEach(function (hit) {
        var item = document.createElement("li");
        item.className = "card";
        var heading = document.createElement("h2");
        var link = document.createElement("a");
        link.href = root + hit.entry.url;
        link.textContent = hit.entry.title;  // text, never HTML: titles cannot inject markup
        heading.appendChild(link);
        var summary = document.createElement("p");
        summary.textContent = hit.entry.summary;
        item.appendChild(heading);
        item.appendChild(summary);
        list.appendChild(item);
      });
    }

    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    fetch(form.getAttribute("data-index"))
      .then(function (response) { return response.json(); })
      .then(function (index) { entries = index.entries; show(); });
    input.addEventListener("input", function () {
      var url = new URL(window.location.href);
      if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
      window.history.replaceState(null, "", url);
      show();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); show(); });
  }

  var form = document.getElementById("search_form");
  if (form) searchPage(form);
})();
