/* The timeline index: the filter form, the search, and the embed snippet for the current filters.
   Without JavaScript the form stays hidden and the whole timeline shows. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form || !window.DatelineFilters) { return; }
  var filters = window.DatelineFilters;
  var items = Array.prototype.slice.call(document.querySelectorAll("ol.timeline > li[data-start]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("section.year, section.month"));
  var status = document.getElementById("filter-status");
  var code = document.getElementById("embed-code");
  var searchLoaded = false;
  var texts = new Map();  /* each item's words, kept once the search file is in: typing stays quick */
  /* Each item's year: the browser lays out only the years near the screen, each taking the room
     of the events it shows until it comes near (style.css), so each year is told how many. */
  var yearOf = items.map(function (item) { return item.closest("section.year"); });
  var FEW = 500;  /* a list of fewer events is laid out whole (see style.css) */

  function textOf(item) {
    var known = texts.get(item);
    if (known !== undefined) { return known; }
    var slug = item.getAttribute("data-slug");
    var body = (window.DATELINE_SEARCH && window.DATELINE_SEARCH[slug]) || "";
    var text = (item.querySelector(".event-title").textContent + " " + body).toLowerCase();
    if (window.DATELINE_SEARCH) { texts.set(item, text); }
    return text;
  }

  function loadSearch() {
    if (searchLoaded) { return; }
    searchLoaded = true;
    var script = document.createElement("script");
    script.src = form.getAttribute("data-search");
    script.onload = apply;
    document.head.appendChild(script);
  }

  function params() {
    var found = new URLSearchParams();
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.name && field.value.trim()) { found.append(field.name, field.value.trim()); }
    });
    return found;
  }

  function apply() {
    var query = params();
    var wanted = filters.criteria(query);
    if (wanted.q) { loadSearch(); }
    var shown = 0;
    var perYear = new Map();
    items.forEach(function (item, index) {
      var match = filters.matches(item, wanted, textOf);
      item.hidden = !match;
      if (match) {
        shown += 1;
        perYear.set(yearOf[index], (perYear.get(yearOf[index]) || 0) + 1);
      }
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector("ol.timeline > li:not([hidden])");
      if (group.classList.contains("year")) { group.style.setProperty("--events", perYear.get(group) || 0); }
    });
    document.documentElement.classList.toggle("few-shown", shown < FEW);
    status.textContent = shown + " of " + items.length + " events";
    var search = query.toString();
    try {
      history.replaceState(null, "", (search ? "?" + search : location.pathname) + location.hash);
    } catch (error) {
      /* some browsers refuse to change the address of a page opened from disk: filters still work */
    }
    query.delete("q");
    var embed = new URL("embed.html" + (query.toString() ? "?" + query.toString() : ""), location.href);
    code.textContent = code.textContent.replace(/src="[^"]*"/, 'src="' + embed.href + '"');
  }

  var initial = new URLSearchParams(location.search);
  Array.prototype.forEach.call(form.elements, function (field) {
    if (field.name && initial.get(field.name)) { field.value = initial.get(field.name); }
  });
  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  apply();
}());
