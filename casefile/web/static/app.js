// casefile: the only script. Counts ticked entries for the pack builder and brings a quoted span into view.
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
    if (quote && quote.scrollIntoView) quote.scrollIntoView({ block: "center" });
  });
})();
