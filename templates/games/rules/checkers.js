// English draughts (checkers) on 8x8: men move and capture diagonally forward, kings both ways one
// square; captures are compulsory and a jump goes on while it can (a man that reaches the far row is
// crowned and the move ends). A side with no move loses; 40 moves each without a capture or a man's
// move is a draw. Player 0 (dark, at the bottom, moves first) and player 1 (light, at the top).
// No DOM access; the page and node tests share it.
var CheckersRules = (function () {
  'use strict';
  var SIZE = 8, DRAW_PLIES = 80;
  // pieces: 0 empty, 1 man of player 0, 2 king of player 0, 3 man of player 1, 4 king of player 1
  function owner(p) { return p ? (p - 1) >> 1 : -1; }
  function isKing(p) { return p === 2 || p === 4; }
  function idx(r, c) { return r * SIZE + c; }
  function dark(r, c) { return (r + c) % 2 === 1; }

  function create() {
    var b = [];
    for (var r = 0; r < SIZE; r++) {
      for (var c = 0; c < SIZE; c++) b.push(dark(r, c) ? (r < 3 ? 3 : r > 4 ? 1 : 0) : 0);
    }
    return { board: b, turn: 0, quiet: 0, plies: 0 };
  }
  // from rows of text, top row first: '.' empty, 'b'/'B' player 0 man/king, 'w'/'W' player 1
  function fromText(rows, turn) {
    var b = [];
    for (var r = 0; r < SIZE; r++) {
      for (var c = 0; c < SIZE; c++) b.push({ b: 1, B: 2, w: 3, W: 4 }[(rows[r] || '')[c]] || 0);
    }
    return { board: b, turn: turn || 0, quiet: 0, plies: 0 };
  }
  function clone(s) { return { board: s.board.slice(), turn: s.turn, quiet: s.quiet, plies: s.plies }; }
  function dirsFor(p) {
    if (isKing(p)) return [[-1, -1], [-1, 1], [1, -1], [1, 1]];
    return owner(p) === 0 ? [[-1, -1], [-1, 1]] : [[1, -1], [1, 1]];
  }
  function crownRow(p) { return owner(p) === 0 ? 0 : SIZE - 1; }

  function jumpsFrom(b, at, p, path, caps, out) {
    var r = Math.floor(at / SIZE), c = at % SIZE, dirs = dirsFor(p), any = false;
    for (var i = 0; i < dirs.length; i++) {
      var mr = r + dirs[i][0], mc = c + dirs[i][1], lr = r + 2 * dirs[i][0], lc = c + 2 * dirs[i][1];
      if (lr < 0 || lr >= SIZE || lc < 0 || lc >= SIZE) continue;
      var mid = idx(mr, mc), land = idx(lr, lc), q = b[mid];
      if (!q || owner(q) === owner(p) || b[land] || caps.indexOf(mid) >= 0) continue;
      any = true;
      var np = path.concat([land]), nc = caps.concat([mid]);
      if (!isKing(p) && lr === crownRow(p)) { out.push({ from: path[0], to: land, path: np, caps: nc, crown: true }); continue; }
      // the jumped piece stays on the board until the move ends (it cannot be jumped twice)
      var saved = b[at];
      b[at] = 0;
      if (!jumpsFrom(b, land, p, np, nc, out)) out.push({ from: path[0], to: land, path: np, caps: nc, crown: false });
      b[at] = saved;
    }
    return any;
  }
  function moves(s) {
    var b = s.board, jumps = [], steps = [];
    for (var i = 0; i < b.length; i++) {
      var p = b[i];
      if (!p || owner(p) !== s.turn) continue;
      jumpsFrom(b, i, p, [i], [], jumps);
      if (jumps.length) continue;
      var r = Math.floor(i / SIZE), c = i % SIZE, dirs = dirsFor(p);
      for (var d = 0; d < dirs.length; d++) {
        var nr = r + dirs[d][0], nc = c + dirs[d][1];
        if (nr < 0 || nr >= SIZE || nc < 0 || nc >= SIZE || b[idx(nr, nc)]) continue;
        steps.push({ from: i, to: idx(nr, nc), path: [i, idx(nr, nc)], caps: [], crown: !isKing(p) && nr === crownRow(p) });
      }
    }
    return jumps.length ? jumps : steps;
  }
  // play a move (one from moves(s)) on the state itself
  function apply(s, m) {
    var b = s.board, p = b[m.from];
    b[m.from] = 0;
    for (var i = 0; i < m.caps.length; i++) b[m.caps[i]] = 0;
    b[m.to] = m.crown ? p + 1 : p;
    s.quiet = m.caps.length || !isKing(p) ? 0 : s.quiet + 1;
    s.plies++;
    s.turn ^= 1;
    return s;
  }
  function count(s) {
    var n = [0, 0, 0, 0];
    s.board.forEach(function (p) { if (p) n[owner(p) * 2 + (isKing(p) ? 1 : 0)]++; });
    return { men: [n[0], n[2]], kings: [n[1], n[3]], total: [n[0] + n[1], n[2] + n[3]] };
  }
  // null while the game goes on, else {winner: 0|1|-1, reason: 'no_moves'|'draw'}
  function result(s) {
    if (!moves(s).length) return { winner: s.turn ^ 1, reason: 'no_moves' };
    if (s.quiet >= DRAW_PLIES) return { winner: -1, reason: 'draw' };
    return null;
  }

  function evaluate(s, me) {
    var b = s.board, v = 0;
    for (var i = 0; i < b.length; i++) {
      var p = b[i];
      if (!p) continue;
      var r = Math.floor(i / SIZE), c = i % SIZE, own = owner(p), val;
      if (isKing(p)) val = 170 + (c > 1 && c < 6 && r > 1 && r < 6 ? 8 : 0);
      else {
        var adv = own === 0 ? SIZE - 1 - r : r;
        val = 100 + adv * 4 + (c > 1 && c < 6 ? 3 : 0);
        if ((own === 0 && r === SIZE - 1) || (own === 1 && r === 0)) val += 6; // back row guards
      }
      v += own === me ? val : -val;
    }
    return v;
  }
  function search(s, depth, alpha, beta, me, stats) {
    stats.nodes++;
    var ms = moves(s);
    if (!ms.length) return s.turn === me ? -10000 - depth : 10000 + depth;
    if (s.quiet >= DRAW_PLIES) return 0;
    if (depth <= 0 && !ms[0].caps.length) return evaluate(s, me);
    if (depth <= -6 || stats.nodes > stats.limit) return evaluate(s, me);
    var maxing = s.turn === me, best = maxing ? -Infinity : Infinity;
    for (var i = 0; i < ms.length; i++) {
      var v = search(apply(clone(s), ms[i]), depth - 1, alpha, beta, me, stats);
      if (maxing) { if (v > best) best = v; if (v > alpha) alpha = v; } else { if (v < best) best = v; if (v < beta) beta = v; }
      if (alpha >= beta) break;
    }
    return best;
  }
  // the computer's move: alpha-beta to opts.depth (captures searched further), opts.noise with opts.rng
  function bestMove(s, opts) {
    opts = opts || {};
    var ms = moves(s);
    if (ms.length <= 1) return ms[0] || null;
    var depth = Math.max(1, Math.min(10, opts.depth || 4)), rng = opts.rng, noise = opts.noise || 0;
    var stats = { nodes: 0, limit: opts.nodes || 150000 }, best = null, bestV = -Infinity;
    for (var i = 0; i < ms.length; i++) {
      var v = search(apply(clone(s), ms[i]), depth - 1, noise ? -Infinity : bestV, Infinity, s.turn, stats);
      if (noise && rng) v += (rng() * 2 - 1) * noise;
      if (v > bestV) { bestV = v; best = ms[i]; }
    }
    return best;
  }

  var api = {
    SIZE: SIZE, DRAW_PLIES: DRAW_PLIES, create: create, fromText: fromText, clone: clone, owner: owner, isKing: isKing,
    idx: idx, dark: dark, moves: moves, apply: apply, count: count, result: result, evaluate: evaluate, bestMove: bestMove
  };
  return api;
})();
if (typeof module !== 'undefined') module.exports = CheckersRules;
