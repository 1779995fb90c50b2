// Gomoku (five in a row, freestyle): players 1 (black, first) and 2 take turns placing a stone on an
// empty point of an n x n board (9..19, 15 by default); five or more in a row across, down or on a
// diagonal wins; a full board is a draw. cells[y * n + x]. The computer scores every point near the
// stones by the threats it makes and the ones it blocks. No DOM access; the page and node tests share it.
var GomokuRules = (function () {
  'use strict';
  var DIRS = [[1, 0], [0, 1], [1, 1], [1, -1]];

  function create(n) {
    n = Math.max(9, Math.min(19, Math.round(Number(n)) || 15));
    var cells = [];
    for (var i = 0; i < n * n; i++) cells.push(0);
    return { n: n, cells: cells, turn: 1, count: 0, winner: 0, line: null, last: -1 };
  }
  function clone(s) {
    return { n: s.n, cells: s.cells.slice(), turn: s.turn, count: s.count, winner: s.winner, line: s.line, last: s.last };
  }
  function at(s, x, y) { return x < 0 || y < 0 || x >= s.n || y >= s.n ? -1 : s.cells[y * s.n + x]; }
  // the longest line of five or more through (x, y) for its owner, as [[x, y], ...], or null
  function fiveThrough(s, x, y) {
    var p = at(s, x, y);
    if (p <= 0) return null;
    for (var d = 0; d < 4; d++) {
      var dx = DIRS[d][0], dy = DIRS[d][1], cells = [[x, y]], k;
      for (k = 1; at(s, x + dx * k, y + dy * k) === p; k++) cells.push([x + dx * k, y + dy * k]);
      for (k = 1; at(s, x - dx * k, y - dy * k) === p; k++) cells.unshift([x - dx * k, y - dy * k]);
      if (cells.length >= 5) return cells;
    }
    return null;
  }
  // place a stone for the player to move; false when the point is taken or the game is over
  function place(s, x, y) {
    if (s.winner || at(s, x, y) !== 0) return false;
    s.cells[y * s.n + x] = s.turn;
    s.count++;
    s.last = y * s.n + x;
    var line = fiveThrough(s, x, y);
    if (line) { s.winner = s.turn; s.line = line; }
    s.turn = 3 - s.turn;
    return true;
  }
  function full(s) { return s.count >= s.n * s.n; }
  function result(s) {
    if (s.winner) return { winner: s.winner, line: s.line };
    if (full(s)) return { winner: 0, line: null };
    return null;
  }

  // ---- threat scoring: the shape a stone of player p at (x, y) makes along each direction, as a level:
  // 0 five, 1 open four, 2 four, 3 open three, 4 three, 5 open two, 6 two, 7 nothing
  var SHAPES = [
    /xxxxx/, /\.xxxx\./,
    /xxxx\.|\.xxxx|xxx\.x|x\.xxx|xx\.xx/,
    /\.xxx\.\.|\.\.xxx\.|\.xx\.x\.|\.x\.xx\./,
    /\.xxx\.|xxx\.\.|\.\.xxx|xx\.x\.|\.x\.xx|x\.xx\.|\.xx\.x|xx\.\.x|x\.\.xx|x\.x\.x/,
    /\.\.xx\.\.|\.xx\.\.|\.\.xx\.|\.x\.x\.|\.x\.\.x\./,
    /xx|x\.x/
  ].map(function (re) { return new RegExp(re.source, 'g'); });
  // what a point is worth to the side that moves (attack) and for blocking the other side (defence)
  var ATTACK = [1e8, 1e7, 6e4, 5e4, 2e3, 400, 60, 10];
  var DEFENCE = [5e7, 2e6, 2e4, 1.2e4, 1000, 300, 50, 8];
  function lineText(s, x, y, dx, dy, p) {
    var t = '';
    for (var k = -5; k <= 5; k++) {
      var v = k === 0 ? p : at(s, x + dx * k, y + dy * k);
      t += v === p ? 'x' : v === 0 ? '.' : 'o';
    }
    return t;
  }
  function shapeLevel(text) {
    for (var i = 0; i < SHAPES.length; i++) {
      var re = SHAPES[i], m;
      re.lastIndex = 0;
      while ((m = re.exec(text))) {
        // the shape must include the new stone (index 5)
        if (m.index <= 5 && m.index + m[0].length > 5) { re.lastIndex = 0; return i; }
        re.lastIndex = m.index + 1;
      }
    }
    return 7;
  }
  // the four levels of a stone of p at (x, y), best first
  function levels(s, x, y, p) {
    var out = [];
    for (var d = 0; d < 4; d++) out.push(shapeLevel(lineText(s, x, y, DIRS[d][0], DIRS[d][1], p)));
    return out.sort(function (a, b) { return a - b; });
  }
  function worth(lv, table, attack) {
    var v = 0;
    for (var i = 0; i < lv.length; i++) v += table[lv[i]];
    // two threats at once win: four-four and four-three force it, three-three nearly
    if (lv[0] >= 2 && lv[1] <= 3) v += lv[0] === 2 ? (attack ? 5e6 : 1e6) : (attack ? 1.5e6 : 6e5);
    return v;
  }
  function pointScore(s, x, y, p) { return worth(levels(s, x, y, p), ATTACK, true); }
  function near(s, x, y, r) {
    for (var dy = -r; dy <= r; dy++) for (var dx = -r; dx <= r; dx++) if (at(s, x + dx, y + dy) > 0) return true;
    return false;
  }
  function candidates(s) {
    var n = s.n, out = [];
    if (!s.count) return [(n >> 1) * n + (n >> 1)];
    for (var y = 0; y < n; y++) {
      for (var x = 0; x < n; x++) if (!s.cells[y * n + x] && near(s, x, y, 2)) out.push(y * n + x);
    }
    return out;
  }
  // scored points for the side to move, best first: [{i, x, y, score}]
  function ranked(s, defence) {
    var me = s.turn, them = 3 - me, n = s.n;
    return candidates(s).map(function (i) {
      var x = i % n, y = Math.floor(i / n), centre = -(Math.abs(x - (n - 1) / 2) + Math.abs(y - (n - 1) / 2));
      var v = worth(levels(s, x, y, me), ATTACK, true) + defence * worth(levels(s, x, y, them), DEFENCE, false);
      return { i: i, x: x, y: y, score: v + centre };
    }).sort(function (a, b) { return b.score - a.score || a.i - b.i; });
  }
  // points where p would complete five along the lines through (x, y)
  function fivePoints(s, x, y, p) {
    var out = [];
    for (var d = 0; d < 4; d++) {
      for (var k = -4; k <= 4; k++) {
        var px = x + DIRS[d][0] * k, py = y + DIRS[d][1] * k;
        if (at(s, px, py) !== 0) continue;
        s.cells[py * s.n + px] = p;
        var five = fiveThrough(s, px, py);
        s.cells[py * s.n + px] = 0;
        if (five && out.indexOf(py * s.n + px) < 0) out.push(py * s.n + px);
      }
    }
    return out;
  }
  // a quick filter: at least three of p's stones within four points along some line through (x, y)
  function maybeFour(s, x, y, p) {
    for (var d = 0; d < 4; d++) {
      var c = 0;
      for (var k = -4; k <= 4; k++) if (k && at(s, x + DIRS[d][0] * k, y + DIRS[d][1] * k) === p) c++;
      if (c >= 3) return true;
    }
    return false;
  }
  function makesFive(s, x, y, p) {
    if (at(s, x, y) !== 0 || !maybeFour(s, x, y, p)) return false;
    s.cells[y * s.n + x] = p;
    var five = fiveThrough(s, x, y);
    s.cells[y * s.n + x] = 0;
    return !!five;
  }
  // victory by continuous fours: a first point from which fours, each answered by the one forced block,
  // end in five or in two five points at once; null when none is found within the budget
  function vcf(s, depth, budget) {
    if (depth <= 0 || budget.n <= 0) return null;
    budget.n -= 4;
    var me = s.turn, them = 3 - me, n = s.n;
    var cands = candidates(s);
    // a four is no threat to a side that can make five itself
    for (var f = 0; f < cands.length; f++) if (makesFive(s, cands[f] % n, Math.floor(cands[f] / n), them)) return null;
    for (var i = 0; i < cands.length; i++) {
      var x = cands[i] % n, y = Math.floor(cands[i] / n);
      if (!maybeFour(s, x, y, me) || levels(s, x, y, me)[0] > 2) continue;
      budget.n--;
      var t = clone(s);
      place(t, x, y);
      if (t.winner) return { x: x, y: y };
      var fp = fivePoints(t, x, y, me);
      if (fp.length >= 2) return { x: x, y: y };
      if (fp.length !== 1) continue;
      var bx = fp[0] % n, by = Math.floor(fp[0] / n);
      place(t, bx, by);
      if (t.winner) continue;
      // a block that makes the defender a four of their own breaks the chain
      if (fivePoints(t, bx, by, them).length) continue;
      if (vcf(t, depth - 1, budget)) return { x: x, y: y };
      if (budget.n <= 0) return null;
    }
    return null;
  }
  // the opponent's strongest point after a move (attack only), or 0 when the move leaves them a forced block
  function replyThreat(t, x, y) {
    var me = 3 - t.turn, them = t.turn;
    if (fivePoints(t, x, y, me).length) return 0;
    var best = 0, cands = candidates(t), n = t.n;
    for (var i = 0; i < cands.length; i++) {
      var v = worth(levels(t, cands[i] % n, Math.floor(cands[i] / n), them), ATTACK, true);
      if (v > best) best = v;
    }
    return best;
  }
  // the computer's point {x, y}; opts.level 0 easy, 1 normal, 2 hard; opts.rng for the easy level's slips
  function bestMove(s, opts) {
    opts = opts || {};
    var level = opts.level == null ? 1 : opts.level, rng = opts.rng;
    if (s.winner || full(s)) return null;
    var list = ranked(s, level === 0 ? 0.7 : 1);
    if (!list.length) return null;
    if (list[0].score >= 5e7) return { x: list[0].x, y: list[0].y }; // five, or blocking five
    if (level === 0) {
      // an easy opponent wins and blocks, but otherwise often takes one of its top few points
      var j = rng && list[0].score < 4e4 ? Math.floor(rng() * Math.min(list.length, 4)) : 0;
      return { x: list[j].x, y: list[j].y };
    }
    if (level >= 2 && list[0].score < 1e7) {
      var win = vcf(s, 12, { n: 2000 });
      if (win) return win;
    }
    // look one reply ahead among the best few: do not hand the opponent a double threat
    var best = list[0], bestV = -Infinity, top = list.slice(0, level >= 2 ? 8 : 6);
    for (var i = 0; i < top.length; i++) {
      var t = clone(s);
      place(t, top[i].x, top[i].y);
      var r = replyThreat(t, top[i].x, top[i].y), v = top[i].score - (r >= 1e6 ? r : r * 0.35);
      if (level >= 2 && r < 1e6 && vcf(t, 8, { n: 400 })) v -= 5e6;
      if (v > bestV) { bestV = v; best = top[i]; }
    }
    return { x: best.x, y: best.y };
  }

  var api = {
    create: create, clone: clone, at: at, place: place, fiveThrough: fiveThrough, full: full, result: result,
    pointScore: pointScore, levels: levels, ranked: ranked, vcf: vcf, bestMove: bestMove
  };
  return api;
})();
if (typeof module !== 'undefined') module.exports = GomokuRules;
