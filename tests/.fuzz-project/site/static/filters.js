/* Dateline filters: shared by the timeline index and the embed page. They work on any element
   that carries data-tags, data-people, data-place (values separated by "|") and data-start and
   data-end (days written yyyymmdd). Criteria come from a query string: tag, person, place (each
   may repeat: any of the values matches), from and to (2022, 2022-09 or 2022-09-08), and q
   (words to find in titles and bodies). */
(function () {
  "use strict";

  function lastDay(year, month) {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
  }

  /* "2022-09" -> 20220901 (or 20220930 for the end of a window); null when unreadable. */
  function parseDay(text, end) {
    var match = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(text || "");
    if (!match) { return null; }
    var year = Number(match[1]);
    var month = match[2] ? Number(match[2]) : (end ? 12 : 1);
    if (month < 1 || month > 12) { return null; }
    var day = match[3] ? Number(match[3]) : (end ? lastDay(year, month) : 1);
    return year * 10000 + month * 100 + day;
  }

  function values(params, name) {
    return params.getAll(name).map(function (value) { return value.trim().toLowerCase(); })
      .filter(function (value) { return value; });
  }

  function criteria(params) {
    return {
      tags: values(params, "tag"), people: values(params, "person"), places: values(params, "place"),
      from: parseDay(params.get("from"), false), to: parseDay(params.get("to"), true),
      q: (params.get("q") || "").trim().toLowerCase()
    };
  }

  function anyOf(wanted, present) {
    if (!wanted.length) { return true; }
    return wanted.some(function (value) { return present.indexOf(value) >= 0; });
  }

  function listed(element, name) {
    var value = element.getAttribute("data-" + name);
    return value ? value.toLowerCase().split("|") : [];
  }

  /* Whether an element matches; `text` gives the words to search for q (title, then body). */
  function matches(element, wanted, text) {
    var start = Number(element.getAttribute("data-start"));
    var end = Number(element.getAttribute("data-end"));
    return anyOf(wanted.tags, listed(element, "tags")) &&
      anyOf(wanted.people, listed(element, "people")) &&
      anyOf(wanted.places, listed(element, "place")) &&
      (wanted.from === null || end >= wanted.from) &&
      (wanted.to === null || start <= wanted.to) &&
      (!wanted.q || text(element).indexOf(wanted.q) >= 0);
  }

  window.DatelineFilters = { criteria: criteria, matches: matches, parseDay: parseDay };
}());
