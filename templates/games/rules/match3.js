// Match-3 rules (消消乐): an N x N board of K kinds; swapping two neighbours stands only when it makes a line of three
// or more (or sets off a colour bomb, or swaps two special tiles). Lines clear, the tiles above fall, new ones drop in,
// and every further wave of the same move (a cascade) scores more. Four in a line leave a striped tile (clears its
// column or row), an L or T shape a bomb (3 x 3), five in a line a colour bomb (clears every tile of one kind).
// A fresh board holds no lines and at least one move; a board with no move left is reshuffled.
// Plain JavaScript, no DOM: the page draws and animates, this file decides.
// A tile is {k, s}: k the kind (0..kinds-1, -1 for a colour bomb), s '' (plain), 'h' / 'v' (striped: clears its
// row / column), 'b' (bomb) or 'c' (colour bomb). board[r][c], row 0 at the top.
var Match3Rules = (function () {
  'use strict';

  var POINTS = { three: 30, four: 60, LT: 80, five: 120 };
  var BLAST_POINTS = 10; // each tile a special tile clears beyond the lines themselves

  function tile(k, s) { return { k: k, s: s || '' }; }
  function copy(board) { return board.map(function (row) { return row.map(function (t) { return t ? tile(t.k, t.s) : null; }); }); }
  function inside(board, r, c) { return r >= 0 && c >= 0 && r < board.length && c < board.length; }
  function same(board, r, c, k) { var t = inside(board, r, c) && board[r][c]; return !!t && t.k >= 0 && t.k === k; }
  function key(r, c) { return r + ',' + c; }

  function mulberry(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /* ---------- finding lines ---------- */
  // Every straight run of three or more of one kind: {dir: 'h' | 'v', r, c, len, k} from its top / left end.
  function runs(board) {
    var n = board.length, out = [], r, c, len;
    for (r = 0; r < n; r++) {
      for (c = 0; c < n; c += len) {
        len = 1;
        var t = board[r][c];
        if (!t || t.k < 0) continue;
        while (same(board, r, c + len, t.k)) len++;
        if (len >= 3) out.push({ dir: 'h', r: r, c: c, len: len, k: t.k });
      }
    }
    for (c = 0; c < n; c++) {
      for (r = 0; r < n; r += len) {
        len = 1;
        var u = board[r][c];
        if (!u || u.k < 0) continue;
        while (same(board, r + len, c, u.k)) len++;
        if (len >= 3) out.push({ dir: 'v', r: r, c: c, len: len, k: u.k });
      }
    }
    return out;
  }
  function runCells(run) {
    var out = [];
    for (var i = 0; i < run.len; i++) out.push(run.dir === 'h' ? [run.r, run.c + i] : [run.r + i, run.c]);
    return out;
  }
  // Runs that share a tile make one group; a group has a shape: 'five' (a run of five or more), 'LT' (a row and a
  // column crossing: L, T or +), 'four' or 'three'. `corner` is where an L / T's runs cross.
  function findMatches(board) {
    var rs = runs(board), groups = [], owner = {};
    rs.forEach(function (run) {
      var cells = runCells(run), joined = null;
      cells.forEach(function (p) { var g = owner[key(p[0], p[1])]; if (g && !joined) joined = g; });
      if (!joined) { joined = { k: run.k, runs: [], cells: [], set: {} }; groups.push(joined); }
      joined.runs.push(run);
      cells.forEach(function (p) {
        var kk = key(p[0], p[1]);
        if (!joined.set[kk]) { joined.set[kk] = true; joined.cells.push(p); }
        owner[kk] = joined;
      });
    });
    return groups.map(function (g) {
      var longest = Math.max.apply(null, g.runs.map(function (x) { return x.len; }));
      var h = g.runs.filter(function (x) { return x.dir === 'h'; }), v = g.runs.filter(function (x) { return x.dir === 'v'; });
      var shape = longest >= 5 ? 'five' : h.length && v.length ? 'LT' : longest === 4 ? 'four' : 'three';
      var corner = null, kind = shape;
      if (h.length && v.length) {
        h.forEach(function (a) {
          v.forEach(function (b) {
            if (!corner && b.c >= a.c && b.c < a.c + a.len && a.r >= b.r && a.r < b.r + b.len) {
              corner = [a.r, b.c];
              if (shape === 'LT') {
                var endA = b.c === a.c || b.c === a.c + a.len - 1, endB = a.r === b.r || a.r === b.r + b.len - 1;
                kind = endA && endB ? 'L' : 'T';
              }
            }
          });
        });
      }
      return { k: g.k, shape: shape, kind: kind, cells: g.cells, runs: g.runs, corner: corner, size: g.cells.length };
    });
  }
  // The length of the longest line through (r, c).
  function lineAt(board, r, c) {
    var t = board[r] && board[r][c];
    if (!t || t.k < 0) return 0;
    var h = 1, v = 1, i;
    for (i = 1; same(board, r, c - i, t.k); i++) h++;
    for (i = 1; same(board, r, c + i, t.k); i++) h++;
    for (i = 1; same(board, r - i, c, t.k); i++) v++;
    for (i = 1; same(board, r + i, c, t.k); i++) v++;
    return Math.max(h, v);
  }

  /* ---------- moves ---------- */
  function adjacent(a, b) { return Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) === 1; }
  function swapTiles(board, a, b) { var t = board[a[0]][a[1]]; board[a[0]][a[1]] = board[b[0]][b[1]]; board[b[0]][b[1]] = t; }
  // Would swapping a and b stand? A line of 3+ through either, a colour bomb, or two special tiles.
  function validSwap(board, a, b) {
    if (!inside(board, a[0], a[1]) || !inside(board, b[0], b[1]) || !adjacent(a, b)) return false;
    var x = board[a[0]][a[1]], y = board[b[0]][b[1]];
    if (!x || !y) return false;
    if (x.s === 'c' || y.s === 'c') return true;
    if (x.s && y.s) return true;
    swapTiles(board, a, b);
    var ok = lineAt(board, a[0], a[1]) >= 3 || lineAt(board, b[0], b[1]) >= 3;
    swapTiles(board, a, b);
    return ok;
  }
  // Every swap that stands, each once: [[r, c], [r, c]] with the second right of or below the first.
  function allMoves(board) {
    var n = board.length, out = [];
    for (var r = 0; r < n; r++) {
      for (var c = 0; c < n; c++) {
        if (c + 1 < n && validSwap(board, [r, c], [r, c + 1])) out.push([[r, c], [r, c + 1]]);
        if (r + 1 < n && validSwap(board, [r, c], [r + 1, c])) out.push([[r, c], [r + 1, c]]);
      }
    }
    return out;
  }
  function findMove(board) {
    var n = board.length;
    for (var r = 0; r < n; r++) {
      for (var c = 0; c < n; c++) {
        if (c + 1 < n && validSwap(board, [r, c], [r, c + 1])) return [[r, c], [r, c + 1]];
        if (r + 1 < n && validSwap(board, [r, c], [r + 1, c])) return [[r, c], [r + 1, c]];
      }
    }
    return null;
  }
  function hasMove(board) { return !!findMove(board); }

  /* ---------- new boards ---------- */
  // Row by row, each tile a kind that does not make a line with the two before it (left or above).
  function freshBoard(n, kinds, rng) {
    for (var tries = 0; tries < 200; tries++) {
      var board = [];
      for (var r = 0; r < n; r++) {
        var row = [];
        board.push(row);
        for (var c = 0; c < n; c++) {
          var bad = {};
          if (c >= 2 && row[c - 1].k === row[c - 2].k) bad[row[c - 1].k] = true;
          if (r >= 2 && board[r - 1][c].k === board[r - 2][c].k) bad[board[r - 1][c].k] = true;
          var ok = [];
          for (var k = 0; k < kinds; k++) if (!bad[k]) ok.push(k);
          row.push(tile(ok[Math.floor(rng() * ok.length)]));
        }
      }
      if (hasMove(board)) return board;
    }
    return board;
  }
  // The same tiles in a new order with no line and a move left (a fresh board when no order does).
  function reshuffle(state) {
    var n = state.size, list = [], r, c;
    for (r = 0; r < n; r++) for (c = 0; c < n; c++) list.push(state.board[r][c]);
    for (var tries = 0; tries < 300; tries++) {
      for (var i = list.length - 1; i > 0; i--) { var j = Math.floor(state.rng() * (i + 1)); var t = list[i]; list[i] = list[j]; list[j] = t; }
      var b = [];
      for (r = 0; r < n; r++) b.push(list.slice(r * n, r * n + n));
      if (!runs(b).length && hasMove(b)) { state.board = b; state.shuffles++; return b; }
    }
    state.board = freshBoard(n, state.kinds, state.rng);
    state.shuffles++;
    return state.board;
  }

  /* ---------- clearing, falling, refilling ---------- */
  function kindCount(board) {
    var count = {}, best = -1, most = 0;
    board.forEach(function (row) { row.forEach(function (t) { if (t && t.k >= 0) count[t.k] = (count[t.k] || 0) + 1; }); });
    Object.keys(count).forEach(function (k) { if (count[k] > most) { most = count[k]; best = Number(k); } });
    return best;
  }
  // The cells a special tile at (r, c) clears when it goes off.
  function area(board, r, c, t) {
    var n = board.length, out = [], i, j;
    if (t.s === 'h') for (i = 0; i < n; i++) out.push([r, i]);
    else if (t.s === 'v') for (i = 0; i < n; i++) out.push([i, c]);
    else if (t.s === 'b') { for (i = -1; i <= 1; i++) for (j = -1; j <= 1; j++) if (inside(board, r + i, c + j)) out.push([r + i, c + j]); }
    else if (t.s === 'c') {
      var k = kindCount(board);
      for (i = 0; i < n; i++) for (j = 0; j < n; j++) if (board[i][j] && board[i][j].k === k) out.push([i, j]);
    }
    return out;
  }
  // Clears `cells` and every special tile they reach (a chain); `keep` holds cells that stay (new special tiles).
  // Returns the cleared cells and the special tiles that went off.
  function clearWithChain(board, cells, keep) {
    var hit = {}, order = [], fired = [], queue = cells.slice();
    while (queue.length) {
      var p = queue.shift(), kk = key(p[0], p[1]);
      if (hit[kk] || keep[kk]) continue;
      var t = board[p[0]][p[1]];
      if (!t) continue;
      hit[kk] = true; order.push(p);
      if (t.s) { fired.push({ r: p[0], c: p[1], s: t.s, k: t.k }); queue = queue.concat(area(board, p[0], p[1], t)); }
    }
    order.forEach(function (p) { board[p[0]][p[1]] = null; });
    return { cleared: order, fired: fired };
  }
  // Tiles fall into the holes and new ones drop in from above. drops[r][c]: how many rows the tile now at (r, c) fell
  // (a new tile counts from above the board). Returns drops and the new tiles' cells.
  function fall(state) {
    var board = state.board, n = state.size, drops = [], added = [], r, c;
    for (r = 0; r < n; r++) { drops.push([]); for (c = 0; c < n; c++) drops[r].push(0); }
    for (c = 0; c < n; c++) {
      var w = n - 1;
      for (r = n - 1; r >= 0; r--) {
        if (!board[r][c]) continue;
        if (w !== r) { board[w][c] = board[r][c]; board[r][c] = null; drops[w][c] = w - r; }
        w--;
      }
      var empty = w + 1;
      for (r = w; r >= 0; r--) {
        board[r][c] = tile(Math.floor(state.rng() * state.kinds));
        drops[r][c] = empty;
        added.push([r, c]);
      }
    }
    return { drops: drops, added: added };
  }

  // One wave: the lines on the board clear (new special tiles where they formed), then everything falls.
  // `at` lists the swapped cells (a new special tile forms there when it can). Returns the step, or null.
  function wave(state, wv, at) {
    var groups = findMatches(state.board);
    if (!groups.length) return null;
    var before = copy(state.board), keep = {}, created = [], cells = [], points = 0;
    groups.forEach(function (g) {
      cells = cells.concat(g.cells);
      g.points = POINTS[g.shape] * wv;
      points += g.points;
      if (g.shape === 'three' || !state.specials) return;
      var here = null;
      (at || []).forEach(function (p) { if (!here && g.cells.some(function (q) { return q[0] === p[0] && q[1] === p[1]; })) here = p; });
      if (!here) here = g.shape === 'LT' && g.corner ? g.corner : g.cells[Math.floor(g.cells.length / 2)];
      var run = g.runs[0];
      var s = g.shape === 'five' ? 'c' : g.shape === 'LT' ? 'b' : run.dir === 'h' ? 'v' : 'h';
      keep[key(here[0], here[1])] = true;
      created.push({ r: here[0], c: here[1], k: s === 'c' ? -1 : g.k, s: s });
    });
    // A special tile in a line still goes off even where a new one forms in its cell.
    var fired = [], early = [];
    created.forEach(function (t) {
      var old = state.board[t.r][t.c];
      if (old && old.s) {
        fired.push({ r: t.r, c: t.c, s: old.s, k: old.k });
        var more = clearWithChain(state.board, area(state.board, t.r, t.c, old), keep);
        fired = fired.concat(more.fired);
        early = early.concat(more.cleared);
      }
    });
    var res = clearWithChain(state.board, cells, keep);
    fired = fired.concat(res.fired);
    var cleared = early.concat(res.cleared);
    var inLines = {};
    groups.forEach(function (g) { g.cells.forEach(function (p) { inLines[key(p[0], p[1])] = true; }); });
    var extra = 0;
    cleared.forEach(function (p) { if (!inLines[key(p[0], p[1])]) extra++; });
    points += extra * BLAST_POINTS * wv;
    created.forEach(function (t) { state.board[t.r][t.c] = tile(t.k, t.s); });
    var holes = copy(state.board);
    var f = fall(state);
    state.score += points;
    return {
      wave: wv, groups: groups.map(function (g) { return { k: g.k, shape: g.shape, kind: g.kind, cells: g.cells, points: g.points }; }),
      cleared: cleared, fired: fired, created: created, points: points, before: before, holes: holes,
      after: copy(state.board), drops: f.drops, added: f.added,
    };
  }
  // A swap of two special tiles, or of a colour bomb with anything: the first wave of that move.
  function comboWave(state, a, b) {
    var board = state.board, x = board[a[0]][a[1]], y = board[b[0]][b[1]], n = state.size;
    var before = copy(board), cells = [], i, j, label;
    var col = x.s === 'c' ? x : y.s === 'c' ? y : null, other = col === x ? y : x, otherAt = col === x ? b : a;
    if (col && other.s === 'c') {
      label = 'cc';
      for (i = 0; i < n; i++) for (j = 0; j < n; j++) cells.push([i, j]);
      x.s = ''; y.s = '';
    } else if (col) {
      label = other.s ? 'c' + other.s : 'c';
      var k = other.k;
      col.s = '';
      cells.push(col === x ? a : b);
      for (i = 0; i < n; i++) {
        for (j = 0; j < n; j++) {
          var t = board[i][j];
          if (t && t.k === k) {
            // with a special tile, every tile of its kind turns into one like it and they all go off
            if (other.s === 'h' || other.s === 'v') t.s = (i + j) % 2 ? 'h' : 'v';
            else if (other.s === 'b') t.s = 'b';
            cells.push([i, j]);
          }
        }
      }
      if (!other.s) cells.push(otherAt);
    } else {
      // two special tiles: striped + striped a cross, striped + bomb three rows and three columns, bomb + bomb 5 x 5
      var ss = [x.s, y.s].sort().join('');
      label = ss;
      var r0 = b[0], c0 = b[1], rad = ss === 'bb' ? 2 : ss.indexOf('b') >= 0 ? 1 : 0;
      x.s = ''; y.s = '';
      for (i = 0; i < n; i++) {
        for (j = 0; j < n; j++) {
          var inRows = Math.abs(i - r0) <= rad, inCols = Math.abs(j - c0) <= rad;
          if (ss === 'bb' ? inRows && inCols : inRows || inCols) cells.push([i, j]);
        }
      }
    }
    var res = clearWithChain(board, cells, {});
    var points = res.cleared.length * BLAST_POINTS * 2;
    var holes = copy(board);
    var f = fall(state);
    state.score += points;
    return {
      wave: 1, combo: label, groups: [], cleared: res.cleared, fired: res.fired, created: [], points: points,
      before: before, holes: holes, after: copy(board), drops: f.drops, added: f.added,
    };
  }
  // Clears and refills until the board holds no line: the waves of one move (the first may be a combo).
  function settle(state, at, first) {
    var steps = first ? [first] : [], wv = steps.length;
    for (var guard = 0; guard < 100; guard++) {
      var st = wave(state, wv + 1, wv === 0 ? at : null);
      if (!st) break;
      wv++;
      steps.push(st);
    }
    return steps;
  }

  /* ---------- the game ---------- */
  function create(opts) {
    opts = opts || {};
    var size = Math.max(4, Math.min(12, Math.round(opts.size || 8)));
    var kinds = Math.max(3, Math.min(9, Math.round(opts.kinds || 6)));
    var rng = opts.rng || mulberry(opts.seed == null ? 1 : opts.seed);
    var state = { size: size, kinds: kinds, rng: rng, score: 0, moves: 0, shuffles: 0, specials: opts.specials !== false };
    state.board = opts.board ? copy(opts.board) : freshBoard(size, kinds, rng);
    state.size = state.board.length;
    return state;
  }
  // The player's move. Returns {ok: false, reason} when it does not stand (the tiles go back), else
  // {ok: true, steps, points, shuffled} with every wave of the move; the board is left settled, with a move.
  function trySwap(state, a, b) {
    if (!inside(state.board, a[0], a[1]) || !inside(state.board, b[0], b[1])) return { ok: false, reason: 'outside' };
    if (!adjacent(a, b)) return { ok: false, reason: 'far' };
    if (!validSwap(state.board, a, b)) return { ok: false, reason: 'no_line' };
    var before = state.score;
    var x = state.board[a[0]][a[1]], y = state.board[b[0]][b[1]];
    var combo = x.s === 'c' || y.s === 'c' || (x.s && y.s);
    swapTiles(state.board, a, b);
    state.moves++;
    var steps = combo ? settle(state, null, comboWave(state, a, b)) : settle(state, [b, a]);
    var shuffled = false;
    if (!hasMove(state.board)) { reshuffle(state); shuffled = true; }
    return { ok: true, steps: steps, points: state.score - before, shuffled: shuffled, cascades: steps.length };
  }

  /* ---------- text boards (tests) ---------- */
  // Rows of letters: 'A'.. a kind; after a letter '-' / '|' make it striped (clears the row / column), '@' a bomb;
  // '*' a colour bomb; '.' an empty cell.
  function fromRows(rows) {
    return rows.map(function (line) {
      var out = [];
      for (var i = 0; i < line.length; i++) {
        var ch = line[i];
        if (ch === '*') out.push(tile(-1, 'c'));
        else if (ch === '.') out.push(null);
        else if (ch === '-' || ch === '|' || ch === '@') out[out.length - 1].s = ch === '-' ? 'h' : ch === '|' ? 'v' : 'b';
        else out.push(tile(ch.charCodeAt(0) - 65));
      }
      return out;
    });
  }
  function toRows(board) {
    return board.map(function (row) {
      return row.map(function (t) {
        if (!t) return '.';
        if (t.s === 'c') return '*';
        return String.fromCharCode(65 + t.k) + (t.s === 'h' ? '-' : t.s === 'v' ? '|' : t.s === 'b' ? '@' : '');
      }).join('');
    });
  }

  return {
    POINTS: POINTS, BLAST_POINTS: BLAST_POINTS, tile: tile, copy: copy, mulberry: mulberry,
    runs: runs, findMatches: findMatches, lineAt: lineAt, adjacent: adjacent, validSwap: validSwap,
    allMoves: allMoves, findMove: findMove, hasMove: hasMove, freshBoard: freshBoard, reshuffle: reshuffle,
    area: area, fall: fall, wave: wave, settle: settle, create: create, trySwap: trySwap, fromRows: fromRows, toRows: toRows,
  };
})();
if (typeof module !== 'undefined') module.exports = Match3Rules;
