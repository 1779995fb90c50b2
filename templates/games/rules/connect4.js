// Connect Four: discs drop to the lowest free cell of a column; four in a row (across, down or on
// either diagonal) wins; a full board is a draw. Players 1 and 2; cells[row * cols + col], row 0 at
// the top. The computer looks ahead with alpha-beta over a window-scoring heuristic.
// No DOM access; the page and node tests share it.
var Connect4Rules = (function () {
  'use strict';
  var DIRS = [[0, 1], [1, 0], [1, 1], [1, -1]];

  function create(cols, rows) {
    cols = Math.max(4, Math.min(12, Math.round(Number(cols)) || 7));
    rows = Math.max(4, Math.min(12, Math.round(Number(rows)) || 6));
    var cells = [];
    for (var i = 0; i < cols * rows; i++) cells.push(0);
    return { cols: cols, rows: rows, cells: cells, turn: 1, count: 0, winner: 0, line: null, last: -1 };
  }
  function clone(s) {
    return { cols: s.cols, rows: s.rows, cells: s.cells.slice(), turn: s.turn, count: s.count, winner: s.winner, line: s.line, last: s.last };
  }
  function at(s, r, c) { return r < 0 || c < 0 || r >= s.rows || c >= s.cols ? -1 : s.cells[r * s.cols + c]; }
  function canDrop(s, c) { return !s.winner && c >= 0 && c < s.cols && s.cells[c] === 0; }
  function landing(s, c) {
    for (var r = s.rows - 1; r >= 0; r--) if (s.cells[r * s.cols + c] === 0) return r;
    return -1;
  }
  // the cells of a line of four or more through (r, c) for its owner, or null
  function lineThrough(s, r, c) {
    var p = at(s, r, c);
    if (p <= 0) return null;
    for (var d = 0; d < 4; d++) {
      var dr = DIRS[d][0], dc = DIRS[d][1], cells = [[r, c]], k;
      for (k = 1; at(s, r + dr * k, c + dc * k) === p; k++) cells.push([r + dr * k, c + dc * k]);
      for (k = 1; at(s, r - dr * k, c - dc * k) === p; k++) cells.unshift([r - dr * k, c - dc * k]);
      if (cells.length >= 4) return cells;
    }
    return null;
  }
  // drop a disc for the player to move; returns the row it landed in, or -1
  function drop(s, c) {
    if (!canDrop(s, c)) return -1;
    var r = landing(s, c);
    s.cells[r * s.cols + c] = s.turn;
    s.count++;
    s.last = r * s.cols + c;
    var line = lineThrough(s, r, c);
    if (line) { s.winner = s.turn; s.line = line; }
    s.turn = 3 - s.turn;
    return r;
  }
  function full(s) { return s.count >= s.cols * s.rows; }
  // null while the game goes on, else {winner: 1|2|0 (draw), line}
  function result(s) {
    if (s.winner) return { winner: s.winner, line: s.line };
    if (full(s)) return { winner: 0, line: null };
    return null;
  }

  // heuristic: every window of four scores for the side that alone holds discs in it
  var W = [0, 1, 8, 60, 100000];
  function evaluate(s, me) {
    var v = 0, cols = s.cols, rows = s.rows, cells = s.cells, centre = (cols - 1) / 2;
    for (var r = 0; r < rows; r++) {
      for (var c = 0; c < cols; c++) {
        var x = cells[r * cols + c];
        if (x) v += (x === me ? 1 : -1) * Math.max(0, 3 - Math.abs(c - centre));
        for (var d = 0; d < 4; d++) {
          var dr = DIRS[d][0], dc = DIRS[d][1], er = r + 3 * dr, ec = c + 3 * dc;
          if (er >= rows || ec < 0 || ec >= cols) continue;
          var mine = 0, theirs = 0;
          for (var k = 0; k < 4; k++) {
            var y = cells[(r + k * dr) * cols + c + k * dc];
            if (y === me) mine++; else if (y) theirs++;
          }
          if (mine && !theirs) v += W[mine];
          else if (theirs && !mine) v -= W[theirs] * 1.2;
        }
      }
    }
    return v;
  }
  function order(s) {
    var cs = [], mid = (s.cols - 1) / 2;
    for (var c = 0; c < s.cols; c++) cs.push(c);
    cs.sort(function (a, b) { return Math.abs(a - mid) - Math.abs(b - mid) || a - b; });
    return cs;
  }
  function undrop(s, c, prev) {
    var r = landing(s, c) + 1;
    s.cells[r * s.cols + c] = 0;
    s.count--; s.turn = 3 - s.turn; s.winner = 0; s.line = null; s.last = prev;
  }
  function negamax(s, depth, alpha, beta, cols, stats) {
    stats.nodes++;
    var me = s.turn;
    if (depth <= 0 || stats.nodes > stats.limit) return evaluate(s, me);
    var best = -Infinity, any = false;
    for (var i = 0; i < cols.length; i++) {
      var c = cols[i];
      if (!canDrop(s, c)) continue;
      any = true;
      var prev = s.last;
      drop(s, c);
      var v = s.winner ? 1e6 + depth : -negamax(s, depth - 1, -beta, -alpha, cols, stats);
      undrop(s, c, prev);
      if (v > best) best = v;
      if (v > alpha) alpha = v;
      if (alpha >= beta) break;
    }
    return any ? best : 0;
  }
  // the computer's column: a win now, else blocking the opponent's win, else look-ahead to opts.depth
  function bestMove(s, opts) {
    opts = opts || {};
    var depth = Math.max(1, Math.min(10, opts.depth || 5)), rng = opts.rng, noise = opts.noise || 0;
    var cols = order(s), legal = cols.filter(function (c) { return canDrop(s, c); });
    if (!legal.length) return -1;
    var i, t;
    for (i = 0; i < legal.length; i++) { t = clone(s); drop(t, legal[i]); if (t.winner) return legal[i]; }
    for (i = 0; i < legal.length; i++) { t = clone(s); t.turn = 3 - t.turn; drop(t, legal[i]); if (t.winner && !opts.blind) return legal[i]; }
    var work = clone(s), stats = { nodes: 0, limit: opts.nodes || 300000 }, best = legal[0], bestV = -Infinity;
    for (i = 0; i < legal.length; i++) {
      var prev = work.last;
      drop(work, legal[i]);
      var v = -negamax(work, depth - 1, -Infinity, noise ? Infinity : -bestV, cols, stats);
      undrop(work, legal[i], prev);
      if (noise && rng) v += (rng() * 2 - 1) * noise;
      if (v > bestV) { bestV = v; best = legal[i]; }
    }
    return best;
  }

  var api = {
    create: create, clone: clone, at: at, canDrop: canDrop, landing: landing, drop: drop, lineThrough: lineThrough,
    full: full, result: result, evaluate: evaluate, bestMove: bestMove
  };
  return api;
})();
if (typeof module !== 'undefined') module.exports = Connect4Rules;
