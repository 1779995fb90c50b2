// Battleship: each side hides a fleet on an n x n grid (ships in straight lines across or down, inside the grid,
// never overlapping); the sides take turns firing at one cell of the other's grid: a miss, a hit, or a hit that
// sinks the ship when all its cells are hit. Whoever sinks the whole enemy fleet first wins.
// A board: {n, occ[r * n + c] = ship index or -1, ships: [{len, cells, hits}], shots[i]: 0 none, 1 miss, 2 hit,
// 3 sunk}. The computer hunts from what it can see (the shots grid only): random cells (on a checkerboard
// from 'normal' up) until a hit, then the hit's neighbours, then along the line two hits make.
// No DOM access; the page and node tests share it.
var BattleshipRules = (function () {
  'use strict';
  var NONE = 0, MISS = 1, HIT = 2, SUNK = 3;

  // the classic fleet (5, 4, 3, 3, 2), smaller on small boards
  function fleet(n) {
    n = clampSize(n);
    if (n >= 9) return [5, 4, 3, 3, 2];
    if (n === 8) return [4, 3, 3, 2];
    if (n === 7) return [4, 3, 2, 2];
    return [3, 3, 2];
  }
  // a fleet of k ships on an n x n board (k 1-8; none given: the classic one): the board's own fleet, its ships
  // taken evenly when fewer (longest kept first), ships of 3 and 2 added when more, and shortened while the fleet
  // would cover more than a third of the sea (so that it always fits and a game still has misses)
  function fleetOf(n, k) {
    var base = fleet(n);
    k = Math.round(Number(k));
    if (!(k >= 1)) return base;
    k = Math.min(8, k);
    n = clampSize(n);
    var out = [], i;
    if (k <= base.length) {
      for (i = 0; i < k; i++) out.push(base[k === 1 ? 0 : Math.round((i * (base.length - 1)) / (k - 1))]);
    } else {
      out = base.slice();
      while (out.length < k) out.push(out.length % 2 ? 2 : 3);
    }
    var total = function () { return out.reduce(function (a, b) { return a + b; }, 0); };
    while (total() * 3 > n * n) {
      var longest = out.indexOf(Math.max.apply(null, out));
      if (out[longest] <= 1) break;
      out[longest]--;
    }
    return out.sort(function (a, b) { return b - a; });
  }
  // games pass FG.rng (seeded); this stand-in is only for callers that give none
  function fallbackRng() { var x = 12345; return function () { x = (Math.imul(x, 1103515245) + 12345) >>> 0; return (x >>> 8) / 16777216; }; }
  function clampSize(n) { return Math.max(6, Math.min(10, Math.round(Number(n)) || 10)); }
  function create(n) {
    n = clampSize(n);
    var occ = [], shots = [];
    for (var i = 0; i < n * n; i++) { occ.push(-1); shots.push(NONE); }
    return { n: n, occ: occ, shots: shots, ships: [] };
  }
  // the cells a ship of len with its bow at (r, c) covers, or null when it leaves the grid
  function cellsFor(n, r, c, len, vertical) {
    var out = [];
    for (var k = 0; k < len; k++) {
      var rr = vertical ? r + k : r, cc = vertical ? c : c + k;
      if (rr < 0 || cc < 0 || rr >= n || cc >= n) return null;
      out.push(rr * n + cc);
    }
    return out;
  }
  function canPlace(b, r, c, len, vertical) {
    var cells = cellsFor(b.n, r, c, len, vertical);
    if (!cells) return false;
    for (var k = 0; k < cells.length; k++) if (b.occ[cells[k]] !== -1) return false;
    return true;
  }
  // puts a ship on the board; returns its index, or -1 when it does not fit
  function place(b, r, c, len, vertical) {
    if (!canPlace(b, r, c, len, vertical)) return -1;
    var cells = cellsFor(b.n, r, c, len, vertical), k = b.ships.length;
    b.ships.push({ len: len, cells: cells, hits: 0, vertical: !!vertical, r: r, c: c });
    cells.forEach(function (i) { b.occ[i] = k; });
    return k;
  }
  // takes the ship at cell i off the board (before the battle); returns its length, or 0
  function remove(b, i) {
    var k = b.occ[i];
    if (k == null || k < 0) return 0;
    var len = b.ships[k].len;
    b.ships.splice(k, 1);
    for (var j = 0; j < b.occ.length; j++) b.occ[j] = -1;
    b.ships.forEach(function (s, kk) { s.cells.forEach(function (x) { b.occ[x] = kk; }); });
    return len;
  }
  // a whole fleet at random (rng: a function giving [0, 1)); the board starts empty
  function randomFleet(n, lens, rng) {
    rng = rng || fallbackRng();
    for (var tries = 0; tries < 200; tries++) {
      var b = create(n), ok = true;
      for (var s = 0; s < lens.length && ok; s++) {
        var placed = false;
        for (var t = 0; t < 400 && !placed; t++) {
          var v = rng() < 0.5, r = Math.floor(rng() * b.n), c = Math.floor(rng() * b.n);
          placed = place(b, r, c, lens[s], v) >= 0;
        }
        ok = placed;
      }
      if (ok) return b;
    }
    return null;
  }
  function isSunk(b, k) { var s = b.ships[k]; return !!s && s.hits >= s.len; }
  function allSunk(b) { return b.ships.length > 0 && b.ships.every(function (s) { return s.hits >= s.len; }); }
  function afloat(b) { return b.ships.filter(function (s) { return s.hits < s.len; }).length; }
  // fires at cell i: {result: 'miss' | 'hit' | 'sunk' | 'repeat' | 'invalid', ship (index), cells (when sunk)}
  function shoot(b, i) {
    if (!(i >= 0 && i < b.n * b.n) || i !== Math.floor(i)) return { result: 'invalid' };
    if (b.shots[i] !== NONE) return { result: 'repeat' };
    var k = b.occ[i];
    if (k < 0) { b.shots[i] = MISS; return { result: 'miss' }; }
    b.shots[i] = HIT;
    var s = b.ships[k];
    s.hits++;
    if (s.hits < s.len) return { result: 'hit', ship: k };
    s.cells.forEach(function (x) { b.shots[x] = SUNK; });
    return { result: 'sunk', ship: k, cells: s.cells.slice(), len: s.len, over: allSunk(b) };
  }

  // the computer's next cell from the shots grid alone; never a cell already fired at.
  // opts: {rng, parity (hunt on a checkerboard), line (follow two hits along their line)}
  function aiPick(shots, n, opts) {
    opts = opts || {};
    var rng = opts.rng || fallbackRng(), free = function (r, c) { return r >= 0 && c >= 0 && r < n && c < n && shots[r * n + c] === NONE; };
    var hits = [], i, r, c;
    for (i = 0; i < n * n; i++) if (shots[i] === HIT) hits.push(i);
    var D = [[0, 1], [1, 0], [0, -1], [-1, 0]], cand = [];
    if (hits.length && opts.line !== false) {
      // two hits side by side make a line: try the free cells at its two ends
      hits.forEach(function (h) {
        var hr = Math.floor(h / n), hc = h % n;
        D.forEach(function (d) {
          var nr = hr + d[0], nc = hc + d[1];
          if (nr < 0 || nc < 0 || nr >= n || nc >= n || shots[nr * n + nc] !== HIT) return;
          var er = hr, ec = hc;
          while (er + d[0] >= 0 && ec + d[1] >= 0 && er + d[0] < n && ec + d[1] < n && shots[(er + d[0]) * n + ec + d[1]] === HIT) { er += d[0]; ec += d[1]; }
          if (free(er + d[0], ec + d[1])) cand.push((er + d[0]) * n + ec + d[1]);
          if (free(hr - d[0], hc - d[1])) cand.push((hr - d[0]) * n + hc - d[1]);
        });
      });
    }
    if (!cand.length && hits.length) {
      hits.forEach(function (h) {
        var hr = Math.floor(h / n), hc = h % n;
        D.forEach(function (d) { if (free(hr + d[0], hc + d[1])) cand.push((hr + d[0]) * n + hc + d[1]); });
      });
    }
    if (!cand.length) {
      var all = [], even = [];
      for (i = 0; i < n * n; i++) {
        if (shots[i] !== NONE) continue;
        all.push(i);
        r = Math.floor(i / n); c = i % n;
        if ((r + c) % 2 === 0) even.push(i);
      }
      cand = opts.parity && even.length ? even : all;
    }
    if (!cand.length) return -1;
    return cand[Math.floor(rng() * cand.length)];
  }

  return { NONE: NONE, MISS: MISS, HIT: HIT, SUNK: SUNK, fleet: fleet, fleetOf: fleetOf, create: create, cellsFor: cellsFor, canPlace: canPlace,
    place: place, remove: remove, randomFleet: randomFleet, isSunk: isSunk, allSunk: allSunk, afloat: afloat, shoot: shoot, aiPick: aiPick };
})();
if (typeof module !== 'undefined') module.exports = BattleshipRules;
