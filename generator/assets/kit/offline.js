/* Offline copy (the zip linked from /data/), opened from disk over file://.
   Browsers refuse fetch() of local files, so every JSON file the site fetches ships beside
   it as "<name>.json.js", a script that stores the data under its own address; this shim
   answers fetch() of a local .json from those scripts. Links to folders ("…/inovasi/x/")
   that scripts build at run time are sent to the folder's index.html. Online it does nothing. */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;
  var store = window.katalogOffline = window.katalogOffline || {};
  var pending = {};
  var realFetch = typeof window.fetch === "function" ? window.fetch.bind(window) : null;

  function load(key) {
    if (Object.prototype.hasOwnProperty.call(store, key)) return Promise.resolve(store[key]);
    if (!pending[key]) {
      pending[key] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = key + ".js";
        s.onload = function () {
          if (Object.prototype.hasOwnProperty.call(store, key)) resolve(store[key]);
          else reject(new Error("data luring tidak ditemukan: " + key));
        };
        s.onerror = function () { reject(new Error("gagal memuat " + s.src)); };
        (document.head || document.documentElement).appendChild(s);
      });
    }
    return pending[key];
  }

  window.fetch = function (input, init) {
    var raw = typeof input === "string" ? input : (input && input.url) || String(input);
    var url = new URL(raw, location.href);
    if (url.protocol === "file:" && /\.json$/.test(url.pathname)) {
      var key = url.href.replace(/[?#].*$/, "");
      return load(key).then(function (data) {
        return new Response(JSON.stringify(data), { status: 200, headers: { "Content-Type": "application/json" } });
      });
    }
    return realFetch ? realFetch(input, init) : Promise.reject(new TypeError("fetch tidak tersedia"));
  };

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    var link = event.target && event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || link.target === "_blank") return;
    var url = new URL(link.getAttribute("href"), location.href);
    if (url.protocol !== "file:" || !/\/$/.test(url.pathname)) return;
    event.preventDefault();
    url.pathname += "index.html";
    location.href = url.href;
  }, true);

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || !form.getAttribute || (form.method || "get").toLowerCase() !== "get") return;
    var url = new URL(form.getAttribute("action") || "", location.href);
    if (url.protocol === "file:" && /\/$/.test(url.pathname)) form.setAttribute("action", url.pathname + "index.html");
  }, true);
})();
