// Tetris rules: the seven tetrominoes with SRS rotation and wall kicks, a 7-bag randomiser,
// gravity with lock delay, soft and hard drop, hold, line clears, scoring and levels.
// Plain JavaScript, no DOM: the page draws, this file decides.
var TetrisRules = (function () {
  'use strict';

  var TYPES = ['I', 'O', 'T', 'S', 'Z', 'J', 'L'];
  // Spawn orientation (state 0) in the piece's box, y grows downwards.
  var SPAWN = {
    I: { n: 4, cells: [[0, 1], [1, 1], [2, 1], [3, 1]] },
    O: { n: 2, cells: [[0, 0], [1, 0], [0, 1], [1, 1]] },
    T: { n: 3, cells: [[1, 0], [0, 1], [1, 1], [2, 1]] },
    S: { n: 3, cells: [[1, 0], [2, 0], [0, 1], [1, 1]] },
    Z: { n: 3, cells: [[0, 0], [1, 0], [1, 1], [2, 1]] },
    J: { n: 3, cells: [[0, 0], [0, 1], [1, 1], [2, 1]] },
    L: { n: 3, cells: [[2, 0], [0, 1], [1, 1], [2, 1]] },
  };
  // SHAPES[type][rot] = list of [x, y] in the box; rotating clockwise maps (x, y) to (n - 1 - y, x).
  var SHAPES = {};
  TYPES.forEach(function (t) {
    var n = SPAWN[t].n, rots = [SPAWN[t].cells];
    for (var r = 1; r < 4; r++) {
      rots.push(rots[r - 1].map(function (c) { return [n - 1 - c[1], c[0]]; }));
    }
    SHAPES[t] = rots;
  });

  // SRS kick tables (x right, y up as published); applied with y flipped because our y grows downwards.
  var KICKS = {
    '0>1': [[0, 0], [-1, 0], [-1, 1], [0, -2], [-1, -2]],
    '1>0': [[0, 0], [1, 0], [1, -1], [0, 2], [1, 2]],
    '1>2': [[0, 0], [1, 0], [1, -1], [0, 2], [1, 2]],
    '2>1': [[0, 0], [-1, 0], [-1, 1], [0, -2], [-1, -2]],
    '2>3': [[0, 0], [1, 0], [1, 1], [0, -2], [1, -2]],
    '3>2': [[0, 0], [-1, 0], [-1, -1], [0, 2], [-1, 2]],
    '3>0': [[0, 0], [-1, 0], [-1, -1], [0, 2], [-1, 2]],
    '0>3': [[0, 0], [1, 0], [1, 1], [0, -2], [1, -2]],
  };
  var KICKS_I = {
    '0>1': [[0, 0], [-2, 0], [1, 0], [-2, -1], [1, 2]],
    '1>0': [[0, 0], [2, 0], [-1, 0], [2, 1], [-1, -2]],
    '1>2': [[0, 0], [-1, 0], [2, 0], [-1, 2], [2, -1]],
    '2>1': [[0, 0], [1, 0], [-2, 0], [1, -2], [-2, 1]],
    '2>3': [[0, 0], [2, 0], [-1, 0], [2, 1], [-1, -2]],
    '3>2': [[0, 0], [-2, 0], [1, 0], [-2, -1], [1, 2]],
    '3>0': [[0, 0], [1, 0], [-2, 0], [1, -2], [-2, 1]],
    '0>3': [[0, 0], [-1, 0], [2, 0], [-1, 2], [2, -1]],
  };

  var LINE_SCORES = [0, 100, 300, 500, 800];
  var SPEED_FACTOR = { slow: 1.6, normal: 1, fast: 0.55 };
  var LOCK_DELAY = 500; // ms a grounded piece waits before it locks
  var MAX_RESETS = 15; // moves/rotations on the ground that restart the lock delay

  function clampInt(v, d, lo, hi) {
    v = Number(v);
    if (!isFinite(v)) v = d;
    return Math.max(lo, Math.min(hi, Math.round(v)));
  }

  // A small seeded generator for callers that pass a number instead of a function.
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

  function newBag(rng) {
    var bag = TYPES.slice();
    for (var i = bag.length - 1; i > 0; i--) {
      var j = Math.floor(rng() * (i + 1));
      if (j > i) j = i;
      var tmp = bag[i]; bag[i] = bag[j]; bag[j] = tmp;
    }
    return bag;
  }

  function emptyRow(w) { var r = []; for (var i = 0; i < w; i++) r.push(0); return r; }
  function emptyBoard(w, h) { var b = []; for (var i = 0; i < h; i++) b.push(emptyRow(w)); return b; }

  // Milliseconds per row at a level (the guideline curve), scaled by the speed setting.
  function gravityMs(level, speed) {
    var l = Math.max(1, Math.min(20, level));
    var sec = Math.pow(0.8 - (l - 1) * 0.007, l - 1);
    var f = SPEED_FACTOR[speed] || (typeof speed === 'number' && speed > 0 ? speed : 1);
    return Math.max(16, sec * 1000 * f);
  }

  function create(opts) {
    opts = opts || {};
    var rng = typeof opts.rng === 'function' ? opts.rng : mulberry(clampInt(opts.seed, 1, 0, 4294967295));
    var w = clampInt(opts.width, 10, 6, 16), h = clampInt(opts.height, 20, 12, 30);
    var s = {
      width: w, height: h, board: emptyBoard(w, h), rng: rng, queue: [],
      piece: null, hold: null, holdUsed: false,
      score: 0, lines: 0, startLevel: clampInt(opts.level, 1, 1, 15), level: 1,
      speed: opts.speed || 'normal', over: false,
      fall: 0, lockTimer: 0, resets: 0, lastClear: null, pieces: 0,
    };
    s.level = s.startLevel;
    if (opts.spawn !== false) spawn(s);
    return s;
  }

  function fillQueue(s) { while (s.queue.length < 7) s.queue = s.queue.concat(newBag(s.rng)); }
  function preview(s, n) { fillQueue(s); return s.queue.slice(0, n || 1); }

  function spawnPiece(s, type) {
    var n = SPAWN[type].n;
    return { type: type, rot: 0, x: Math.floor((s.width - n) / 2), y: type === 'I' ? -1 : 0 };
  }

  // Puts the next piece (or `type`) at the top; the game is over when it does not fit.
  function spawn(s, type) {
    fillQueue(s);
    if (!type) type = s.queue.shift();
    fillQueue(s);
    s.piece = spawnPiece(s, type);
    s.fall = 0; s.lockTimer = 0; s.resets = 0;
    if (collides(s, s.piece)) { s.over = true; return false; }
    return true;
  }

  function cells(p) {
    return SHAPES[p.type][p.rot].map(function (c) { return [p.x + c[0], p.y + c[1]]; });
  }

  function collides(s, p) {
    var cs = cells(p);
    for (var i = 0; i < cs.length; i++) {
      var x = cs[i][0], y = cs[i][1];
      if (x < 0 || x >= s.width || y >= s.height) return true;
      if (y >= 0 && s.board[y][x]) return true;
    }
    return false;
  }

  function grounded(s) {
    if (!s.piece) return false;
    return collides(s, { type: s.piece.type, rot: s.piece.rot, x: s.piece.x, y: s.piece.y + 1 });
  }

  function touched(s) {
    // A successful move on the ground restarts the lock delay a limited number of times.
    if (grounded(s) && s.resets < MAX_RESETS) { s.lockTimer = 0; s.resets++; }
  }

  function move(s, dx) {
    if (s.over || !s.piece) return false;
    var p = { type: s.piece.type, rot: s.piece.rot, x: s.piece.x + dx, y: s.piece.y };
    if (collides(s, p)) return false;
    s.piece = p; touched(s);
    return true;
  }

  // dir: 1 clockwise, -1 counter-clockwise. Tries the SRS kicks in order; false when all are blocked.
  function rotate(s, dir) {
    if (s.over || !s.piece) return false;
    var p = s.piece;
    if (p.type === 'O') return true;
    var to = (p.rot + (dir < 0 ? 3 : 1)) % 4;
    var table = (p.type === 'I' ? KICKS_I : KICKS)[p.rot + '>' + to];
    for (var i = 0; i < table.length; i++) {
      var q = { type: p.type, rot: to, x: p.x + table[i][0], y: p.y - table[i][1] };
      if (!collides(s, q)) { s.piece = q; touched(s); return true; }
    }
    return false;
  }

  function ghostY(s) {
    if (!s.piece) return 0;
    var p = { type: s.piece.type, rot: s.piece.rot, x: s.piece.x, y: s.piece.y };
    while (!collides(s, { type: p.type, rot: p.rot, x: p.x, y: p.y + 1 })) p.y++;
    return p.y;
  }

  // Removes full rows, shifts the rows above down; returns how many were cleared and which.
  function clearLines(s) {
    var rows = [];
    for (var y = 0; y < s.height; y++) {
      if (s.board[y].every(function (v) { return !!v; })) rows.push(y);
    }
    if (rows.length) {
      var keep = s.board.filter(function (row, y) { return rows.indexOf(y) < 0; });
      while (keep.length < s.height) keep.unshift(emptyRow(s.width));
      s.board = keep;
    }
    return rows;
  }

  function levelFor(s) { return s.startLevel + Math.floor(s.lines / 10); }

  // Writes the piece into the board, clears lines, scores them, spawns the next piece.
  function lock(s) {
    if (s.over || !s.piece) return null;
    var cs = cells(s.piece), above = true;
    cs.forEach(function (c) {
      if (c[1] >= 0) { s.board[c[1]][c[0]] = s.piece.type; above = false; }
    });
    s.pieces++;
    var rows = clearLines(s), n = rows.length;
    var points = LINE_SCORES[Math.min(4, n)] * s.level;
    s.score += points;
    s.lines += n;
    s.level = levelFor(s);
    s.lastClear = { lines: n, rows: rows, points: points, at: s.pieces };
    s.holdUsed = false;
    s.piece = null;
    if (above) { s.over = true; return s.lastClear; }
    spawn(s);
    return s.lastClear;
  }

  // One row down; scores a point when `soft` (the player pressed down). False when the piece is grounded.
  function softDrop(s, soft) {
    if (s.over || !s.piece) return false;
    var p = { type: s.piece.type, rot: s.piece.rot, x: s.piece.x, y: s.piece.y + 1 };
    if (collides(s, p)) return false;
    s.piece = p; s.fall = 0;
    if (soft !== false) s.score += 1;
    if (grounded(s)) s.lockTimer = 0;
    return true;
  }

  function hardDrop(s) {
    if (s.over || !s.piece) return null;
    var y = ghostY(s), d = y - s.piece.y;
    s.piece.y = y;
    s.score += 2 * d;
    return lock(s);
  }

  function holdPiece(s) {
    if (s.over || !s.piece || s.holdUsed) return false;
    var cur = s.piece.type;
    if (s.hold) { var h = s.hold; s.hold = cur; spawn(s, h); } else { s.hold = cur; spawn(s); }
    s.holdUsed = true;
    return true;
  }

  // Advances time by dt ms: gravity, then the lock delay of a grounded piece.
  // Returns the clear of a piece that locked during this step, or null.
  function update(s, dt) {
    if (s.over || !s.piece) return null;
    var g = gravityMs(s.level, s.speed), result = null;
    if (grounded(s)) {
      s.lockTimer += dt;
      if (s.lockTimer >= LOCK_DELAY) result = lock(s);
      return result;
    }
    s.fall += dt;
    while (s.fall >= g && !s.over) {
      s.fall -= g;
      if (!softDrop(s, false)) break;
      if (grounded(s)) { s.fall = 0; break; }
    }
    return result;
  }

  // Test helper: a board from strings, top row first ('.' or ' ' empty, any other letter filled).
  function setRows(s, rows) {
    var b = emptyBoard(s.width, s.height), off = s.height - rows.length;
    rows.forEach(function (r, i) {
      for (var x = 0; x < s.width; x++) {
        var ch = r.charAt(x);
        if (ch && ch !== '.' && ch !== ' ') b[off + i][x] = TYPES.indexOf(ch) >= 0 ? ch : 'I';
      }
    });
    s.board = b;
    return s;
  }

  function rowsOf(s) {
    return s.board.map(function (r) { return r.map(function (v) { return v ? v : '.'; }).join(''); });
  }

  return {
    TYPES: TYPES, SHAPES: SHAPES, LINE_SCORES: LINE_SCORES, LOCK_DELAY: LOCK_DELAY,
    create: create, newBag: newBag, gravityMs: gravityMs, preview: preview, spawn: spawn,
    cells: cells, collides: collides, grounded: grounded, move: move, rotate: rotate, ghostY: ghostY,
    clearLines: clearLines, lock: lock, softDrop: softDrop, hardDrop: hardDrop, hold: holdPiece,
    update: update, setRows: setRows, rows: rowsOf, mulberry: mulberry,
  };
})();
if (typeof module !== 'undefined') module.exports = TetrisRules;
