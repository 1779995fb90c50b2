// Minesweeper rules on a rows x cols board (flat arrays, index = r * cols + c). Mines are laid at the
// first open, away from the opened cell and its neighbours, so the first click is safe and opens an
// area. Opening a zero floods its neighbours; chording a number whose flags are all placed opens the rest.
// No DOM: the page and node's tests share this file.
var MinesweeperRules = (function () {
  'use strict';

  var DENSITY = { easy: 0.11, normal: 0.15, hard: 0.2 };

  // Mines for a board size and difficulty, leaving room for the safe first area.
  function mineCount(rows, cols, difficulty) {
    var cells = rows * cols;
    var n = Math.round(cells * (DENSITY[difficulty] || DENSITY.normal));
    return Math.max(1, Math.min(cells - 9, n));
  }

  function create(rows, cols, mines) {
    var cells = rows * cols;
    return {
      rows: rows, cols: cols, mines: Math.max(1, Math.min(cells - 1, mines)),
      mine: new Array(cells).fill(false), count: new Array(cells).fill(0),
      open: new Array(cells).fill(false), flag: new Array(cells).fill(false),
      placed: false, opened: 0, exploded: -1
    };
  }

  function neighbours(st, i) {
    var r = Math.floor(i / st.cols), c = i % st.cols, out = [];
    for (var dr = -1; dr <= 1; dr++) {
      for (var dc = -1; dc <= 1; dc++) {
        if (!dr && !dc) continue;
        var rr = r + dr, cc = c + dc;
        if (rr >= 0 && cc >= 0 && rr < st.rows && cc < st.cols) out.push(rr * st.cols + cc);
      }
    }
    return out;
  }

  function recount(st) {
    for (var i = 0; i < st.mine.length; i++) {
      st.count[i] = neighbours(st, i).filter(function (j) { return st.mine[j]; }).length;
    }
  }

  // Put mines on the given cells (tests use fixed boards).
  function setMines(st, list) {
    st.mine.fill(false);
    list.forEach(function (i) { st.mine[i] = true; });
    st.mines = list.length;
    st.placed = true;
    recount(st);
    return st;
  }

  // Lay the mines at random, keeping `first` (and its neighbours when there is room) clear.
  function place(st, first, rng) {
    var cells = st.rows * st.cols;
    var keep = [first].concat(neighbours(st, first));
    if (cells - keep.length < st.mines) keep = [first];
    var free = [];
    for (var i = 0; i < cells; i++) if (keep.indexOf(i) < 0) free.push(i);
    for (var k = free.length - 1; k > 0; k--) {
      var j = Math.floor(rng() * (k + 1));
      var t = free[k]; free[k] = free[j]; free[j] = t;
    }
    return setMines(st, free.slice(0, st.mines));
  }

  // Open one cell: {opened: [indices newly opened], boom: bool}. Flagged and open cells do nothing.
  function open(st, i, rng) {
    if (st.exploded >= 0 || st.open[i] || st.flag[i]) return { opened: [], boom: false };
    if (!st.placed) place(st, i, rng);
    if (st.mine[i]) {
      st.open[i] = true;
      st.exploded = i;
      return { opened: [i], boom: true };
    }
    var opened = [], stack = [i];
    st.open[i] = true;
    while (stack.length) {
      var cur = stack.pop();
      opened.push(cur);
      if (st.count[cur] !== 0) continue;
      neighbours(st, cur).forEach(function (j) {
        if (!st.open[j] && !st.flag[j] && !st.mine[j]) { st.open[j] = true; stack.push(j); }
      });
    }
    st.opened += opened.length;
    return { opened: opened, boom: false };
  }

  // Open the unflagged neighbours of an open number whose flags match its count.
  function chord(st, i, rng) {
    if (!st.open[i] || st.mine[i] || st.count[i] === 0) return { opened: [], boom: false };
    var nb = neighbours(st, i);
    var flags = nb.filter(function (j) { return st.flag[j]; }).length;
    if (flags !== st.count[i]) return { opened: [], boom: false };
    var all = [], boom = false;
    nb.forEach(function (j) {
      if (boom || st.open[j] || st.flag[j]) return;
      var res = open(st, j, rng);
      all = all.concat(res.opened);
      boom = boom || res.boom;
    });
    return { opened: all, boom: boom };
  }

  function toggleFlag(st, i) {
    if (st.open[i] || st.exploded >= 0) return false;
    st.flag[i] = !st.flag[i];
    return true;
  }

  function flagsPlaced(st) {
    return st.flag.filter(Boolean).length;
  }

  function won(st) {
    return st.exploded < 0 && st.placed && st.opened === st.rows * st.cols - st.mines;
  }

  return {
    mineCount: mineCount, create: create, neighbours: neighbours, setMines: setMines, place: place,
    open: open, chord: chord, toggleFlag: toggleFlag, flagsPlaced: flagsPlaced, won: won
  };
})();
if (typeof module !== 'undefined') module.exports = MinesweeperRules;
