// Sudoku rules: grids of side 4 (2x2 boxes), 6 (2x3 boxes) or 9 (3x3 boxes), stored as flat arrays
// (0 = empty). The generator fills a random solved grid, then empties cells (in symmetric pairs first,
// then one by one) while the puzzle keeps exactly one solution, until the difficulty's clue count.
// No DOM: the page and node's tests share this file.
var SudokuRules = (function () {
  'use strict';

  function geometry(n) {
    n = n === 4 || n === 6 ? n : 9;
    var br = n === 4 ? 2 : n === 6 ? 2 : 3;
    var bc = n === 4 ? 2 : 3;
    return { n: n, br: br, bc: bc, all: (1 << n) - 1 };
  }

  // The nearest supported side for any requested size.
  function side(size) {
    var s = Number(size);
    if (!isFinite(s)) return 9;
    if (s <= 5) return 4;
    if (s <= 7) return 6;
    return 9;
  }

  function boxOf(g, i) {
    var r = Math.floor(i / g.n), c = i % g.n;
    return Math.floor(r / g.br) * (g.n / g.bc) + Math.floor(c / g.bc);
  }

  // Masks of used digits per row, column and box; null when the givens already clash.
  function masks(g, grid) {
    var rows = new Array(g.n).fill(0), cols = new Array(g.n).fill(0), boxes = new Array(g.n).fill(0);
    for (var i = 0; i < g.n * g.n; i++) {
      var v = grid[i];
      if (!v) continue;
      var bit = 1 << (v - 1), r = Math.floor(i / g.n), c = i % g.n, b = boxOf(g, i);
      if ((rows[r] | cols[c] | boxes[b]) & bit) return null;
      rows[r] |= bit; cols[c] |= bit; boxes[b] |= bit;
    }
    return { rows: rows, cols: cols, boxes: boxes };
  }

  function bits(m) {
    var k = 0;
    while (m) { m &= m - 1; k++; }
    return k;
  }

  // Depth-first search with the most-constrained empty cell first. visit(grid) is called for each
  // solution and returns true to stop. order(candidates list) may shuffle the digits tried.
  function search(g, grid, visit, order) {
    var m = masks(g, grid);
    if (!m) return;
    var cells = [];
    for (var i = 0; i < g.n * g.n; i++) if (!grid[i]) cells.push(i);
    var rowOf = [], colOf = [], boxIdx = [];
    for (var j = 0; j < g.n * g.n; j++) { rowOf.push(Math.floor(j / g.n)); colOf.push(j % g.n); boxIdx.push(boxOf(g, j)); }
    var stop = false;
    function rec(left) {
      if (left === 0) { stop = visit(grid) === true; return; }
      var best = -1, bestFree = 0, bestCount = 99;
      for (var k = 0; k < left; k++) {
        var cell = cells[k];
        var free = g.all & ~(m.rows[rowOf[cell]] | m.cols[colOf[cell]] | m.boxes[boxIdx[cell]]);
        var cnt = bits(free);
        if (cnt < bestCount) { best = k; bestFree = free; bestCount = cnt; if (cnt <= 1) break; }
      }
      if (bestCount === 0) return;
      var pos = cells[best];
      cells[best] = cells[left - 1]; cells[left - 1] = pos;
      var digits = [];
      for (var d = 0; d < g.n; d++) if (bestFree & (1 << d)) digits.push(d + 1);
      if (order) digits = order(digits);
      var r = rowOf[pos], c = colOf[pos], b = boxIdx[pos];
      for (var t = 0; t < digits.length && !stop; t++) {
        var bit = 1 << (digits[t] - 1);
        grid[pos] = digits[t];
        m.rows[r] |= bit; m.cols[c] |= bit; m.boxes[b] |= bit;
        rec(left - 1);
        m.rows[r] &= ~bit; m.cols[c] &= ~bit; m.boxes[b] &= ~bit;
      }
      grid[pos] = 0;
      cells[left - 1] = cells[best]; cells[best] = pos;
    }
    rec(cells.length);
  }

  // How many solutions the grid has, counting no further than limit (default 2).
  function countSolutions(grid, n, limit) {
    var g = geometry(n || Math.round(Math.sqrt(grid.length)));
    limit = limit || 2;
    var count = 0;
    search(g, grid.slice(), function () { count++; return count >= limit; });
    return count;
  }

  function solve(grid, n) {
    var g = geometry(n || Math.round(Math.sqrt(grid.length)));
    var found = null;
    search(g, grid.slice(), function (sol) { found = sol.slice(); return true; });
    return found;
  }

  function shuffled(list, rng) {
    var a = list.slice();
    for (var i = a.length - 1; i > 0; i--) {
      var j = Math.floor(rng() * (i + 1));
      var t = a[i]; a[i] = a[j]; a[j] = t;
    }
    return a;
  }

  var FRACTION = { easy: 0.47, normal: 0.395, hard: 0.32 };

  function clueTarget(n, difficulty) {
    var f = FRACTION[difficulty] || FRACTION.normal;
    return Math.max(n === 4 ? 4 : n === 6 ? 8 : 17, Math.round(f * n * n));
  }

  // {n, puzzle, solution, clues}: puzzle has exactly one solution, the generator's.
  function generate(rng, difficulty, size) {
    var g = geometry(side(size));
    var n = g.n, total = n * n;
    var solution = new Array(total).fill(0);
    search(g, solution, function (sol) { solution = sol.slice(); return true; }, function (d) { return shuffled(d, rng); });
    var puzzle = solution.slice();
    var target = clueTarget(n, difficulty);
    var clues = total;
    var order = shuffled(Array.from({ length: total }, function (_, i) { return i; }), rng);
    // Pass 1: symmetric pairs (the classic look); pass 2: single cells, to reach the target.
    for (var pass = 0; pass < 2 && clues > target; pass++) {
      for (var k = 0; k < order.length && clues > target; k++) {
        var a = order[k], b = total - 1 - a;
        if (!puzzle[a]) continue;
        var pair = pass === 0 && b !== a && puzzle[b] && clues - 2 >= target;
        var va = puzzle[a], vb = puzzle[b];
        puzzle[a] = 0;
        if (pair) puzzle[b] = 0;
        if (countSolutions(puzzle, n, 2) === 1) clues -= pair ? 2 : 1;
        else { puzzle[a] = va; if (pair) puzzle[b] = vb; }
      }
    }
    return { n: n, br: g.br, bc: g.bc, puzzle: puzzle, solution: solution, clues: clues };
  }

  // Indices of filled cells that share a row, column or box with the same digit.
  function conflicts(grid, n) {
    var g = geometry(n || Math.round(Math.sqrt(grid.length)));
    var out = [];
    for (var i = 0; i < g.n * g.n; i++) {
      var v = grid[i];
      if (!v) continue;
      var r = Math.floor(i / g.n), c = i % g.n, b = boxOf(g, i);
      for (var j = 0; j < g.n * g.n; j++) {
        if (j === i || grid[j] !== v) continue;
        if (Math.floor(j / g.n) === r || j % g.n === c || boxOf(g, j) === b) { out.push(i); break; }
      }
    }
    return out;
  }

  // Cells that see cell i (same row, column or box), without i itself.
  function peers(i, n) {
    var g = geometry(n);
    var r = Math.floor(i / g.n), c = i % g.n, b = boxOf(g, i), out = [];
    for (var j = 0; j < g.n * g.n; j++) {
      if (j !== i && (Math.floor(j / g.n) === r || j % g.n === c || boxOf(g, j) === b)) out.push(j);
    }
    return out;
  }

  function isSolved(grid, n) {
    var g = geometry(n || Math.round(Math.sqrt(grid.length)));
    for (var i = 0; i < g.n * g.n; i++) if (!grid[i]) return false;
    return masks(g, grid) !== null;
  }

  return {
    side: side, geometry: geometry, boxOf: function (i, n) { return boxOf(geometry(n), i); },
    countSolutions: countSolutions, solve: solve, generate: generate, clueTarget: clueTarget,
    conflicts: conflicts, peers: peers, isSolved: isSolved
  };
})();
if (typeof module !== 'undefined') module.exports = SudokuRules;
