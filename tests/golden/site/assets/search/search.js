/*
 * Katalog search: the header search box (instant results, "/" to focus) and the finder page
 * /cari/ (facets, URL state). The core (analysis, query plan, scoring) mirrors
 * generator/search/analysis.py and generator/search/query.py step by step; tests run both on
 * the same queries. Loaded lazily: the header partial injects this file on first use.
 */
(function (root) {
  "use strict";

  /* ---------------------------------------------------------------- core */

  var COMBINING = /\p{Mn}/gu;
  var WORD = /[a-z0-9]+/g;

  function words(text) {
    return String(text).normalize("NFKD").replace(COMBINING, "").toLowerCase().match(WORD) || [];
  }

  function Analyzer(head, stemFn) {
    this.stopWords = new Set(head.stopWords);
    this.weakStems = new Set(head.weakStems || []);
    this.minTermLength = head.minTermLength;
    this.starts = new Map();
    this.dictionary = new Set();  // every stem of every group: never taken for a typo
    for (var i = 0; i < head.synonyms.length; i++) {
      var entries = head.synonyms[i][1];
      this.starts.set(head.synonyms[i][0], entries);
      for (var e = 0; e < entries.length; e++) {
        this.dictionary.add(entries[e][1]);
        for (var w = 0; w < entries[e][0].length; w++) this.dictionary.add(entries[e][0][w]);
      }
    }
    this.phraseKeys = new Set(head.phraseKeys || []);
    this.stemFn = stemFn;
    this.cache = new Map();
  }

  Analyzer.prototype.stem = function (word) {
    var s = this.cache.get(word);
    if (s === undefined) {
      s = this.stemFn(word);
      this.cache.set(word, s);
    }
    return s;
  };

  Analyzer.prototype.synonymMatches = function (stems) {
    var found = [];
    for (var i = 0; i < stems.length; i++) {
      var entries = this.starts.get(stems[i]);
      if (!entries) continue;
      var seen = new Set();
      for (var e = 0; e < entries.length; e++) {
        var variant = entries[e][0], key = entries[e][1];
        if (seen.has(key) || !sameSlice(stems, i, variant)) continue;
        seen.add(key);
        if (!(variant.length === 1 && variant[0] === key)) found.push([key, variant.length, i]);
      }
    }
    return found;
  };

  function sameSlice(stems, start, variant) {
    if (start + variant.length > stems.length) return false;
    for (var k = 0; k < variant.length; k++) if (stems[start + k] !== variant[k]) return false;
    return true;
  }

  Analyzer.prototype.terms = function (text) {
    var raw = words(text), self = this;
    var stems = raw.map(function (w) { return self.stem(w); });
    var out = [];
    for (var i = 0; i < raw.length; i++) {
      if (raw[i].length >= this.minTermLength && !this.stopWords.has(raw[i])) out.push(stems[i]);
    }
    this.synonymMatches(stems).forEach(function (m) { out.push(m[0]); });
    return out;
  };

  /* The first position in the sorted list whose item is not below value (Python's bisect_left). */
  function lowerBound(list, value) {
    var lo = 0, hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid] < value) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /* Edit distance capped like query.edit_distance: returns cap once it is certain. */
  function editDistance(a, b, cap) {
    var previous = [], j;
    for (j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      var current = [i], rowMin = i;
      for (j = 1; j <= b.length; j++) {
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] !== b[j - 1] ? 1 : 0));
        current.push(value);
        if (value < rowMin) rowMin = value;
      }
      if (rowMin >= cap) return cap;
      previous = current;
    }
    return Math.min(previous[b.length], cap);
  }

  /* A packed part → a standard lunr serialized index (same as index.unpack_part). Every
     posting's metadata is the same empty object: the index keeps no metadata (empty whitelist). */
  function unpackPart(terms, part, scale, pipelineName) {
    var fields = part.fields, nf = fields.length, fieldVectors = [], postings = [], EMPTY = {};
    for (var f = 0; f < nf; f++) {
      var name = fields[f], rows = part.vectors[name], ref = 0;
      for (var r = 0; r < rows.length; r++) {
        var row = rows[r];
        ref += row[0];
        var refKey = String(ref), termNumber = 0, elements = new Array(row.length - 1);
        for (var i = 1, j = 0; i < row.length; i += 2, j += 2) {
          termNumber += row[i];
          elements[j] = termNumber;
          elements[j + 1] = row[i + 1] / scale;
          var posting = postings[termNumber];
          if (posting === undefined) {
            posting = postings[termNumber] = { _index: termNumber };
            for (var g = 0; g < nf; g++) posting[fields[g]] = {};
          }
          posting[name][refKey] = EMPTY;
        }
        fieldVectors.push([name + "/" + refKey, elements]);
      }
    }
    var inverted = [];
    for (var n = 0; n < postings.length; n++) if (postings[n] !== undefined) inverted.push([terms[n], postings[n]]);
    return { version: "2.3.9", fields: fields, fieldVectors: fieldVectors, invertedIndex: inverted, pipeline: [pipelineName] };
  }

  function Engine(lunr, head, stemFn) {
    this.lunr = lunr;
    this.head = head;
    this.plan_ = head.plan;
    this.terms = head.terms;
    this.analyzer = new Analyzer(head, stemFn);
    this.indexes = [];
    this.vocabulary = null;
    this.addPart(head.part);
  }

  Engine.prototype.addPart = function (part) {
    var serialized = unpackPart(this.terms, part, this.plan_.scale, this.head.pipeline);
    this.indexes.push(this.lunr.Index.load(serialized));
  };

  Engine.prototype.complete = function () {
    return this.indexes.length >= this.head.parts;
  };

  Engine.prototype.setVocabulary = function (list) {
    this.vocabularyList = list;
    var byLength = new Map();
    list.forEach(function (w) {
      if (!byLength.has(w.length)) byLength.set(w.length, []);
      byLength.get(w.length).push(w);
    });
    this.vocabulary = byLength;
    this.vocabularySet = new Set(list);
  };

  /* Two indexed words written together ("lakupandai" for "LAKU PANDAI"): [left, right, ...]. */
  Engine.prototype.splits = function (word) {
    var found = [];
    if (!this.vocabularySet) return found;
    for (var k = this.plan_.minSplit; k <= word.length - this.plan_.minSplit; k++) {
      var left = word.slice(0, k), right = word.slice(k);
      if (this.vocabularySet.has(left) && this.vocabularySet.has(right)) found.push(left, right);
    }
    return found;
  };

  Engine.prototype.isTerm = function (term) {
    var lo = lowerBound(this.terms, term);
    return lo < this.terms.length && this.terms[lo] === term;
  };

  /* Is a word (stem s) to be read as a possible typo? As query.Searcher.is_typo. */
  Engine.prototype.isTypo = function (word, s, fuzzyAll) {
    if (word.length < this.plan_.minFuzzy || /^[0-9]+$/.test(word) || this.analyzer.dictionary.has(s)) return false;
    return !this.known(s) || (fuzzyAll && !this.isTerm(s));
  };

  Engine.prototype.known = function (term) {
    var lo = lowerBound(this.terms, term);
    return lo < this.terms.length && this.terms[lo].lastIndexOf(term, 0) === 0;
  };

  Engine.prototype.corrections = function (word, maxDistance) {
    var best = maxDistance + 1, found = [];
    for (var length = word.length - maxDistance; length <= word.length + maxDistance; length++) {
      var candidates = (this.vocabulary && this.vocabulary.get(length)) || [];
      for (var c = 0; c < candidates.length; c++) {
        var d = editDistance(word, candidates[c], best + 1);
        if (d < best) { best = d; found = [candidates[c]]; }
        else if (d === best) found.push(candidates[c]);
      }
    }
    return best <= maxDistance ? found.sort() : [];
  };

  Engine.prototype.completions = function (word) {
    var list = this.vocabularyList || [], found = [];
    for (var i = lowerBound(list, word); i < list.length && found.length < this.plan_.maxCompletions && list[i].lastIndexOf(word, 0) === 0; i++) {
      if (list[i] !== word) found.push(list[i]);
    }
    return found;
  };

  /* Does this query need the typo vocabulary (not loaded yet)? */
  Engine.prototype.needsVocabulary = function (text, fuzzyAll) {
    if (this.vocabulary) return false;
    var self = this;
    return words(text).some(function (w) {
      return !self.analyzer.stopWords.has(w) && self.isTypo(w, self.analyzer.stem(w), fuzzyAll);
    });
  };

  Engine.prototype.plan = function (text, fuzzyAll) {
    var p = this.plan_, a = this.analyzer, self = this;
    var raw = words(text), stems = raw.map(function (w) { return a.stem(w); });
    var clauses = [], seen = new Set(), unitOf = new Map(), first = new Map();
    // A multi-word place name stands for its place key alone (added with the synonyms below).
    var inPlace = new Set();
    a.synonymMatches(stems).forEach(function (m) {
      if (m[1] > 1 && a.phraseKeys.has(m[0])) for (var k = m[2]; k < m[2] + m[1]; k++) inPlace.add(k);
    });
    for (var i = 0; i < raw.length; i++) {
      var word = raw[i], s = stems[i];
      if (inPlace.has(i)) {
        if (!first.has(s)) first.set(s, i);
        unitOf.set(i, first.get(s));
        continue;
      }
      if (word.length < a.minTermLength || a.stopWords.has(word)) continue;
      if (a.weakStems.has(s)) {  // a word nearly every case uses: match it, weakly
        if (!seen.has(s)) clauses.push({ term: s, boost: p.weak, prefix: false, editDistance: 0, units: [], approximate: false });
        seen.add(s);
        continue;
      }
      if (!first.has(s)) first.set(s, i);
      unitOf.set(i, first.get(s));
      if (seen.has(s)) continue;
      seen.add(s);
      var unit = [i];
      clauses.push({ term: s, boost: p.exact, prefix: false, editDistance: 0, units: unit, approximate: false });
      if (s.length >= p.minPrefix) clauses.push({ term: s, boost: p.prefix, prefix: true, editDistance: 0, units: unit, approximate: false });
      if (this.isTypo(word, s, fuzzyAll)) {
        var distance = word.length >= p.longWord ? 2 : 1;
        // lunr's fuzzy match runs on the stem: 2 edits only for a long stem
        if (s.length >= p.minFuzzy) {
          clauses.push({ term: s, boost: p.fuzzy, prefix: false, editDistance: s.length >= p.longWord ? 2 : 1, units: unit, approximate: true });
        }
        var corrected = [];
        var candidates = this.corrections(word, distance).concat(this.splits(word));
        if (word.length >= p.minPrefix) candidates = candidates.concat(this.completions(word));
        candidates.forEach(function (candidate) {
          a.terms(candidate).forEach(function (t) {
            if (corrected.indexOf(t) < 0 && !seen.has(t)) corrected.push(t);
          });
        });
        corrected.forEach(function (t) {
          clauses.push({ term: t, boost: p.correction, prefix: false, editDistance: 0, units: unit, approximate: true });
        });
      }
    }
    var synonymBoost = new Map(), synonymUnits = new Map();
    a.synonymMatches(stems).forEach(function (m) {
      if (seen.has(m[0])) return;
      synonymBoost.set(m[0], Math.max(synonymBoost.get(m[0]) || 0, p.synonym * m[1]));
      if (!synonymUnits.has(m[0])) synonymUnits.set(m[0], new Set());
      for (var k = m[2]; k < m[2] + m[1]; k++) if (unitOf.has(k)) synonymUnits.get(m[0]).add(unitOf.get(k));
    });
    synonymBoost.forEach(function (boost, key) {
      var units = Array.from(synonymUnits.get(key)).sort(function (x, y) { return x - y; });
      clauses.push({ term: key, boost: boost, prefix: false, editDistance: 0, units: units, approximate: false });
    });
    return clauses;
  };

  /* Edit distance where swapping two neighbours is one edit (lunr's fuzzy match counts so). */
  function transpositionDistance(a, b) {
    var rows = [[]];
    for (var j = 0; j <= b.length; j++) rows[0].push(j);
    for (var i = 1; i <= a.length; i++) {
      var row = [i];
      for (j = 1; j <= b.length; j++) {
        var value = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] !== b[j - 1] ? 1 : 0));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2][j - 2] + 1);
        row.push(value);
      }
      rows.push(row);
    }
    return rows[a.length][b.length];
  }

  /* Could lunr have matched the index term through this clause? */
  function covers(clause, term) {
    if (clause.editDistance) return transpositionDistance(term, clause.term) <= clause.editDistance;
    return clause.prefix ? term.lastIndexOf(clause.term, 0) === 0 : term === clause.term;
  }

  function round6(x) { return Math.round(x * 1e6) / 1e6; }

  /* [[ref, score], ...] best first (ties: catalogue order). */
  Engine.prototype.run = function (clauses) {
    return this.runDetailed(clauses).map(function (m) { return [m.ref, m.score]; });
  };

  var FIELD_ORDER = ["t", "a", "g", "k", "s", "o", "b"];

  /* Every match, best first, as query.Searcher.run_detailed: {ref, score, approximate, fields}
     where fields maps an index field to the index terms matched there. */
  Engine.prototype.runDetailed = function (clauses) {
    if (!clauses.length) return [];
    var lunr = this.lunr, scores = new Map(), covered = new Map(), counted = new Set();
    var fields = new Map(), exact = new Set(), exactTerms = new Map();
    var withUnits = clauses.filter(function (c) { return c.units && c.units.length; });
    var unitsOfTerm = new Map();
    withUnits.forEach(function (c) { c.units.forEach(function (u) { counted.add(u); }); });
    this.indexes.forEach(function (index) {
      var results = index.query(function (q) {
        clauses.forEach(function (c) {
          var options = {
            boost: c.boost, usePipeline: false,
            wildcard: c.prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE
          };
          // lunr.js treats any editDistance key (even 0) as a fuzzy match, where "*" is literal.
          if (c.editDistance) options.editDistance = c.editDistance;
          q.term(c.term, options);
        });
      });
      results.forEach(function (r) {
        var ref = Number(r.ref);
        scores.set(ref, (scores.get(ref) || 0) + r.score);
        if (!covered.has(ref)) { covered.set(ref, new Set()); fields.set(ref, {}); }
        var units = covered.get(ref), where = fields.get(ref);
        for (var term in r.matchData.metadata) {
          var termUnits = unitsOfTerm.get(term);
          if (termUnits === undefined) {  // once per distinct term and query
            termUnits = [];
            withUnits.forEach(function (c) {
              if (covers(c, term)) c.units.forEach(function (u) { if (termUnits.indexOf(u) < 0) termUnits.push(u); });
            });
            unitsOfTerm.set(term, termUnits);
            exactTerms.set(term, clauses.some(function (c) { return covers(c, term) && !c.approximate; }));
          }
          for (var k = 0; k < termUnits.length; k++) units.add(termUnits[k]);
          if (exactTerms.get(term)) exact.add(ref);
          for (var name in r.matchData.metadata[term]) {
            if (!where[name]) where[name] = [];
            if (where[name].indexOf(term) < 0) where[name].push(term);
          }
        }
      });
    });
    // Coordination: a case's score times the share of the query's words it matches.
    if (counted.size) scores.forEach(function (score, ref) { scores.set(ref, score * covered.get(ref).size / counted.size); });
    return Array.from(scores.entries()).sort(function (x, y) {
      var dx = round6(x[1]), dy = round6(y[1]);
      return dx !== dy ? dy - dx : x[0] - y[0];
    }).map(function (e) {
      var where = fields.get(e[0]), ordered = {};
      FIELD_ORDER.forEach(function (f) { if (where[f]) ordered[f] = where[f].sort(); });
      return { ref: e[0], score: e[1], approximate: !exact.has(e[0]), fields: ordered };
    });
  };

  /* Every match; the typo pass for every word when nothing matched (query.Searcher.matches). */
  Engine.prototype.matches = function (text) {
    var results = this.runDetailed(this.plan(text, false));
    if (!results.length) results = this.runDetailed(this.plan(text, true));
    return results;
  };

  /* [[ref, score], ...] best first. */
  Engine.prototype.search = function (text) {
    return this.matches(text).map(function (m) { return [m.ref, m.score]; });
  };

  /* Indexed words within maxDistance edits (a swap is one) sharing the first letter. */
  Engine.prototype.closeWords = function (word, maxDistance) {
    var found = [];
    for (var length = word.length - maxDistance; length <= word.length + maxDistance; length++) {
      var candidates = (this.vocabulary && this.vocabulary.get(length)) || [];
      for (var c = 0; c < candidates.length; c++) {
        var w = candidates[c];
        if (w[0] !== word[0] || w === word) continue;
        var d = transpositionDistance(word, w);
        if (d <= maxDistance) found.push([d, w]);
      }
    }
    found.sort(function (x, y) { return x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0); });
    return found.map(function (x) { return x[1]; });
  };

  /* What to offer when nothing matches (query.Searcher.suggest): {didYouMean, categories}. */
  Engine.prototype.suggest = function (text) {
    var a = this.analyzer, p = this.plan_, self = this;
    var raw = words(text).filter(function (w) { return w.length >= a.minTermLength && !a.stopWords.has(w); });
    var queries = [];
    raw.forEach(function (word, i) {
      if (!self.isTypo(word, a.stem(word), true)) return;
      self.closeWords(word, word.length >= p.longWord ? 2 : 1).slice(0, p.maxSuggestions).forEach(function (c) {
        var q = raw.slice(0, i).concat([c], raw.slice(i + 1)).join(" ");
        if (queries.indexOf(q) < 0) queries.push(q);
      });
    });
    var terms = new Set(a.terms(text));
    var categories = (this.head.related || []).filter(function (r) {
      return r[2] > 0 && r[4].some(function (t) { return terms.has(t); });
    }).map(function (r) { return [r[0], r[1], r[2], r[3]]; });
    return { didYouMean: queries.slice(0, p.maxSuggestions), categories: categories };
  };

  var FIELD_WORDS = { t: "judul", a: "nama lain", k: "kategori atau label", s: "ringkasan", o: "hasil", b: "isi" };

  /* Where a match was found, in words: "judul, ringkasan, provinsi" (query.Searcher.matched_in);
     province is the case's province label ("" for none). */
  function matchedIn(engine, province, match) {
    var out = [], a = engine.analyzer;
    Object.keys(match.fields).forEach(function (f) {
      if (f !== "g") { out.push(FIELD_WORDS[f]); return; }
      var place = new Set(province ? a.terms(province) : []);
      var terms = match.fields.g;
      if (terms.some(function (t) { return !place.has(t); })) out.push("instansi");
      if (terms.some(function (t) { return place.has(t); })) out.push("provinsi");
    });
    return out;
  }

  var core = { words: words, Analyzer: Analyzer, Engine: Engine, unpackPart: unpackPart, editDistance: editDistance,
               matchedIn: matchedIn };
  if (typeof module !== "undefined" && module.exports) module.exports = core;
  if (typeof document === "undefined") return;
  root.katalogSearch = core;

  /* ---------------------------------------------------------------- loading */

  // Downloads the header's bootstrap already started (same URLs), else our own.
  var loaded = root.katalogSearchPrefetch || {};

  function loadScript(src) {
    if (!loaded[src]) {
      loaded[src] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = src;
        s.onload = resolve;
        s.onerror = function () { reject(new Error("gagal memuat " + src)); };
        document.head.appendChild(s);
      });
    }
    return loaded[src];
  }

  function loadJSON(url) {
    if (!loaded[url]) {
      loaded[url] = fetch(url, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error("gagal memuat " + url);
        return r.json();
      });
    }
    return loaded[url];
  }

  function loadStyle(href) {
    if (loaded[href] || document.querySelector('link[href="' + href + '"]')) return;
    loaded[href] = true;
    var l = document.createElement("link");
    l.rel = "stylesheet";
    l.href = href;
    document.head.appendChild(l);
  }

  function Loader(base) {
    this.base = base.replace(/\/$/, "");  // "" is the site root of an absolute base ("/")
    this.engine = null;
    this.chunks = {};
    this.listeners = [];
    this.promise = null;
  }

  Loader.prototype.url = function (path) { return this.base + "/" + path; };

  /* Resolves when the primary part and docs are ready; the rest follows and calls listeners. */
  Loader.prototype.start = function () {
    if (this.promise) return this.promise;
    var self = this;
    loadStyle(this.url("assets/search/search.css"));
    var scripts = Promise.all([loadScript(this.url("assets/search/lunr.min.js")),
                               loadScript(this.url("assets/search/stemmer-id.orama.js"))]);
    this.promise = Promise.all([scripts, loadJSON(this.url("search/index-0.json")), loadJSON(this.url("search/docs.json"))])
      .then(function (got) {
        var lunr = root.lunr;
        var stem = root.stemIndonesian;
        // The same name as the Python side; registered before any lunr.Index.load.
        var stemmerId = function (token) { return token.update(function (s) { return stem(s); }); };
        lunr.Pipeline.registerFunction(stemmerId, got[1].pipeline);
        self.engine = new Engine(lunr, got[1], stem);
        self.docs = got[2];
        self.readyAt = performance.now();  // read by bench/bench_search.py
        return self;
      });
    return this.promise;
  };

  /* The other parts (index-1: category, tags, awards, summary and outcomes; index-2: the body's
     distinctive terms) wait until the first results are on screen (results can only get
     better), so they never delay the first answer. */
  Loader.prototype.loadRest = function () {
    if (this.rest) return;
    var self = this, engine = this.engine, parts = [];
    this.rest = true;
    setTimeout(function () {
      for (var n = 1; n < engine.head.parts; n++) parts.push(loadJSON(self.url("search/index-" + n + ".json")));
      Promise.all(parts).then(function (got) {
        got.forEach(function (p) { engine.addPart(p.part); });
        self.notify();
      });
    }, 200);
  };

  Loader.prototype.notify = function () { this.listeners.forEach(function (fn) { fn(); }); };

  /* Loads the card chunks (cards-N.json) that hold these refs; resolves when card(ref) works. */
  Loader.prototype.cardsFor = function (refs) {
    var self = this, size = this.docs.cardChunk, wanted = {};
    refs.forEach(function (ref) { wanted[Math.floor(ref / size)] = true; });
    return Promise.all(Object.keys(wanted).map(function (n) {
      return loadJSON(self.url("search/cards-" + n + ".json")).then(function (c) { self.chunks[n] = c; });
    }));
  };

  /* One case's card data (after cardsFor): id, title, agency, province, status, summary, year. */
  Loader.prototype.card = function (ref) {
    var docs = this.docs, size = docs.cardChunk, n = Math.floor(ref / size), c = this.chunks[n], i = ref - n * size;
    var p = c.provinces[i], st = c.statuses[i];
    return { id: c.ids[i], title: c.titles[i], agency: c.agencies[i], province: p >= 0 ? docs.provinceLabels[p] : "",
             statusId: docs.statusIds[st], status: docs.statusLabels[st], summary: c.summaries[i], year: docs.years[ref] };
  };

  /* Matches for text ({ref, score, approximate, fields}, best first); loads the typo
     vocabulary first if the query needs it. */
  Loader.prototype.search = function (text) {
    var self = this, engine = this.engine;
    var needs = engine.needsVocabulary(text, false) ||
      (engine.needsVocabulary(text, true) && engine.run(engine.plan(text, false)).length === 0);
    var answer = !needs ? Promise.resolve(engine.matches(text)) :
      loadJSON(this.url("search/vocab.json")).then(function (v) {
        if (!engine.vocabulary) engine.setVocabulary(v.words);
        return engine.matches(text);
      });
    return answer.then(function (results) {
      // After a first answer, or when a real query found nothing in the primary part (the
      // words may be in summaries or body text), fetch the rest; listeners then re-run.
      if (results.length || text.trim().length >= 3) self.loadRest();
      return results;
    });
  };

  var loaders = {};
  function loaderFor(base) {
    // "../" (finder page) and ".." (header, MkDocs base_url) are the same site: one loader.
    base = String(base).replace(/\/$/, "");
    if (!loaders[base]) loaders[base] = new Loader(base);
    return loaders[base];
  }

  /* ---------------------------------------------------------------- DOM helpers */

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /* Run fn now, then at most once per ms while calls keep coming (the last call always runs):
     results follow typing without waiting for a pause. */
  function throttle(fn, ms) {
    var last = -Infinity, timer = null;
    return function () {
      var wait = last + ms - Date.now();
      if (timer) return;
      timer = setTimeout(function () {
        timer = null;
        last = Date.now();
        fn();
      }, Math.max(0, wait));
    };
  }

  /* ---------------------------------------------------------------- result cards */

  var SNIPPET = 170, SNIPPET_COMPACT = 110;  // characters of summary around the first marked word

  /* Does this word of the summary match the query (a clause that is not a weak word's)? */
  function marker(loader, clauses) {
    var a = loader.engine.analyzer, strong = clauses.filter(function (c) { return c.units.length; });
    return function (word) {
      var s = a.stem(word);
      if (s.length < 2 || a.stopWords.has(word)) return false;
      var keys = a.terms(word);
      return strong.some(function (c) {
        if (c.editDistance) return false;
        return c.prefix ? s.lastIndexOf(c.term, 0) === 0 : (s === c.term || keys.indexOf(c.term) >= 0);
      });
    };
  }

  var TOKEN = /[\p{L}\p{N}]+/gu;

  /* The summary as text nodes and <mark>s around the matched words (never as HTML). */
  function snippet(target, text, isMatch, size) {
    var found = [], m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text)) !== null) {
      var w = words(m[0]);
      if (w.length === 1 && isMatch(w[0])) found.push([m.index, m.index + m[0].length]);
    }
    var start = 0, end = text.length;
    if (text.length > size) {
      var first = found.length ? found[0][0] : 0;
      start = Math.max(0, Math.min(first - 40, text.length - size));
      if (start > 0) start = text.indexOf(" ", start) + 1 || start;
      end = Math.min(text.length, start + size);
      var space = text.lastIndexOf(" ", end);
      if (end < text.length && space > start) end = space;
    }
    target.textContent = "";
    if (start > 0) target.appendChild(document.createTextNode("… "));
    var at = start;
    found.forEach(function (r) {
      if (r[0] < start || r[1] > end) return;
      target.appendChild(document.createTextNode(text.slice(at, r[0])));
      target.appendChild(el("mark", null, text.slice(r[0], r[1])));
      at = r[1];
    });
    target.appendChild(document.createTextNode(text.slice(at, end)));
    if (end < text.length) target.appendChild(document.createTextNode(" …"));
  }

  /* A result card: title, agency · province · year, status, where it matched, a snippet.
     match is an Engine match (or null: a case listed without a query); compact: a shorter
     snippet (the header panel). */
  function resultItem(loader, ref, match, clauses, compact) {
    var card = loader.card(ref);
    var li = el("li", { "class": "katalog-result" + (match && match.approximate ? " katalog-result--approx" : "") });
    var a = el("a", { href: loader.url("inovasi/" + card.id + "/"), "class": "katalog-result__link" });
    a.appendChild(el("span", { "class": "katalog-result__title" }, card.title));
    var meta = [card.agency];
    if (card.province) meta.push(card.province);
    meta.push(String(card.year));
    a.appendChild(el("span", { "class": "katalog-result__meta" }, meta.join(" · ")));
    var badges = el("span", { "class": "katalog-result__badges" });
    badges.appendChild(el("span", { "class": "katalog-badge katalog-badge--" + card.statusId }, card.status));
    if (match && match.approximate) badges.appendChild(el("span", { "class": "katalog-badge katalog-badge--approx" }, "perkiraan"));
    if (match) {
      var where = matchedIn(loader.engine, card.province, match);
      if (where.length) badges.appendChild(el("span", { "class": "katalog-result__why" }, "cocok pada: " + where.join(", ")));
    }
    a.appendChild(badges);
    var snip = el("span", { "class": "katalog-result__snippet" });
    snippet(snip, card.summary, clauses ? marker(loader, clauses) : function () { return false; }, compact ? SNIPPET_COMPACT : SNIPPET);
    a.appendChild(snip);
    li.appendChild(a);
    return li;
  }

  /* "Mungkin maksud Anda: …?" with links to the corrected queries, or null. */
  function didYouMean(loader, offer) {
    if (!offer.didYouMean.length) return null;
    var p = el("p", { "class": "katalog-didyoumean" }, "Mungkin maksud Anda: ");
    offer.didYouMean.forEach(function (q, i) {
      if (i) p.appendChild(document.createTextNode(", "));
      p.appendChild(el("a", { href: loader.url("cari/") + "?q=" + encodeURIComponent(q) }, q));
    });
    p.appendChild(document.createTextNode("?"));
    return p;
  }

  /* Only approximate results: say so and offer the corrected query. */
  function approximateNote(loader, text, target) {
    var p = didYouMean(loader, loader.engine.suggest(text));
    if (p) target.appendChild(p);
  }

  /* When nothing matches: say so, then every way on (corrections, related categories and
     some of their cases, the browse pages, proposing an innovation). */
  function noResults(loader, text, target) {
    var offer = loader.engine.suggest(text);
    var box = el("div", { "class": "katalog-noresult" });
    box.appendChild(el("p", { "class": "katalog-noresult__lead" }, "Belum ada studi kasus yang cocok dengan “" + text + "”."));
    var dym = didYouMean(loader, offer);
    if (dym) box.appendChild(dym);
    offer.categories.forEach(function (c) {
      var p = el("p", null, "Studi kasus di kategori terkait, ");
      p.appendChild(el("a", { href: loader.url("kategori/" + c[0] + "/") }, c[1]));
      p.appendChild(document.createTextNode(" (" + c[2] + "):"));
      box.appendChild(p);
      var list = el("ul", { "class": "katalog-noresult__cases" });
      loader.cardsFor(c[3]).then(function () {
        c[3].forEach(function (ref) { list.appendChild(resultItem(loader, ref, null, null, true)); });
      });
      box.appendChild(list);
    });
    var ways = el("p", null, "Jelajahi katalog: ");
    [["jelajahi/", "semua cara menjelajah"], ["kategori/", "per kategori"], ["provinsi/", "per provinsi"],
     ["replikasi/", "siap direplikasi"]].forEach(function (w, i) {
      if (i) ways.appendChild(document.createTextNode(", "));
      ways.appendChild(el("a", { href: loader.url(w[0]) }, w[1]));
    });
    ways.appendChild(document.createTextNode("."));
    box.appendChild(ways);
    var propose = el("p", null, "Tahu inovasi yang belum ada di katalog? ");
    propose.appendChild(el("a", { href: loader.url("kontribusi/"), "class": "katalog-noresult__propose" }, "Usulkan inovasi"));
    box.appendChild(propose);
    target.appendChild(box);
  }

  /* ---------------------------------------------------------------- header box */

  var HEADER_LIMIT = 8;

  function initHeader(form) {
    if (form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "1");
    var input = form.querySelector("input[name=q]");
    var panel = form.querySelector("[data-search-panel]");
    var list = form.querySelector("[data-search-list]");
    var status = form.querySelector("[data-search-status]");
    var more = form.querySelector("[data-search-more]");
    var loader = loaderFor(form.getAttribute("data-base"));
    var counter = 0;

    function close() {
      panel.hidden = true;
    }

    function show() {
      var text = input.value.trim(), mine = ++counter;
      if (!text) { close(); return; }
      panel.hidden = false;
      if (!loader.engine) status.textContent = "Memuat indeks pencarian…";
      loader.start().then(function () { return loader.search(text); }).then(function (results) {
        return loader.cardsFor(results.slice(0, HEADER_LIMIT).map(function (m) { return m.ref; }))
          .then(function () { return results; });
      }).then(function (results) {
        if (mine !== counter) return;
        list.textContent = "";
        var clauses = loader.engine.plan(text, false);
        results.slice(0, HEADER_LIMIT).forEach(function (m) { list.appendChild(resultItem(loader, m.ref, m, clauses, true)); });
        var approx = results.length && results.every(function (m) { return m.approximate; });
        // Nothing in titles and places yet, but summaries and body text are still on their way.
        var pending = !results.length && text.length >= 3 && !loader.engine.complete();
        status.textContent = results.length ? results.length + " studi kasus cocok" + (approx ? " (perkiraan: tidak ada yang persis)" : "") :
          text.length < 3 ? "Ketik beberapa huruf lagi…" : pending ? "Mencari di ringkasan dan isi…" : "";
        if (!results.length && text.length >= 3 && !pending) {
          var item = el("li", { "class": "katalog-search__none" });
          noResults(loader, text, item);
          list.appendChild(item);
        } else if (approx) {
          var note = el("li", { "class": "katalog-search__none" });
          approximateNote(loader, text, note);
          if (note.firstChild) list.insertBefore(note, list.firstChild);
        }
        more.href = loader.url("cari/") + "?q=" + encodeURIComponent(text);
        more.hidden = !results.length;
      }).catch(function () {
        status.textContent = "Pencarian gagal dimuat. Coba halaman Cari.";
      });
    }

    var update = throttle(show, 50);
    input.addEventListener("input", update);
    function onFocus() { loader.start(); if (input.value.trim()) show(); }
    input.addEventListener("focus", onFocus);
    loader.listeners.push(function () { if (!panel.hidden) show(); });
    form.addEventListener("keydown", function (ev) {
      var links = Array.prototype.slice.call(panel.querySelectorAll("a"));
      var i = links.indexOf(document.activeElement);
      if (ev.key === "Escape") { close(); input.focus(); }
      else if (ev.key === "ArrowDown" && !panel.hidden && links.length) {
        ev.preventDefault();
        links[Math.min(i + 1, links.length - 1)].focus();
      } else if (ev.key === "ArrowUp" && i >= 0) {
        ev.preventDefault();
        if (i === 0) input.focus(); else links[i - 1].focus();
      }
    });
    document.addEventListener("click", function (ev) { if (!form.contains(ev.target)) close(); });
    if (document.activeElement === input) onFocus();
  }

  /* ---------------------------------------------------------------- finder page */

  var PAGE = 50;

  function initFinder(rootEl) {
    var form = rootEl.querySelector("form");
    var input = form.querySelector("input[name=q]");
    var from = form.querySelector("[name=tahun_dari]");
    var to = form.querySelector("[name=tahun_sampai]");
    var list = rootEl.querySelector("[data-search-results]");
    var status = rootEl.querySelector("[data-search-count]");
    var moreButton = rootEl.querySelector("[data-search-more]");
    var noneBox = rootEl.querySelector("[data-search-none]");
    var filterCount = rootEl.querySelector("[data-filter-count]");

    /* The folded filters say how many are on: "Saring hasil (2 aktif)". */
    function updateFilterCount() {
      var n = form.querySelectorAll("input[type=checkbox]:checked").length + (from.value ? 1 : 0) + (to.value ? 1 : 0);
      if (filterCount) filterCount.textContent = n ? " (" + n + " aktif)" : "";
    }
    var loader = loaderFor(rootEl.getAttribute("data-base"));
    var facets = null, shown = PAGE, counter = 0, started = false;

    function boxes(param) {
      return Array.prototype.slice.call(form.querySelectorAll('input[type=checkbox][name="' + param + '"]'));
    }

    function readURL() {
      if (location.search.length <= 1) return false;
      var params = new URLSearchParams(location.search);
      input.value = params.get("q") || "";
      Array.prototype.forEach.call(form.querySelectorAll("input[type=checkbox]"), function (b) {
        b.checked = params.getAll(b.name).indexOf(b.value) >= 0;
      });
      from.value = params.get("tahun_dari") || "";
      to.value = params.get("tahun_sampai") || "";
      return Array.from(params.keys()).length > 0;
    }

    function state() {
      var params = new URLSearchParams();
      if (input.value.trim()) params.set("q", input.value.trim());
      facets.forEach(function (f) {
        boxes(f.param).forEach(function (b) { if (b.checked) params.append(f.param, b.value); });
      });
      if (from.value) params.set("tahun_dari", from.value);
      if (to.value) params.set("tahun_sampai", to.value);
      return params;
    }

    function writeURL(params) {
      var qs = params.toString();
      history.replaceState(null, "", location.pathname + (qs ? "?" + qs : "") + location.hash);
    }

    function selected() {
      return facets.map(function (f) {
        var values = new Set();
        boxes(f.param).forEach(function (b) { if (b.checked) values.add(f.number.get(b.value)); });
        return values;
      });
    }

    function matchesFacet(f, chosen, ref) {
      if (!chosen.size) return true;
      var mine = f.docs[ref];
      for (var i = 0; i < mine.length; i++) if (chosen.has(mine[i])) return true;
      return false;
    }

    function render() {
      var text = input.value.trim(), mine = ++counter;
      rootEl.setAttribute("data-search-state", "loading");  // "ready" again once this render is on screen
      var search = text ? loader.search(text) : Promise.resolve(null);
      search.then(function (results) {
        if (mine !== counter) return;
        var docs = loader.docs, n = docs.count;
        var byRef = new Map(), clauses = text ? loader.engine.plan(text, false) : null;
        if (results) results.forEach(function (m) { byRef.set(m.ref, m); });
        var refs = results ? results.map(function (m) { return m.ref; }) : defaultOrder(docs);
        var lo = from.value ? Number(from.value) : -Infinity, hi = to.value ? Number(to.value) : Infinity;
        refs = refs.filter(function (ref) { return docs.years[ref] >= lo && docs.years[ref] <= hi; });
        var chosen = selected();
        // Counts per value: the query and every OTHER facet's filter applied.
        facets.forEach(function (f, fi) {
          var counts = new Array(f.values.length).fill(0);
          refs.forEach(function (ref) {
            for (var g = 0; g < facets.length; g++) if (g !== fi && !matchesFacet(facets[g], chosen[g], ref)) return;
            f.docs[ref].forEach(function (v) { counts[v] += 1; });
          });
          boxes(f.param).forEach(function (b) {
            var c = counts[f.number.get(b.value)] || 0;
            var out = b.parentNode.querySelector("[data-count]");
            if (out) out.textContent = String(c);
            b.closest("li").classList.toggle("katalog-facet--empty", c === 0 && !b.checked);
          });
        });
        var final = refs.filter(function (ref) {
          for (var g = 0; g < facets.length; g++) if (!matchesFacet(facets[g], chosen[g], ref)) return false;
          return true;
        });
        return loader.cardsFor(final.slice(0, shown)).then(function () {
          if (mine !== counter) return;
          list.textContent = "";
          noneBox.textContent = "";
          final.slice(0, shown).forEach(function (ref) { list.appendChild(resultItem(loader, ref, byRef.get(ref) || null, clauses, false)); });
          var approx = final.length && text && final.every(function (ref) { return byRef.get(ref).approximate; });
          var pending = results && !results.length && text.length >= 3 && !loader.engine.complete();
          status.textContent = final.length ? final.length + " dari " + n + " studi kasus" + (approx ? " — hasil perkiraan, tidak ada yang persis cocok" : "") :
            pending ? "Mencari di ringkasan dan isi…" :
            results && !results.length ? "0 dari " + n + " studi kasus" : "Tidak ada studi kasus yang cocok dengan saringan ini. Kurangi saringan atau ubah kata kunci.";
          if (results && !results.length && !pending) noResults(loader, text, noneBox);
          else if (approx) approximateNote(loader, text, noneBox);
          updateFilterCount();
          moreButton.hidden = final.length <= shown;
          rootEl.setAttribute("data-search-state", pending ? "loading" : "ready");
          writeURL(state());
        });
      });
    }

    function defaultOrder(docs) {
      var refs = docs.years.map(function (_y, i) { return i; });
      return refs.sort(function (a, b) { return docs.years[b] - docs.years[a] || a - b; });
    }

    function start() {
      if (started) return;
      started = true;
      rootEl.setAttribute("data-search-state", "loading");
      status.textContent = "Memuat indeks pencarian…";
      Promise.all([loader.start(), loadJSON(loader.url("search/facets.json"))]).then(function (got) {
        facets = got[1].facets;
        facets.forEach(function (f) {
          f.number = new Map();
          f.values.forEach(function (v, i) { f.number.set(v[0], i); });
        });
        loader.listeners.push(render);
        render();
      }).catch(function () {
        status.textContent = "Pencarian gagal dimuat. Gunakan daftar jelajah di bawah.";
      });
    }

    var update = throttle(function () { shown = PAGE; if (facets) render(); else start(); }, 50);
    input.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (ev) { ev.preventDefault(); update(); });
    input.addEventListener("focus", start);
    form.addEventListener("focusin", start);
    moreButton.addEventListener("click", function () { shown += PAGE; render(); });
    rootEl.classList.add("katalog-finder--js");
    var touched = rootEl.contains(document.activeElement) || form.querySelector("input:checked, select option:checked[value]:not([value=''])");
    if (readURL() || touched || input.value) start();
  }

  /* ---------------------------------------------------------------- boot */

  function boot() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-katalog-search]"), initHeader);
    Array.prototype.forEach.call(document.querySelectorAll("[data-katalog-finder]"), initFinder);
  }

  root.katalogSearchBoot = boot;
  // For tests and the benchmark: the loader (engine, docs) serving a given base URL.
  core.loader = loaderFor;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})(typeof window !== "undefined" ? window : this);
