// Reversi (Othello): players 1 (black, first) and 2 (white) on an n x n board (8 by default; 6, 8 or 10).
// A disc must outflank: every straight line of the opponent's discs it closes (8 directions) flips.
// A side with no move passes; when neither can move the game ends and the discs are counted.
// cells[y * n + x]. The computer searches with alpha-beta over corners, edges and mobility.
// No DOM access; the page and node tests share it.
var ReversiRules = (function () {
  'use strict';
  var DIRS = [[-1, -1], [0, -1], [1, -1], [-1, 0], [1, 0], [-1, 1], [0, 1], [1, 1]];

  function create(n) {
    n = Math.round(Number(n)) || 8;
    n = Math.max(6, Math.min(10, n));
    if (n % 2) n++;
    if (n > 10) n = 10;
    var cells = [], h = n / 2;
    for (var i = 0; i < n * n; i++) cells.push(0);
    cells[(h - 1) * n + h - 1] = 2; cells[h * n + h] = 2;
    cells[(h - 1) * n + h] = 1; cells[h * n + h - 1] = 1;
    return { n: n, cells: cells, turn: 1, passes: 0, over: false, last: -1 };
  }
  function clone(s) { return { n: s.n, cells: s.cells.slice(), turn: s.turn, passes: s.passes, over: s.over, last: s.last }; }
  // from rows of text: '.' empty, 'X' black (1), 'O' white (2)
  function fromText(rows, turn) {
    var n = rows.length, s = { n: n, cells: [], turn: turn || 1, passes: 0, over: false, last: -1 };
    rows.forEach(function (row) { for (var x = 0; x < n; x++) s.cells.push(row[x] === 'X' ? 1 : row[x] === 'O' ? 2 : 0); });
    return s;
  }
  function at(s, x, y) { return x < 0 || y < 0 || x >= s.n || y >= s.n ? -1 : s.cells[y * s.n + x]; }
  // the cells a disc of player p at (x, y) would flip, as indexes (empty when the move is illegal)
  function flips(s, x, y, p) {
    var out = [];
    if (at(s, x, y) !== 0) return out;
    var q = 3 - p;
    for (var d = 0; d < 8; d++) {
      var dx = DIRS[d][0], dy = DIRS[d][1], cx = x + dx, cy = y + dy, line = [];
      while (at(s, cx, cy) === q) { line.push(cy * s.n + cx); cx += dx; cy += dy; }
      if (line.length && at(s, cx, cy) === p) for (var k = 0; k < line.length; k++) out.push(line[k]);
    }
    return out;
  }
  function moves(s, p) {
    p = p || s.turn;
    var out = [];
    for (var i = 0; i < s.cells.length; i++) {
      if (s.cells[i] === 0 && flips(s, i % s.n, Math.floor(i / s.n), p).length) out.push(i);
    }
    return out;
  }
  function count(s) {
    var c = [0, 0, 0];
    for (var i = 0; i < s.cells.length; i++) c[s.cells[i]]++;
    return { 1: c[1], 2: c[2], empty: c[0] };
  }
  // after a move: the next side moves, or passes when it cannot (back to the mover), or the game ends
  function advance(s) {
    var next = 3 - s.turn;
    if (moves(s, next).length) { s.turn = next; s.passes = 0; return 'turn'; }
    if (moves(s, s.turn).length) { s.passes++; return 'pass'; }
    s.over = true;
    return 'over';
  }
  // play at (x, y) for the side to move; returns the flipped cells (null when illegal) and what came next
  function play(s, x, y) {
    if (s.over) return null;
    var f = flips(s, x, y, s.turn);
    if (!f.length) return null;
    s.cells[y * s.n + x] = s.turn;
    for (var i = 0; i < f.length; i++) s.cells[f[i]] = s.turn;
    s.last = y * s.n + x;
    var next = advance(s);
    return { flipped: f, next: next };
  }
  // a side with no legal move passes (only allowed then)
  function pass(s) {
    if (s.over || moves(s, s.turn).length) return false;
    if (!moves(s, 3 - s.turn).length) { s.over = true; return false; }
    s.turn = 3 - s.turn;
    return true;
  }
  // null while the game goes on, else {winner: 1|2|0 (draw), count}
  function result(s) {
    if (!s.over && (moves(s, 1).length || moves(s, 2).length)) return null;
    var c = count(s);
    return { winner: c[1] > c[2] ? 1 : c[2] > c[1] ? 2 : 0, count: c };
  }

  // ---- the computer
  function weights(n) {
    var w = [];
    for (var y = 0; y < n; y++) {
      for (var x = 0; x < n; x++) {
        var ex = x === 0 || x === n - 1, ey = y === 0 || y === n - 1;
        var nx = x === 1 || x === n - 2, ny = y === 1 || y === n - 2;
        var v = 1;
        if (ex && ey) v = 100;
        else if ((nx && ny)) v = -40; // X squares
        else if ((ex && ny) || (ey && nx)) v = -15; // C squares
        else if (ex || ey) v = 10;
        else if (nx || ny) v = -3;
        w.push(v);
      }
    }
    return w;
  }
  var WCACHE = {};
  function evaluate(s, me) {
    var n = s.n, w = WCACHE[n] || (WCACHE[n] = weights(n)), v = 0, them = 3 - me, c = count(s);
    if (!c.empty || s.over) return c[me] > c[them] ? 10000 + c[me] - c[them] : c[me] < c[them] ? -10000 - c[them] + c[me] : 0;
    // a taken corner makes its neighbours safe
    for (var i = 0; i < s.cells.length; i++) {
      var p = s.cells[i];
      if (!p) continue;
      var wi = w[i];
      if (wi < 0) {
        var x = i % n, y = Math.floor(i / n), cx = x < n / 2 ? 0 : n - 1, cy = y < n / 2 ? 0 : n - 1;
        if (s.cells[cy * n + cx]) wi = 5;
      }
      v += p === me ? wi : -wi;
    }
    var mob = moves(s, me).length - moves(s, them).length;
    var late = c.empty < n * n / 4;
    return v + mob * 6 + (late ? (c[me] - c[them]) * 2 : 0);
  }
  function search(s, depth, alpha, beta, me, stats) {
    stats.nodes++;
    if (s.over || depth <= 0 || stats.nodes > stats.limit) return evaluate(s, me);
    var ms = moves(s, s.turn);
    if (!ms.length) {
      var t = clone(s);
      if (!pass(t)) { t.over = true; return evaluate(t, me); }
      return search(t, depth - 1, alpha, beta, me, stats);
    }
    var maxing = s.turn === me, best = maxing ? -Infinity : Infinity;
    for (var i = 0; i < ms.length; i++) {
      var u = clone(s);
      play(u, ms[i] % s.n, Math.floor(ms[i] / s.n));
      var v = search(u, depth - 1, alpha, beta, me, stats);
      if (maxing) { if (v > best) best = v; if (v > alpha) alpha = v; } else { if (v < best) best = v; if (v < beta) beta = v; }
      if (alpha >= beta) break;
    }
    return best;
  }
  // the computer's move {x, y} (null when it must pass): alpha-beta to opts.depth, opts.noise with opts.rng
  function bestMove(s, opts) {
    opts = opts || {};
    var ms = moves(s, s.turn);
    if (!ms.length) return null;
    var depth = Math.max(1, Math.min(8, opts.depth || 3)), rng = opts.rng, noise = opts.noise || 0;
    var empty = count(s).empty;
    if (empty <= (opts.endgame || 0)) depth = Math.max(depth, empty);
    var stats = { nodes: 0, limit: opts.nodes || 60000 }, best = ms[0], bestV = -Infinity, me = s.turn;
    var w = WCACHE[s.n] || (WCACHE[s.n] = weights(s.n));
    ms.sort(function (a, b) { return w[b] - w[a] || a - b; });
    for (var i = 0; i < ms.length; i++) {
      var u = clone(s);
      play(u, ms[i] % s.n, Math.floor(ms[i] / s.n));
      var v = search(u, depth - 1, noise ? -Infinity : bestV, Infinity, me, stats);
      if (noise && rng) v += (rng() * 2 - 1) * noise;
      if (v > bestV) { bestV = v; best = ms[i]; }
    }
    return { x: best % s.n, y: Math.floor(best / s.n) };
  }

  var api = {
    create: create, clone: clone, fromText: fromText, at: at, flips: flips, moves: moves, count: count, play: play,
    pass: pass, result: result, evaluate: evaluate, bestMove: bestMove
  };
  return api;
})();
if (typeof module !== 'undefined') module.exports = ReversiRules;
