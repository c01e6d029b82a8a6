// casefile: the only script. Counts ticked entries for the pack builder, brings a quoted span into view,
// and on a page image: ← → page through the document, + − zoom, t shows the text.
(function () {
  "use strict";
  function ready(fn) { if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn); }
  ready(function () {
    var count = document.getElementById("pick-count");
    var button = document.getElementById("pack-selected");
    if (count && button) {
      var boxes = document.querySelectorAll('input[name="event"][form="pack-form"]');
      var update = function () {
        var n = 0;
        for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) n++;
        count.textContent = String(n);
        button.disabled = n === 0;
      };
      for (var i = 0; i < boxes.length; i++) boxes[i].addEventListener("change", update);
      update();
    }
    var quote = document.getElementById("quote");
    if (quote && quote.scrollIntoView) quote.scrollIntoView({ block: "center", inline: "center" });
    var sheet = document.querySelector(".sheet[data-zoom]");
    if (sheet) pageKeys(sheet, quote);
  });

  function pageKeys(sheet, quote) {
    var levels = ["1", "1.5", "2", "3"];
    var zoom = function (step) {
      var i = levels.indexOf(sheet.getAttribute("data-zoom"));
      sheet.setAttribute("data-zoom", levels[Math.max(0, Math.min(levels.length - 1, i + step))]);
      if (quote && quote.scrollIntoView) quote.scrollIntoView({ block: "center", inline: "center" });
    };
    var buttons = document.querySelectorAll("button[data-zoom]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function (e) { zoom(e.currentTarget.getAttribute("data-zoom") === "in" ? 1 : -1); });
    }
    var go = function (selector) {
      var link = document.querySelector(selector);
      if (link) window.location.href = link.href;
      return !!link;
    };
    document.addEventListener("keydown", function (e) {
      var t = e.target;
      if (e.altKey || e.ctrlKey || e.metaKey || (t && /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(t.tagName))) return;
      var zoomed = sheet.getAttribute("data-zoom") !== "1";   // zoomed in, the arrows move the image
      var done = false;
      if (e.key === "ArrowLeft" && !zoomed) done = go('.pager a[rel="prev"]');
      else if (e.key === "ArrowRight" && !zoomed) done = go('.pager a[rel="next"]');
      else if (e.key === "t") done = go(".pager a.toggle");
      else if (e.key === "+" || e.key === "=") { zoom(1); done = true; }
      else if (e.key === "-") { zoom(-1); done = true; }
      if (done) e.preventDefault();
    });
  }
})();
