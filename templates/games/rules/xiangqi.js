// Xiangqi (Chinese chess) rules and a small engine: a padded mailbox board with make/unmake, full legal move
// generation (the palace, the river, the elephant's eye, the horse's leg, the cannon's screen, soldiers turning
// sideways after the river, the flying-general rule), check, checkmate and stalemate (both lose for the side to
// move), repetition (a perpetual checker loses, otherwise a draw), 60 moves each without a capture and no
// attacking pieces left (draws), Chinese move notation, and an alpha-beta search with quiescence.
// Squares are named by file a-i (Red's left to right) and rank 0-9 (Red's back rank is 0): the ICCS names.
// No DOM access; the page and node tests share it.
var XiangqiRules = (function () {
  'use strict';
  var K = 1, A = 2, E = 3, H = 4, R = 5, C = 6, P = 7, BLACK = 8;
  var START = 'rnbakabnr/9/1c5c1/p1p1p1p1p/9/9/P1P1P1P1P/1C5C1/9/RNBAKABNR w - - 0 1';
  var LETTERS = ' kabnrcp', CODES = ' KAEHRCP';  // FEN letters; the page's piece codes
  var CHARS = [' 帥仕相傌俥炮兵', ' 將士象馬車砲卒'];
  var NAMES = ['', 'General', 'Advisor', 'Elephant', 'Horse', 'Chariot', 'Cannon', 'Soldier'];
  var VAL = [0, 0, 200, 200, 400, 900, 450, 100];
  var MATE = 100000;
  var ORTH = [16, -16, 1, -1], DIAG = [17, 15, -15, -17];
  // the board: 16 columns x 14 rows, files 0-8 at columns 3-11, ranks 0-9 at rows 2-11; the rest is off the board
  var SIZE = 224, ON = new Int8Array(SIZE), PALACE = new Int8Array(SIZE), SQUARES = [];
  function sq(file, rank) { return (rank + 2) * 16 + file + 3; }
  function fileOf(s) { return (s & 15) - 3; }
  function rankOf(s) { return (s >> 4) - 2; }
  for (var r0 = 0; r0 < 10; r0++) {
    for (var f0 = 0; f0 < 9; f0++) {
      var s0 = sq(f0, r0);
      ON[s0] = 1; SQUARES.push(s0);
      if (f0 >= 3 && f0 <= 5 && (r0 <= 2 || r0 >= 7)) PALACE[s0] = r0 <= 2 ? 1 : 2;  // 1: Red's, 2: Black's
    }
  }
  function ownSide(c, s) { return c ? rankOf(s) >= 5 : rankOf(s) <= 4; }  // c's own half of the board
  function name(s) { return 'abcdefghi'[fileOf(s)] + rankOf(s); }
  function parseSq(t) {
    t = String(t || '');
    var f = 'abcdefghi'.indexOf(t[0]), r = Number(t[1]);
    return t.length === 2 && f >= 0 && r >= 0 && r <= 9 ? sq(f, r) : -1;
  }
  function mFrom(m) { return m & 255; }
  function mTo(m) { return (m >> 8) & 255; }
  function enc(from, to) { return from | (to << 8); }

  function fromFEN(fen) {
    var parts = String(fen || START).trim().split(/\s+/);
    var b = new Int8Array(SIZE), s = { b: b, turn: 0, half: 0, full: 1, king: [-1, -1], stack: [], moves: [], keys: [], checks: [] };
    var rows = (parts[0] || '').split('/');
    if (rows.length !== 10) throw new Error('bad FEN');
    for (var r = 0; r < 10; r++) {
      var f = 0, row = rows[9 - r];
      for (var j = 0; j < row.length; j++) {
        var c = row[j];
        if (c >= '1' && c <= '9') { f += Number(c); continue; }
        var lc = c.toLowerCase(), t = LETTERS.indexOf(lc === 'e' ? 'b' : lc === 'h' ? 'n' : lc);
        if (t <= 0 || f > 8) throw new Error('bad FEN');
        var p = t | (c === lc ? BLACK : 0);
        if (t === K) {
          if (s.king[p >> 3] >= 0 || !PALACE[sq(f, r)]) throw new Error('bad FEN: a general outside a palace');
          s.king[p >> 3] = sq(f, r);
        }
        b[sq(f, r)] = p;
        f++;
      }
      if (f > 9) throw new Error('bad FEN');
    }
    if (s.king[0] < 0 || s.king[1] < 0) throw new Error('bad FEN: a general is missing');
    s.turn = parts[1] === 'b' ? 1 : 0;
    s.half = Number(parts[4]) || 0;
    s.full = Number(parts[5]) || 1;
    s.keys = [key(s)];
    s.checks = [false];
    return s;
  }
  function boardFEN(s) {
    var out = [];
    for (var r = 9; r >= 0; r--) {
      var row = '', gap = 0;
      for (var f = 0; f < 9; f++) {
        var p = s.b[sq(f, r)];
        if (!p) { gap++; continue; }
        if (gap) { row += gap; gap = 0; }
        var c = LETTERS[p & 7];
        row += p & BLACK ? c : c.toUpperCase();
      }
      if (gap) row += gap;
      out.push(row);
    }
    return out.join('/');
  }
  function toFEN(s) { return boardFEN(s) + ' ' + (s.turn ? 'b' : 'w') + ' - - ' + s.half + ' ' + s.full; }
  function key(s) { return boardFEN(s) + (s.turn ? ' b' : ' w'); }

  // Is the general of side c (on square k) attacked, or facing the other general on an open file?
  function attacked(s, k, c) {
    var b = s.b, en = (c ^ 1) << 3, i, d, x, p;
    for (i = 0; i < 4; i++) {
      d = ORTH[i]; x = k + d;
      while (ON[x] && !b[x]) x += d;
      if (!ON[x]) continue;
      p = b[x];
      if (p === (en | R) || (p === (en | K) && (d === 16 || d === -16))) return true;
      x += d;
      while (ON[x] && !b[x]) x += d;
      if (ON[x] && b[x] === (en | C)) return true;
    }
    for (i = 0; i < 4; i++) {  // horses: the leg is the point diagonally next to the general
      d = DIAG[i]; x = k + d;
      if (b[x]) continue;
      var v = d > 0 ? 16 : -16, h = d - v;
      if (b[x + h] === (en | H) || b[x + v] === (en | H)) return true;
    }
    var fwd = c ? 16 : -16;  // an enemy soldier moving toward k comes from k - (its forward step)
    if (b[k - fwd] === (en | P)) return true;
    if (!ownSide(c ^ 1, k) && (b[k + 1] === (en | P) || b[k - 1] === (en | P))) return true;
    return false;
  }
  function inCheck(s) { return attacked(s, s.king[s.turn], s.turn); }

  // pseudo-legal moves of the side to move (all of them, or captures only)
  function gen(s, out, capturesOnly) {
    var b = s.b, us = s.turn, mine = us << 3, fwd = us ? -16 : 16;
    function add(from, to) {
      var t = b[to];
      if (!ON[to] || (t && (t & BLACK) === mine) || (capturesOnly && !t)) return;
      out.push(enc(from, to));
    }
    for (var n = 0; n < SQUARES.length; n++) {
      var from = SQUARES[n], p = b[from];
      if (!p || (p & BLACK) !== mine) continue;
      var t = p & 7, i, d, x;
      if (t === K) {
        for (i = 0; i < 4; i++) { x = from + ORTH[i]; if (PALACE[x] === us + 1) add(from, x); }
      } else if (t === A) {
        for (i = 0; i < 4; i++) { x = from + DIAG[i]; if (PALACE[x] === us + 1) add(from, x); }
      } else if (t === E) {
        for (i = 0; i < 4; i++) {
          x = from + 2 * DIAG[i];
          if (ON[x] && !b[from + DIAG[i]] && ownSide(us, x)) add(from, x);
        }
      } else if (t === H) {
        for (i = 0; i < 4; i++) {
          d = ORTH[i]; x = from + d;
          if (!ON[x] || b[x]) continue;
          var side = d === 16 || d === -16 ? 1 : 16;
          add(from, x + d + side); add(from, x + d - side);
        }
      } else if (t === R) {
        for (i = 0; i < 4; i++) {
          d = ORTH[i]; x = from + d;
          while (ON[x] && !b[x]) { if (!capturesOnly) out.push(enc(from, x)); x += d; }
          add(from, x);
        }
      } else if (t === C) {
        for (i = 0; i < 4; i++) {
          d = ORTH[i]; x = from + d;
          while (ON[x] && !b[x]) { if (!capturesOnly) out.push(enc(from, x)); x += d; }
          if (!ON[x]) continue;
          x += d;  // jump the screen
          while (ON[x] && !b[x]) x += d;
          if (ON[x] && (b[x] & BLACK) !== mine) out.push(enc(from, x));
        }
      } else {  // soldier
        add(from, from + fwd);
        if (!ownSide(us, from)) { add(from, from + 1); add(from, from - 1); }
      }
    }
    return out;
  }

  function make(s, m) {
    var from = mFrom(m), to = mTo(m), b = s.b, p = b[from], cap = b[to];
    s.stack.push(cap, s.half);
    b[to] = p; b[from] = 0;
    if ((p & 7) === K) s.king[p >> 3] = to;
    s.half = cap ? 0 : s.half + 1;
    if (s.turn) s.full++;
    s.turn ^= 1;
  }
  function unmake(s, m) {
    var from = mFrom(m), to = mTo(m), b = s.b, p = b[to];
    s.half = s.stack.pop();
    b[from] = p; b[to] = s.stack.pop();
    if ((p & 7) === K) s.king[p >> 3] = from;
    s.turn ^= 1;
    if (s.turn) s.full--;
  }
  function legal(s, m) {
    var us = s.turn;
    make(s, m);
    var ok = !attacked(s, s.king[us], us);
    unmake(s, m);
    return ok;
  }
  function legalMoves(s) { return gen(s, [], false).filter(function (m) { return legal(s, m); }); }

  // a move of the game (kept for undo, repetition and notation); the search uses make/unmake
  function play(s, m) {
    make(s, m);
    s.moves.push(m);
    s.keys.push(key(s));
    s.checks.push(inCheck(s));
  }
  function undo(s) {
    if (!s.moves.length) return false;
    unmake(s, s.moves.pop());
    s.keys.pop(); s.checks.pop();
    return true;
  }
  function perft(s, depth) {
    if (depth === 0) return 1;
    var ms = gen(s, [], false), n = 0, us = s.turn;
    for (var i = 0; i < ms.length; i++) {
      make(s, ms[i]);
      if (!attacked(s, s.king[us], us)) n += depth === 1 ? 1 : perft(s, depth - 1);
      unmake(s, ms[i]);
    }
    return n;
  }
  function find(s, text) {
    text = String(text || '').replace(/[-–x]/g, '');
    var from = parseSq(text.slice(0, 2)), to = parseSq(text.slice(2, 4));
    var ms = legalMoves(s);
    for (var i = 0; i < ms.length; i++) if (mFrom(ms[i]) === from && mTo(ms[i]) === to) return ms[i];
    return 0;
  }
  function uci(m) { return name(mFrom(m)) + name(mTo(m)); }
  function hasAttackers(s, c) {
    for (var n = 0; n < SQUARES.length; n++) {
      var p = s.b[SQUARES[n]];
      if (p && p >> 3 === c && (p & 7) >= H) return true;
    }
    return false;
  }

  // the game's end: {over, winner} (winner 0 Red, 1 Black, -1 a draw) or null while it goes on
  function result(s) {
    if (!legalMoves(s).length) return { over: inCheck(s) ? 'checkmate' : 'stalemate', winner: s.turn ^ 1 };
    var k = s.keys[s.keys.length - 1], seen = [];
    for (var i = 0; i < s.keys.length; i++) if (s.keys[i] === k) seen.push(i);
    if (seen.length >= 3) {
      // a side that checked with every one of its moves since the first time this position stood loses
      var all = [true, true], moved = [false, false], last = s.keys.length - 1;
      for (var j = seen[0] + 1; j <= last; j++) {
        var mover = (s.turn + (last - j) + 1) % 2;  // the side that made the move leading to keys[j]
        moved[mover] = true;
        if (!s.checks[j]) all[mover] = false;
      }
      var p0 = all[0] && moved[0], p1 = all[1] && moved[1];
      if (p0 !== p1) return { over: 'perpetual', winner: p0 ? 1 : 0 };
      return { over: 'repetition', winner: -1 };
    }
    if (s.half >= 120) return { over: 'nocapture', winner: -1 };
    if (!hasAttackers(s, 0) && !hasAttackers(s, 1)) return { over: 'material', winner: -1 };
    return null;
  }

  // Chinese notation, as said before the move is played: 炮二平五, 馬８進７, 前俥進一
  var RED_NUM = '一二三四五六七八九', BLACK_NUM = '１２３４５６７８９';
  function notation(s, m, lang) {
    var from = mFrom(m), to = mTo(m), p = s.b[from], c = p >> 3, t = p & 7;
    if (lang !== 'zh-Hans' && lang !== 'zh-Hant') {
      return CHARS[c][t] + ' ' + name(from) + (s.b[to] ? '×' : '–') + name(to);
    }
    var num = function (f) { return c ? BLACK_NUM[f] : RED_NUM[8 - f]; };
    var ahead = function (x) { return c ? -rankOf(x) : rankOf(x); };
    var f = fileOf(from), dr = ahead(to) - ahead(from), head = CHARS[c][t] + num(f);
    var same = [];  // the same pieces on this file, frontmost first
    for (var r = 0; r < 10; r++) if (s.b[sq(f, r)] === p) same.push(sq(f, r));
    if (same.length > 1) {
      same.sort(function (x, y) { return ahead(y) - ahead(x); });
      var at = same.indexOf(from), back = lang === 'zh-Hans' ? '后' : '後';
      var tags = same.length === 2 ? ['前', back] : same.length === 3 ? ['前', '中', back] : RED_NUM.split('');
      head = tags[at] + CHARS[c][t];
    }
    var go = lang === 'zh-Hans' ? '进' : '進';
    if (!dr) return head + '平' + num(fileOf(to));
    var act = dr > 0 ? go : '退';
    var linear = t === K || t === R || t === C || t === P;
    return head + act + (linear ? (c ? BLACK_NUM : RED_NUM)[Math.abs(dr) - 1] : num(fileOf(to)));
  }

  /* ---------- the engine ---------- */
  // positional bonuses (Red's view; Black mirrors the rank): soldiers over the river and near the palace,
  // horses and cannons toward the centre, chariots on open, advanced lines
  function bonus(t, f, r) {
    var centre = 4 - Math.abs(f - 4);
    if (t === P) {
      if (r <= 4) return r === 4 && (f === 2 || f === 4 || f === 6) ? 10 : 0;
      if (r === 9) return 40;
      return 90 + (r >= 6 && r <= 8 && f >= 2 && f <= 6 ? 50 + (3 - Math.abs(f - 4)) * 10 : 10) + (r - 5) * 5;
    }
    if (t === H) return centre * 8 + (r >= 2 && r <= 7 ? 20 : 0) + (r >= 5 ? 10 : 0) - (f === 0 || f === 8 ? 20 : 0);
    if (t === C) return (f === 4 ? 25 : centre * 3) + (r === 2 ? 5 : 0) + (r >= 7 ? -10 : 0);
    if (t === R) return centre * 4 + (r >= 5 ? 20 : 0) + (r === 0 ? -15 : 0);
    if (t === A || t === E) return f === 4 ? 10 : 0;
    return 0;
  }
  var PST = [];  // [piece code][square]
  for (var pc = 0; pc < 16; pc++) {
    PST[pc] = new Int16Array(SIZE);
    var tt = pc & 7;
    if (!tt) continue;
    for (var n0 = 0; n0 < SQUARES.length; n0++) {
      var q = SQUARES[n0], rr = pc & BLACK ? 9 - rankOf(q) : rankOf(q);
      PST[pc][q] = VAL[tt] + bonus(tt, fileOf(q), rr);
    }
  }
  function evaluate(s) {  // for the side to move
    var v = 0;
    for (var n = 0; n < SQUARES.length; n++) {
      var x = SQUARES[n], p = s.b[x];
      if (p) v += p & BLACK ? -PST[p][x] : PST[p][x];
    }
    return s.turn ? -v : v;
  }
  function orderScore(s, m, best, killers, ply) {
    if (m === best) return 1e7;
    var cap = s.b[mTo(m)];
    if (cap) return 1e6 + VAL[cap & 7] * 10 - VAL[s.b[mFrom(m)] & 7] / 10;
    if (killers && (killers[ply * 2] === m || killers[ply * 2 + 1] === m)) return 8e5;
    return 0;
  }
  function sortMoves(s, moves, best, killers, ply) {
    var scored = moves.map(function (m) { return [orderScore(s, m, best, killers, ply), m]; });
    scored.sort(function (a, c) { return c[0] - a[0]; });
    return scored.map(function (e) { return e[1]; });
  }
  function Searcher(limit) { this.nodes = 0; this.limit = limit || 1e9; this.stop = false; this.killers = []; }
  Searcher.prototype.quiesce = function (s, alpha, beta, qd) {
    this.nodes++;
    var stand = evaluate(s);
    if (stand >= beta) return stand;
    if (stand > alpha) alpha = stand;
    if (qd > 6) return stand;
    var moves = sortMoves(s, gen(s, [], true), 0, null, 0), us = s.turn;
    for (var i = 0; i < moves.length; i++) {
      var m = moves[i];
      make(s, m);
      if (attacked(s, s.king[us], us)) { unmake(s, m); continue; }
      var v = -this.quiesce(s, -beta, -alpha, qd + 1);
      unmake(s, m);
      if (v >= beta) return v;
      if (v > alpha) alpha = v;
    }
    return alpha;
  };
  Searcher.prototype.negamax = function (s, depth, alpha, beta, ply) {
    if (this.nodes >= this.limit) { this.stop = true; return 0; }
    var check = inCheck(s);
    if (check && ply < 12) depth++;
    if (depth <= 0) return this.quiesce(s, alpha, beta, 0);
    this.nodes++;
    var moves = sortMoves(s, gen(s, [], false), 0, this.killers, ply), us = s.turn, count = 0, best = -MATE - 1;
    for (var i = 0; i < moves.length; i++) {
      var m = moves[i];
      make(s, m);
      if (attacked(s, s.king[us], us)) { unmake(s, m); continue; }
      count++;
      var v = -this.negamax(s, depth - 1, -beta, -alpha, ply + 1);
      unmake(s, m);
      if (this.stop) return 0;
      if (v > best) best = v;
      if (v > alpha) alpha = v;
      if (alpha >= beta) {
        if (!s.b[mTo(m)] && this.killers[ply * 2] !== m) { this.killers[ply * 2 + 1] = this.killers[ply * 2]; this.killers[ply * 2] = m; }
        break;
      }
    }
    if (!count) return -MATE + ply;  // checkmated or stalemated: a loss either way
    return best;
  };

  // the computer's move: iterative deepening up to opts.depth, within opts.nodes; opts.noise (a soldier is 100)
  // with opts.rng blurs the root scores for weaker play. A move that repeats a position for the third time is
  // scored by the repetition rule (a draw, or a loss for a perpetual checker).
  function bestMove(s, opts) {
    opts = opts || {};
    var maxDepth = Math.max(1, Math.min(8, opts.depth || 3)), rng = opts.rng || null, noise = opts.noise || 0;
    var root = legalMoves(s);
    if (!root.length) return 0;
    if (root.length === 1) return root[0];
    var fixed = {}, us = s.turn;
    root.forEach(function (m) {
      play(s, m);
      var k = s.keys[s.keys.length - 1], times = s.keys.filter(function (x) { return x === k; }).length;
      if (times >= 3) {
        var res = result(s);
        if (res && res.over !== 'checkmate' && res.over !== 'stalemate') fixed[m] = res.winner < 0 ? 0 : res.winner === us ? MATE - 1 : -MATE + 1;
      }
      undo(s);
    });
    var se = new Searcher(opts.nodes || 200000), best = root[0], jitter = {};
    if (noise && rng) root.forEach(function (m) { jitter[m] = Math.round((rng() * 2 - 1) * noise); });
    for (var d = 1; d <= maxDepth; d++) {
      var moves = sortMoves(s, root, best, null, 0), alpha = -MATE - 1, iterBest = 0, iterScore = -MATE - 1;
      for (var i = 0; i < moves.length; i++) {
        var m = moves[i], v;
        if (fixed[m] != null) v = fixed[m];
        else {
          make(s, m);
          v = -se.negamax(s, d - 1, -MATE - 1, -alpha, 1);
          unmake(s, m);
        }
        if (se.stop) break;
        v += jitter[m] || 0;
        if (v > iterScore) { iterScore = v; iterBest = m; }
        if (v > alpha && !noise) alpha = v;
      }
      if (se.stop) { if (iterBest && i > 0) best = iterBest; break; }
      best = iterBest;
      if (iterScore > MATE - 100) break;
    }
    return best;
  }

  function create(fen) { return fromFEN(fen || START); }
  // 'rK' (Red's general) .. 'bP' (a black soldier), '' for an empty point
  function piece(s, x) {
    var p = s.b[x];
    return p ? (p & BLACK ? 'b' : 'r') + CODES[p & 7] : '';
  }
  function glyph(code) {  // 'rK' -> 帥
    var t = CODES.indexOf(String(code).slice(1, 2).toUpperCase());
    return t > 0 ? CHARS[code[0] === 'b' ? 1 : 0][t] : '';
  }
  function board(s) {  // ten strings, rank 9 first, as a FEN's letters ('.' for empty points)
    var out = [];
    for (var r = 9; r >= 0; r--) {
      var row = '';
      for (var f = 0; f < 9; f++) { var p = s.b[sq(f, r)]; row += p ? (p & BLACK ? LETTERS[p & 7] : LETTERS[p & 7].toUpperCase()) : '.'; }
      out.push(row);
    }
    return out;
  }

  return {
    START: START, K: K, A: A, E: E, H: H, R: R, C: C, P: P, BLACK: BLACK, NAMES: NAMES, CHARS: CHARS, MATE: MATE,
    create: create, fromFEN: fromFEN, toFEN: toFEN, key: key, board: board,
    sq: sq, fileOf: fileOf, rankOf: rankOf, name: name, parseSq: parseSq, squares: SQUARES.slice(),
    from: mFrom, to: mTo, isCapture: function (s, m) { return !!s.b[mTo(m)]; },
    moves: legalMoves, gen: gen, make: make, unmake: unmake, play: play, undo: undo, find: find, uci: uci,
    notation: notation, attacked: attacked, inCheck: inCheck, result: result, perft: perft,
    evaluate: evaluate, bestMove: bestMove, piece: piece, glyph: glyph
  };
})();
if (typeof module !== 'undefined') module.exports = XiangqiRules;
