/* Facilitator kit: the "Bagikan" (share) and "Cetak" (print) buttons on case and collection
   pages. Share uses the Web Share API where the browser has it, otherwise copies the link
   and says so in a visible, announced status line. Buttons stay hidden without JavaScript. */
(function () {
  "use strict";

  function pageUrl(button) {
    var given = button.getAttribute("data-url");
    if (given) return given;
    return location.href.replace(/#.*$/, "");
  }

  function say(box, text) {
    if (!box) return;
    box.textContent = "";
    // A fresh text node after a tick: screen readers announce a repeated message again.
    setTimeout(function () { box.textContent = text; }, 30);
  }

  function copyWithSelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  function copyLink(url, box) {
    var done = function () { say(box, "Tautan disalin: " + url); };
    var manual = function () {
      if (copyWithSelection(url)) done();
      else say(box, "Salin tautan ini: " + url);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(done, manual);
    } else {
      manual();
    }
  }

  function setUp(kit) {
    var share = kit.querySelector("[data-katalog-share]");
    var print = kit.querySelector("[data-katalog-print]");
    var box = kit.querySelector("[data-katalog-share-status]");
    if (share) {
      share.hidden = false;
      if (!navigator.share) share.textContent = "Salin tautan";
      share.addEventListener("click", function () {
        var url = pageUrl(share);
        if (navigator.share) {
          navigator.share({ title: share.getAttribute("data-name") || document.title, url: url })
            .catch(function (err) { if (!err || err.name !== "AbortError") copyLink(url, box); });
        } else {
          copyLink(url, box);
        }
      });
    }
    if (print && typeof window.print === "function") {
      print.hidden = false;
      print.addEventListener("click", function () { window.print(); });
    }
  }

  function start() {
    var kits = document.querySelectorAll("[data-katalog-kit]");
    for (var i = 0; i < kits.length; i++) setUp(kits[i]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
