// Lights Out rules on an n x n board of 0/1 lights (flat array). Pressing a light toggles it and its
// four neighbours; the goal is every light off. Starts are made by pressing random cells of the dark
// board, so every start can be solved. solve() finds the fewest presses by elimination over GF(2).
// No DOM: the page and node's tests share this file.
var LightsOutRules = (function () {
  'use strict';

  function press(board, n, i) {
    var r = Math.floor(i / n), c = i % n;
    board[i] ^= 1;
    if (r > 0) board[i - n] ^= 1;
    if (r < n - 1) board[i + n] ^= 1;
    if (c > 0) board[i - 1] ^= 1;
    if (c < n - 1) board[i + 1] ^= 1;
    return board;
  }

  function lit(board) {
    var k = 0;
    for (var i = 0; i < board.length; i++) k += board[i] ? 1 : 0;
    return k;
  }

  var PRESSES = { easy: 0.2, normal: 0.4, hard: 0.6 };

  // A solvable start with some lights on: distinct random cells pressed on the dark board.
  function generate(n, rng, difficulty) {
    var cells = n * n, k = Math.max(2, Math.round(cells * (PRESSES[difficulty] || PRESSES.normal)));
    var board;
    do {
      board = new Array(cells).fill(0);
      var order = [];
      for (var i = 0; i < cells; i++) order.push(i);
      for (var j = cells - 1; j > 0; j--) {
        var x = Math.floor(rng() * (j + 1));
        var t = order[j]; order[j] = order[x]; order[x] = t;
      }
      order.slice(0, k).forEach(function (p) { press(board, n, p); });
    } while (lit(board) === 0);
    return board;
  }

  // Rows of the press matrix A (A[i][j] = 1 when pressing j toggles i), as arrays of 0/1.
  function matrix(n) {
    var rows = [];
    for (var j = 0; j < n * n; j++) {
      var col = press(new Array(n * n).fill(0), n, j);
      col.forEach(function (v, i) { if (!rows[i]) rows[i] = new Array(n * n).fill(0); rows[i][j] = v; });
    }
    return rows;
  }

  // Presses (0/1 per cell) that turn the board dark with the fewest presses, or null if none can.
  function solve(board, n) {
    var N = n * n, A = matrix(n), b = board.map(function (v) { return v ? 1 : 0; });
    var pivots = [], row = 0;
    for (var col = 0; col < N && row < N; col++) {
      var p = -1;
      for (var r = row; r < N; r++) if (A[r][col]) { p = r; break; }
      if (p < 0) continue;
      var tr = A[p]; A[p] = A[row]; A[row] = tr;
      var tb = b[p]; b[p] = b[row]; b[row] = tb;
      for (var q = 0; q < N; q++) {
        if (q !== row && A[q][col]) {
          for (var c = col; c < N; c++) A[q][c] ^= A[row][c];
          b[q] ^= b[row];
        }
      }
      pivots.push(col);
      row++;
    }
    for (var z = row; z < N; z++) if (b[z]) return null;
    var isPivot = new Array(N).fill(false);
    pivots.forEach(function (pc) { isPivot[pc] = true; });
    var free = [];
    for (var f = 0; f < N; f++) if (!isPivot[f]) free.push(f);
    var best = null, bestCount = Infinity;
    var combos = free.length <= 12 ? 1 << free.length : 1;
    for (var m = 0; m < combos; m++) {
      var x = new Array(N).fill(0);
      free.forEach(function (fc, k) { x[fc] = (m >> k) & 1; });
      for (var i = pivots.length - 1; i >= 0; i--) {
        var pc2 = pivots[i], v = b[i];
        for (var cc = pc2 + 1; cc < N; cc++) if (A[i][cc] && x[cc]) v ^= 1;
        x[pc2] = v;
      }
      var cnt = lit(x);
      if (cnt < bestCount) { best = x; bestCount = cnt; }
    }
    return best;
  }

  function isSolvable(board, n) {
    return solve(board, n) !== null;
  }

  return { press: press, lit: lit, generate: generate, solve: solve, isSolvable: isSolvable };
})();
if (typeof module !== 'undefined') module.exports = LightsOutRules;
