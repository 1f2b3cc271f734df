/* The embed page: apply the filters in its address, and tell the page around the frame how tall
   the content is: postMessage({type: "dateline:height", height}). */
(function () {
  "use strict";
  var filters = window.DatelineFilters;
  var items = Array.prototype.slice.call(document.querySelectorAll(".embed-timeline > li"));
  var wanted = filters.criteria(new URLSearchParams(location.search));
  var shown = 0;
  items.forEach(function (item) {
    var match = filters.matches(item, wanted, function (element) { return element.textContent.toLowerCase(); });
    item.hidden = !match;
    if (match) { shown += 1; }
  });
  document.getElementById("embed-status").textContent = shown === items.length
    ? items.length + " events" : shown + " of " + items.length + " events";
  document.querySelector(".empty").hidden = shown > 0;

  function report() {
    if (window.parent !== window) {
      window.parent.postMessage({ type: "dateline:height", height: document.documentElement.scrollHeight }, "*");
    }
  }
  window.addEventListener("load", report);
  window.addEventListener("resize", report);
  if (window.ResizeObserver) { new ResizeObserver(report).observe(document.body); }
  report();
}());
