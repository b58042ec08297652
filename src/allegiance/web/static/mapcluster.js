// Pure helpers of the map (no DOM): which events a filter keeps, and how nearby points group into
// clusters at the current zoom. Loaded by map.html before map.js; also a CommonJS module, so the
// tests run it under Node without a browser.
"use strict";
(function (root) {
  // "2021-02-28" → "2021-02" (month), "2021" (year), or the ISO week's Monday for "week".
  function periodOf(day, period) {
    if (!day) return "undated";
    if (period === "year") return day.slice(0, 4);
    if (period === "week") {
      var d = new Date(day.slice(0, 10) + "T00:00:00Z");
      var back = (d.getUTCDay() + 6) % 7;  // days since Monday
      d.setUTCDate(d.getUTCDate() - back);
      return d.toISOString().slice(0, 10);
    }
    return day.slice(0, 7);
  }

  // Events kept by the period ("" = all) and the categories switched off (a set of names).
  function keep(events, period, periodKind, hidden) {
    return events.filter(function (e) {
      if (hidden && hidden[e.event]) return false;
      return !period || periodOf(e.day, periodKind) === period;
    });
  }

  // Greedy grouping in map units: a point joins the first cluster whose centre lies within
  // `radius`, and the centre moves to the members' mean. Input order decides ties, so the result
  // is the same on every draw. Returns [{x, y, members: [...]}].
  function cluster(points, radius) {
    var out = [];
    var r2 = radius * radius;
    points.forEach(function (p) {
      for (var i = 0; i < out.length; i++) {
        var c = out[i], dx = c.x - p.x, dy = c.y - p.y;
        if (dx * dx + dy * dy <= r2) {
          c.members.push(p);
          c.x += (p.x - c.x) / c.members.length;
          c.y += (p.y - c.y) / c.members.length;
          return;
        }
      }
      out.push({ x: p.x, y: p.y, members: [p] });
    });
    return out;
  }

  // The distinct periods of the events, newest first.
  function periods(events, periodKind) {
    var seen = {};
    events.forEach(function (e) { seen[periodOf(e.day, periodKind)] = true; });
    return Object.keys(seen).sort().reverse();
  }

  var api = { periodOf: periodOf, keep: keep, cluster: cluster, periods: periods };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.AllegianceMap = api;
})(this);
