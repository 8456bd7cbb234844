// Praxis default theme: the search page. No framework, nothing from other hosts.
//
// search.json is a manifest; the words, documents and facet values it names are loaded as a
// query needs them (see Sources/PraxisCore/Search/SearchShards.swift for the file layout).
(function () {
  "use strict";

  // --- Words: the same steps as SearchText.swift, or query and index would not meet ---------
  // Marks belong to the word they sit in (Arabic hamza, Devanagari vowel signs): after NFD they
  // stand apart from their letter, and must not split it.
  var WORD = /[\p{L}\p{N}\p{M}]+/gu;
  var TOKEN = /[\p{L}\p{N}\p{M}]+/gu;
  function normalize(text) {
    return text.toLowerCase().replace(/ß/g, "ss").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/ae|oe|ue/g, function (pair) { return pair.charAt(0); });
  }
  function wordsOf(text) {
    return (normalize(text).match(WORD) || []).filter(function (word) { return word.length >= 2; });
  }

  // Fields of a posting, and what a match in each is worth: title over summary over body.
  var FIELD_BITS = 3;
  function fieldWeight(fields) { return fields & 4 ? 10 : fields & 2 ? 4 : 1; }
  var PREFIX_FACTOR = 0.6;   // "integ" finds "integration", below an exact "integ"
  var PREFIX_FROM = 3;       // shorter words match whole words only: "in" is no prefix search
  var PAGE = 10;             // results shown at a time
  var FOLDED_SHOWN = 8;      // values shown of a long facet before "show all"

  function Index(url) {
    this.url = url;
    this.base = url.slice(0, url.lastIndexOf("/") + 1);
    this.files = {};
  }
  Index.prototype.load = function (path) {
    if (!this.files[path]) {
      var url = path === "" ? this.url : this.base + this.manifest.folder + path + "?v=" + encodeURIComponent(this.manifest.key);
      this.files[path] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return response.json();
      });
    }
    return this.files[path];
  };
  Index.prototype.open = function () {
    var index = this;
    return this.load("").then(function (manifest) {
      index.manifest = manifest;
      index.stopWords = new Set(manifest.stopWords);
      return index;
    });
  };
  // The word files that can hold `word` (or, for a prefix, any word starting with it).
  Index.prototype.wordFiles = function (word, prefix) {
    var first = this.manifest.wordFiles, low = 0, high = first.length - 1;
    if (!first.length) return [];               // an index without words: a language with no entries yet
    while (low < high) {                         // the last file whose first word is <= word
      var middle = (low + high + 1) >> 1;
      if (first[middle] <= word) low = middle; else high = middle - 1;
    }
    var files = [low];
    while (prefix && low + 1 < first.length && first[low + 1].lastIndexOf(word, 0) === 0) files.push(++low);
    return files;
  };
  // Ascending numbers from a string of base-32 digits (SearchShards.swift, PostingCode.swift):
  // each number is a difference to the one before; "A"-"Z", "a"-"f" end a number, "g"-"z",
  // "0"-"9", "-", "_" are its leading digits.
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var DIGIT = {};
  for (var d = 0; d < DIGITS.length; d++) DIGIT[DIGITS.charCodeAt(d)] = d;
  function decode(text) {
    var values = [], value = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT[text.charCodeAt(i)];
      if (digit >= 32) value = value * 32 + (digit - 32);
      else { values.push(value * 32 + digit); value = 0; }
    }
    return values;
  }

  // Document number -> best score for one query word.
  Index.prototype.scores = function (word) {
    var prefix = word.length >= PREFIX_FROM, index = this;
    return Promise.all(this.wordFiles(word, prefix).map(function (n) { return index.load("words/" + n + ".json"); }))
      .then(function (files) {
        var scores = new Map();
        files.forEach(function (file) {
          file.words.forEach(function (candidate, position) {
            var exact = candidate === word;
            if (!exact && !(prefix && candidate.lastIndexOf(word, 0) === 0)) return;
            var document = 0;
            decode(file.postings[position]).forEach(function (code) {
              document += Math.floor(code / (1 << FIELD_BITS));
              var score = fieldWeight(code & 7) * (exact ? 1 : PREFIX_FACTOR);
              if (!(scores.get(document) >= score)) scores.set(document, score);
            });
          });
        });
        return scores;
      });
  };
  // A facet's values and, per value, its documents.
  Index.prototype.facet = function (name) {
    return this.load("facets/" + name + ".json").then(function (file) {
      return {
        values: file.values,
        lists: file.documents.map(function (deltas) {
          var document = 0;
          return decode(deltas).map(function (delta) { return (document += delta); });
        })
      };
    });
  };
  // Document files hold consecutive documents, as many as `documentFiles` says, in order.
  Index.prototype.documents = function (numbers) {
    var index = this;
    if (!this.starts) {
      this.starts = [];
      var start = 0;
      this.manifest.documentFiles.forEach(function (count) { index.starts.push(start); start += count; });
    }
    return Promise.all(numbers.map(function (n) {
      var low = 0, high = index.starts.length - 1;
      while (low < high) {                       // the last file that starts at or before n
        var middle = (low + high + 1) >> 1;
        if (index.starts[middle] <= n) low = middle; else high = middle - 1;
      }
      return index.load("docs/" + low + ".json").then(function (file) { return file[n - index.starts[low]]; });
    }));
  };

  // --- The page --------------------------------------------------------------------------
  function searchPage(form) {
    var input = form.querySelector("input[name=q]");
    var app = document.getElementById("search_app");
    var facetBox = document.getElementById("search_facets");
    var status = document.getElementById("search_status");
    var ignored = document.getElementById("search_ignored");
    var list = document.getElementById("search_results");
    var more = document.getElementById("search_more");
    var clear = document.getElementById("search_clear");
    var root = form.getAttribute("data-root");
    function t(key) { return form.getAttribute("data-t-" + key) || ""; }

    var index = new Index(form.getAttribute("data-index"));
    var facets = [];          // {name, box, list, inputs, counts, items, toggle, lists (once loaded), wanted (from the URL)}
    var hits = [];            // document numbers of the current result, best first
    var shown = 0;
    var run = 0;              // newer searches make older ones' answers void
    var lastWrite = 0, lastWriteWasTyping = false;

    // The state is the URL: ?q=...&fields=a&fields=b, as a GET form would write it.
    function readURL() {
      var params = new URLSearchParams(window.location.search);
      input.value = params.get("q") || "";
      facets.forEach(function (facet) {
        facet.wanted = params.getAll(facet.name);
        applyWanted(facet);
        if (facet.wanted.length) facet.box.open = true;
      });
    }
    function applyWanted(facet) {
      facet.inputs.forEach(function (box) { box.checked = facet.wanted.indexOf(box.value) >= 0; });
    }
    function writeURL(typing) {
      var params = new URLSearchParams();
      if (input.value.trim()) params.set("q", input.value.trim());
      facets.forEach(function (facet) {
        facet.wanted.forEach(function (value) { params.append(facet.name, value); });
      });
      var query = params.toString();
      var url = window.location.pathname + (query ? "?" + query : "");
      if (url === window.location.pathname + window.location.search) return;
      // Typing writes one history entry per pause, so Back goes to the previous search, not the previous letter.
      var now = Date.now();
      if (typing && lastWriteWasTyping && now - lastWrite < 1500) window.history.replaceState(null, "", url);
      else window.history.pushState(null, "", url);
      lastWrite = now;
      lastWriteWasTyping = typing;
    }

    // The groups of filters. A folded facet (many values) gets its checkboxes once its file is loaded.
    function buildFacets() {
      // On a phone the filters start folded, so the results are not pushed below the fold.
      var narrow = window.matchMedia && window.matchMedia("(max-width: 52rem)").matches;
      index.manifest.facets.forEach(function (data, facetNumber) {
        var facet = { name: data.name, number: facetNumber, inputs: [], counts: [], items: [], lists: null, wanted: [],
                      folded: !!data.folded };
        facet.box = document.createElement("details");
        facet.box.className = "facet";
        facet.box.open = !data.folded && !narrow;
        var summary = document.createElement("summary");
        summary.textContent = data.label;
        facet.box.appendChild(summary);
        var fieldset = document.createElement("fieldset");
        var legend = document.createElement("legend");
        legend.className = "visually-hidden";
        legend.textContent = data.label;
        fieldset.appendChild(legend);
        facet.list = document.createElement("ul");
        fieldset.appendChild(facet.list);
        facet.box.appendChild(fieldset);
        if (data.folded) {
          facet.toggle = document.createElement("button");
          facet.toggle.type = "button";
          facet.toggle.className = "link-button";
          facet.toggle.hidden = true;
          facet.toggle.setAttribute("aria-expanded", "false");
          facet.toggle.addEventListener("click", function () {
            facet.folded = !facet.folded;
            facet.toggle.setAttribute("aria-expanded", String(!facet.folded));
            showCounts(facet);
          });
          facet.box.appendChild(facet.toggle);
        }
        if (data.values) addValues(facet, data.values);
        // A folded facet's values are loaded when the reader opens it.
        facet.box.addEventListener("toggle", function () { if (facet.box.open && !facet.lists) search(); });
        facetBox.appendChild(facet.box);
        facets.push(facet);
      });
    }

    function addValues(facet, values) {
      facet.values = values;
      values.forEach(function (value, valueNumber) {
        var item = document.createElement("li");
        var box = document.createElement("input");
        box.type = "checkbox";
        box.id = "filter_" + facet.number + "_" + valueNumber;
        box.name = facet.name;
        box.value = value.id;
        var label = document.createElement("label");
        label.htmlFor = box.id;
        label.appendChild(document.createTextNode(value.label + " "));
        var count = document.createElement("span");
        count.className = "count";
        label.appendChild(count);
        item.appendChild(box);
        item.appendChild(label);
        facet.list.appendChild(item);
        box.addEventListener("change", function () {
          facet.wanted = facet.inputs.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
          writeURL(false);
          search();
        });
        facet.inputs.push(box);
        facet.counts.push(count);
        facet.items.push(item);
      });
      applyWanted(facet);
    }

    function chosen(facet) {
      return facet.inputs.filter(function (box) { return box.checked; }).map(function (box) { return facet.inputs.indexOf(box); });
    }

    // Documents allowed by one facet's choice: any of its chosen values (OR within a facet).
    function allowedBy(facet, count) {
      var picked = chosen(facet);
      if (!picked.length || !facet.lists) return null;
      var allowed = new Uint8Array(count);
      picked.forEach(function (value) { facet.lists[value].forEach(function (d) { allowed[d] = 1; }); });
      return allowed;
    }

    function search() {
      var mine = ++run;
      var words = wordsOf(input.value);
      var dropped = words.filter(function (word) { return index.stopWords.has(word); });
      words = words.filter(function (word, i) { return !index.stopWords.has(word) && words.indexOf(word) === i; });
      var needed = facets.filter(function (facet) { return !facet.lists && (facet.box.open || facet.wanted.length); });
      Promise.all([Promise.all(words.map(function (word) { return index.scores(word); })),
                   Promise.all(needed.map(function (facet) { return index.facet(facet.name); }))])
        .then(function (loaded) {
          if (mine !== run) return;
          loaded[1].forEach(function (file, i) {
            var facet = needed[i];
            if (facet.lists) return;
            if (!facet.inputs.length) addValues(facet, file.values);
            facet.lists = file.lists;
          });
          update(words, loaded[0], dropped);
        })
        .catch(function (error) {
          if (mine === run) status.textContent = t("error");
          if (window.console) console.error(error);
        });
    }

    function update(words, scoreMaps, dropped) {
      var count = index.manifest.documents;
      var filtering = facets.some(function (facet) { return chosen(facet).length; });
      // Matching: every word somewhere (AND across words); score adds up the words.
      var score = null;
      if (words.length) {
        score = scoreMaps[0];
        scoreMaps.slice(1).forEach(function (next) {
          var both = new Map();
          score.forEach(function (value, d) { if (next.has(d)) both.set(d, value + next.get(d)); });
          score = both;
        });
      }
      var inQuery = new Uint8Array(count);
      if (score) score.forEach(function (value, d) { inQuery[d] = 1; }); else inQuery.fill(1);
      var allowed = facets.map(function (facet) { return allowedBy(facet, count); });
      function passes(d, except) {
        if (!inQuery[d]) return false;
        for (var f = 0; f < allowed.length; f++) if (f !== except && allowed[f] && !allowed[f][d]) return false;
        return true;
      }
      // Live counts: what each value would give, with the other facets' choices (AND across facets).
      facets.forEach(function (facet, f) {
        facet.live = facet.lists ? facet.lists.map(function (docs) {
          var n = 0;
          for (var i = 0; i < docs.length; i++) if (passes(docs[i], f)) n++;
          return n;
        }) : null;
        showCounts(facet);
      });
      clear.hidden = !filtering;
      // No group to show (a language with no entries yet): no "Filter results" heading over nothing.
      facetBox.parentNode.hidden = facets.every(function (facet) { return facet.box.hidden; });

      hits = [];
      if (words.length || filtering) {
        for (var d = 0; d < count; d++) if (passes(d, -1)) hits.push(d);
        if (score) hits.sort(function (a, b) { return score.get(b) - score.get(a) || a - b; });
      }
      var query = input.value.trim();
      if (!words.length && !filtering) status.textContent = t("hint");
      else if (!hits.length) status.textContent = t("none");
      else status.textContent = hits.length + " " + (hits.length === 1 ? t("result-one") : t("results")) +
        (words.length ? " " + t("for").replace("{query}", function () { return query; }) : "");
      ignored.hidden = !dropped.length;
      ignored.textContent = dropped.length ? t("stop-words") + ": " + dropped.join(", ") : "";
      list.textContent = "";
      shown = 0;
      showMore(words, false);
    }

    function showCounts(facet) {
      if (!facet.values) return;
      var live = facet.live || facet.values.map(function (value) { return value.count; });
      var order = live.map(function (n, i) { return i; }).sort(function (a, b) { return live[b] - live[a] || a - b; });
      var top = new Set(order.slice(0, FOLDED_SHOWN));
      facet.items.forEach(function (item, i) {
        var checked = facet.inputs[i].checked;
        facet.counts[i].textContent = "(" + live[i] + ")";
        item.hidden = !checked && (live[i] === 0 || (facet.folded && !top.has(i)));
      });
      // A group with nothing to choose (no value has a result) is left out, not shown empty.
      facet.box.hidden = facet.items.every(function (item) { return item.hidden; });
      if (facet.toggle) {
        var visible = live.filter(function (n) { return n > 0; }).length;
        facet.toggle.hidden = visible <= FOLDED_SHOWN;
        facet.toggle.textContent = facet.folded ? t("show-all") + " (" + visible + ")" : t("show-fewer");
      }
    }

    function showMore(words, moveFocus) {
      var mine = run, batch = hits.slice(shown, shown + PAGE);
      shown += batch.length;
      more.hidden = shown >= hits.length;
      index.documents(batch).then(function (documents) {
        if (mine !== run) return;
        var first = null;
        documents.forEach(function (entry) {
          var item = result(entry, words);
          list.appendChild(item);
          first = first || item.querySelector("a");
        });
        if (moveFocus && first) first.focus();
      });
    }

    function result(entry, words) {
      var item = document.createElement("li");
      item.className = "result";
      item.lang = entry.lang;
      var kind = document.createElement("p");
      kind.className = "kicker";
      kind.textContent = typeLabels[entry.type] || entry.type;
      var heading = document.createElement("h3");
      var link = document.createElement("a");
      link.href = root + entry.url;
      highlight(link, entry.title, words);
      heading.appendChild(link);
      var summary = document.createElement("p");
      highlight(summary, entry.summary, words);
      item.appendChild(heading);
      item.appendChild(kind);
      item.appendChild(summary);
      if (entry.meta) {
        var meta = document.createElement("p");
        meta.className = "meta";
        highlight(meta, entry.meta, words);
        item.appendChild(meta);
      }
      return item;
    }

    // Marks the words of `text` that a query word finds. Built from text nodes and <mark>
    // elements, never from HTML: a title or summary cannot inject markup.
    function highlight(element, text, words) {
      var at = 0;
      text.replace(TOKEN, function (token, offset) {
        var word = normalize(token);
        var found = words.some(function (query) {
          return word === query || (query.length >= PREFIX_FROM && word.lastIndexOf(query, 0) === 0);
        });
        if (!found) return token;
        element.appendChild(document.createTextNode(text.slice(at, offset)));
        var mark = document.createElement("mark");
        mark.textContent = token;
        element.appendChild(mark);
        at = offset + token.length;
        return token;
      });
      element.appendChild(document.createTextNode(text.slice(at)));
    }

    var typing = 0;
    input.addEventListener("input", function () {
      clearTimeout(typing);
      typing = setTimeout(function () { writeURL(true); search(); }, 120);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(typing);
      writeURL(false);
      search();
    });
    more.addEventListener("click", function () { showMore(wordsOf(input.value), true); });
    clear.addEventListener("click", function () {
      facets.forEach(function (facet) { facet.wanted = []; applyWanted(facet); });
      writeURL(false);
      search();
      input.focus();
    });
    window.addEventListener("popstate", function () { readURL(); search(); });

    status.textContent = t("loading");
    var typeLabels = {};
    index.open().then(function () {
      index.manifest.facets.forEach(function (facet) {
        if (facet.name === "type") facet.values.forEach(function (value) { typeLabels[value.id] = value.label; });
      });
      buildFacets();
      readURL();
      app.hidden = false;
      search();
    }).catch(function () { status.textContent = t("error"); app.hidden = false; });
  }

  var form = document.getElementById("search_form");
  if (form) searchPage(form);
})();
