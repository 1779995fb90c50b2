// Bingo (賓果) as it is played in class: two people (or a person and the computer) each hold an n x n card of the
// same numbers in their own order, take turns calling numbers, and both mark every number called. A line is a full
// row, column or diagonal; the first to `target` lines wins, and both reaching it on the same call is a tie.
// No DOM access; the page and node tests share it.
var BingoRules = (function () {
  'use strict';
  var MAX_RANGE = 100000;

  function int(v, def) { v = Number(v); return Number.isFinite(v) ? Math.round(v) : def; }
  function clamp(v, a, b) { return Math.max(a, Math.min(b, v)); }
  function fixedRng() { var x = 12345; return function () { x = (x * 16807) % 2147483647; return (x - 1) / 2147483646; }; }

  // the card's size and numbers: opts {size, min, max, rng}. size 3-7 (default 5, or the side of a square range
  // such as 1-16 or 1-36); the numbers are min..max when that holds exactly size*size of them, the first
  // size*size from min when it holds fewer, and size*size of them drawn at random (sorted) when it holds more
  function numbers(opts) {
    opts = opts || {};
    var min = clamp(int(opts.min, 1), 0, 9999), hasMax = opts.max != null && opts.max !== '' && Number.isFinite(Number(opts.max));
    var max = hasMax ? clamp(int(opts.max, min), min, min + MAX_RANGE) : null;
    var n = opts.size != null && Number.isFinite(Number(opts.size)) ? clamp(int(opts.size, 5), 3, 7) : 0;
    if (!n) {
      var span = max == null ? 25 : max - min + 1, root = Math.round(Math.sqrt(span));
      n = root * root === span && root >= 3 && root <= 7 ? root : 5;
    }
    var count = n * n, nums = [], i;
    if (max == null || max - min + 1 <= count) {
      for (i = 0; i < count; i++) nums.push(min + i);
    } else {
      var rng = opts.rng || fixedRng(), seen = {};
      while (nums.length < count) {
        var x = min + Math.floor(rng() * (max - min + 1));
        if (!seen[x]) { seen[x] = 1; nums.push(x); }
      }
      nums.sort(function (a, b) { return a - b; });
    }
    return { n: n, nums: nums, min: nums[0], max: nums[nums.length - 1] };
  }

  var LINES = {};
  // every line of an n x n card as cell indices: rows, then columns, then the two diagonals
  function lines(n) {
    if (LINES[n]) return LINES[n];
    var out = [], r, c, d1 = [], d2 = [];
    for (r = 0; r < n; r++) { var row = []; for (c = 0; c < n; c++) row.push(r * n + c); out.push(row); }
    for (c = 0; c < n; c++) { var col = []; for (r = 0; r < n; r++) col.push(r * n + c); out.push(col); }
    for (r = 0; r < n; r++) { d1.push(r * n + r); d2.push(r * n + n - 1 - r); }
    out.push(d1, d2);
    LINES[n] = out;
    return out;
  }
  function sideOf(card) { return Math.round(Math.sqrt(card.length)); }
  function calledSet(called) {
    if (called instanceof Set) return called;
    var s = new Set();
    (called || []).forEach(function (x) { s.add(Number(x)); });
    return s;
  }
  // which cells of a card are marked by the numbers called so far
  function marks(card, called) {
    var s = calledSet(called);
    return card.map(function (x) { return x != null && s.has(Number(x)); });
  }
  // the complete lines of a card (indices into lines(n)), and how many there are
  function completed(card, called) {
    var m = marks(card, called), n = sideOf(card);
    var out = [];
    lines(n).forEach(function (ln, k) { if (ln.every(function (i) { return m[i]; })) out.push(k); });
    return out;
  }
  function count(card, called) { return completed(card, called).length; }

  // a whole card in a random order (rng: a function giving [0, 1), such as FG.rng)
  function shuffle(nums, rng) {
    var a = nums.slice();
    for (var i = a.length - 1; i > 0; i--) { var j = Math.floor(rng() * (i + 1)); var t = a[i]; a[i] = a[j]; a[j] = t; }
    return a;
  }

  // after a call: 'a' (the first card reached the target), 'b', 'tie' (both on the same call), or '' (play on)
  function outcome(linesA, linesB, target) {
    var a = linesA >= target, b = linesB >= target;
    return a && b ? 'tie' : a ? 'a' : b ? 'b' : '';
  }

  // how much calling the number in cell i helps this card: lines it completes count most, then lines it
  // brings closer (the fuller the line, the more), and the centre and diagonals a little
  function worth(m, n, i) {
    var v = 0;
    lines(n).forEach(function (ln) {
      if (ln.indexOf(i) < 0) return;
      var have = 0;
      for (var k = 0; k < ln.length; k++) if (m[ln[k]]) have++;
      v += have === n - 1 ? 1000 : (have + 1) * (have + 1);
    });
    return v;
  }
  // the computer's call: an uncalled number of its card, the one that helps its own lines most (opts.level
  // 'easy' calls at random half of the time); rng breaks ties. Every number is on both cards, so a call is
  // always one the other side can mark too.
  function computerCall(card, called, opts) {
    opts = opts || {};
    var rng = opts.rng || fixedRng(), s = calledSet(called), m = marks(card, s), n = sideOf(card);
    var open = [];
    card.forEach(function (x, i) { if (x != null && !s.has(Number(x))) open.push(i); });
    if (!open.length) return null;
    if (opts.level === 'easy' && rng() < 0.5) return card[open[Math.floor(rng() * open.length)]];
    var best = -1, pick = [];
    open.forEach(function (i) {
      var v = worth(m, n, i) + (opts.level === 'hard' ? 0 : rng() * 3);
      if (v > best + 1e-9) { best = v; pick = [i]; } else if (Math.abs(v - best) <= 1e-9) pick.push(i);
    });
    return card[pick[Math.floor(rng() * pick.length)]];
  }

  // a card filled by hand: the next number to place (the smallest not yet on it), or null when it is full
  function nextNumber(card, nums) {
    var on = new Set(card.filter(function (x) { return x != null; }));
    for (var i = 0; i < nums.length; i++) if (!on.has(nums[i])) return nums[i];
    return null;
  }
  function isFull(card, nums) {
    if (card.length !== nums.length) return false;
    var on = new Set(card);
    return nums.every(function (x) { return on.has(x); });
  }

  return {
    numbers: numbers, lines: lines, marks: marks, completed: completed, count: count, shuffle: shuffle,
    outcome: outcome, worth: worth, computerCall: computerCall, nextNumber: nextNumber, isFull: isFull
  };
})();
if (typeof module !== 'undefined') module.exports = BingoRules;
