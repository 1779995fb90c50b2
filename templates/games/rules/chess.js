// Chess rules and a small engine: a 0x88 board with make/unmake, full legal move generation
// (castling, en passant, promotion), check, checkmate, stalemate, draws by insufficient material,
// the fifty-move rule and threefold repetition, and an alpha-beta search with quiescence.
// No DOM access; the page and node tests share it.
var ChessRules = (function () {
  'use strict';
  var P = 1, N = 2, B = 3, R = 4, Q = 5, K = 6, BLACK = 8;
  var F_CAP = 1, F_DOUBLE = 2, F_EP = 4, F_CASTLE = 8;
  var N_OFF = [-33, -31, -18, -14, 14, 18, 31, 33];
  var K_OFF = [-17, -16, -15, -1, 1, 15, 16, 17];
  var B_OFF = [-17, -15, 15, 17];
  var R_OFF = [-16, -1, 1, 16];
  var START = 'rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1';
  var LETTERS = ' pnbrqk';
  // castling rights: 1 white king side, 2 white queen side, 4 black king side, 8 black queen side
  var CMASK = new Int8Array(128);
  for (var i = 0; i < 128; i++) CMASK[i] = 15;
  CMASK[0] = 13; CMASK[7] = 14; CMASK[4] = 12; CMASK[112] = 7; CMASK[119] = 11; CMASK[116] = 3;

  function sq(file, rank) { return rank * 16 + file; }
  function fileOf(s) { return s & 7; }
  function rankOf(s) { return s >> 4; }
  function name(s) { return 'abcdefgh'[s & 7] + (1 + (s >> 4)); }
  function parseSq(t) {
    t = String(t || '');
    var f = 'abcdefgh'.indexOf(t[0]), r = Number(t[1]) - 1;
    return f >= 0 && r >= 0 && r < 8 ? sq(f, r) : -1;
  }
  function mFrom(m) { return m & 127; }
  function mTo(m) { return (m >> 7) & 127; }
  function mPromo(m) { return (m >> 14) & 7; }
  function mFlags(m) { return m >>> 17; }
  function enc(from, to, promo, fl) { return from | (to << 7) | (promo << 14) | (fl << 17); }

  function fromFEN(fen) {
    var parts = String(fen || START).trim().split(/\s+/);
    var b = new Int8Array(128), s = { b: b, turn: 0, castle: 0, ep: -1, half: 0, full: 1, king: [-1, -1], stack: [], keys: [] };
    var rows = (parts[0] || '').split('/');
    if (rows.length !== 8) throw new Error('bad FEN');
    for (var r = 0; r < 8; r++) {
      var f = 0, row = rows[7 - r];
      for (var j = 0; j < row.length; j++) {
        var c = row[j];
        if (c >= '1' && c <= '8') { f += Number(c); continue; }
        var t = LETTERS.indexOf(c.toLowerCase());
        if (t <= 0 || f > 7) throw new Error('bad FEN');
        var p = t | (c === c.toLowerCase() ? BLACK : 0);
        b[sq(f, r)] = p;
        if (t === K) s.king[p & BLACK ? 1 : 0] = sq(f, r);
        f++;
      }
    }
    if (s.king[0] < 0 || s.king[1] < 0) throw new Error('bad FEN: a king is missing');
    s.turn = parts[1] === 'b' ? 1 : 0;
    var cs = parts[2] || '-';
    if (cs.indexOf('K') >= 0) s.castle |= 1;
    if (cs.indexOf('Q') >= 0) s.castle |= 2;
    if (cs.indexOf('k') >= 0) s.castle |= 4;
    if (cs.indexOf('q') >= 0) s.castle |= 8;
    s.ep = parts[3] && parts[3] !== '-' ? parseSq(parts[3]) : -1;
    s.half = Number(parts[4]) || 0;
    s.full = Number(parts[5]) || 1;
    s.keys = [key(s)];
    return s;
  }

  function boardFEN(s) {
    var out = [];
    for (var r = 7; r >= 0; r--) {
      var row = '', gap = 0;
      for (var f = 0; f < 8; f++) {
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
  function castleText(c) {
    var t = (c & 1 ? 'K' : '') + (c & 2 ? 'Q' : '') + (c & 4 ? 'k' : '') + (c & 8 ? 'q' : '');
    return t || '-';
  }
  function toFEN(s) {
    return [boardFEN(s), s.turn ? 'b' : 'w', castleText(s.castle), s.ep >= 0 ? name(s.ep) : '-', s.half, s.full].join(' ');
  }
  // the position as repetition sees it (en passant only when a capture is really possible)
  function key(s) {
    var ep = '-';
    if (s.ep >= 0) {
      var pawn = P | (s.turn ? BLACK : 0), back = s.turn ? 16 : -16;
      var l = s.ep + back - 1, rr = s.ep + back + 1;
      if ((!(l & 0x88) && s.b[l] === pawn) || (!(rr & 0x88) && s.b[rr] === pawn)) ep = name(s.ep);
    }
    return boardFEN(s) + ' ' + s.turn + castleText(s.castle) + ep;
  }

  function attacked(s, target, by) {
    var b = s.b, c = by ? BLACK : 0, t, d, j;
    // pawns
    if (by) {
      t = target + 15; if (!(t & 0x88) && b[t] === (P | BLACK)) return true;
      t = target + 17; if (!(t & 0x88) && b[t] === (P | BLACK)) return true;
    } else {
      t = target - 15; if (!(t & 0x88) && b[t] === P) return true;
      t = target - 17; if (!(t & 0x88) && b[t] === P) return true;
    }
    for (j = 0; j < 8; j++) {
      t = target + N_OFF[j];
      if (!(t & 0x88) && b[t] === (N | c)) return true;
      t = target + K_OFF[j];
      if (!(t & 0x88) && b[t] === (K | c)) return true;
    }
    for (j = 0; j < 4; j++) {
      d = B_OFF[j]; t = target + d;
      while (!(t & 0x88)) {
        var p = b[t];
        if (p) { if (p === (B | c) || p === (Q | c)) return true; break; }
        t += d;
      }
      d = R_OFF[j]; t = target + d;
      while (!(t & 0x88)) {
        var q = b[t];
        if (q) { if (q === (R | c) || q === (Q | c)) return true; break; }
        t += d;
      }
    }
    return false;
  }
  function inCheck(s) { return attacked(s, s.king[s.turn], s.turn ^ 1); }

  function addPawn(out, from, to, fl, promoRank) {
    if (rankOf(to) === promoRank) {
      out.push(enc(from, to, Q, fl), enc(from, to, N, fl), enc(from, to, R, fl), enc(from, to, B, fl));
    } else out.push(enc(from, to, 0, fl));
  }
  // pseudo-legal moves; capsOnly: captures and queen promotions (for quiescence)
  function gen(s, out, capsOnly) {
    var b = s.b, us = s.turn, ub = us ? BLACK : 0, from, to, p, t, j, d, x;
    for (from = 0; from < 128; from++) {
      if (from & 0x88) { from += 7; continue; }
      p = b[from];
      if (!p || (p & BLACK) !== ub) continue;
      t = p & 7;
      if (t === P) {
        var dir = us ? -16 : 16, promoRank = us ? 0 : 7;
        to = from + dir;
        if (!(to & 0x88) && !b[to]) {
          if (rankOf(to) === promoRank) out.push(enc(from, to, Q, 0));
          if (!capsOnly) {
            if (rankOf(to) === promoRank) out.push(enc(from, to, N, 0), enc(from, to, R, 0), enc(from, to, B, 0));
            else {
              out.push(enc(from, to, 0, 0));
              if (rankOf(from) === (us ? 6 : 1) && !b[to + dir]) out.push(enc(from, to + dir, 0, F_DOUBLE));
            }
          }
        }
        for (j = -1; j <= 1; j += 2) {
          to = from + dir + j;
          if (to & 0x88) continue;
          x = b[to];
          if (x && (x & BLACK) !== ub) addPawn(out, from, to, F_CAP, promoRank);
          else if (to === s.ep && !x) out.push(enc(from, to, 0, F_EP | F_CAP));
        }
      } else if (t === N || t === K) {
        var offs = t === N ? N_OFF : K_OFF;
        for (j = 0; j < 8; j++) {
          to = from + offs[j];
          if (to & 0x88) continue;
          x = b[to];
          if (!x) { if (!capsOnly) out.push(enc(from, to, 0, 0)); } else if ((x & BLACK) !== ub) out.push(enc(from, to, 0, F_CAP));
        }
        if (t === K && !capsOnly) genCastles(s, out, from);
      } else {
        var dirs = t === B ? B_OFF : t === R ? R_OFF : K_OFF, nd = dirs.length;
        for (j = 0; j < nd; j++) {
          d = dirs[j]; to = from + d;
          while (!(to & 0x88)) {
            x = b[to];
            if (!x) { if (!capsOnly) out.push(enc(from, to, 0, 0)); } else {
              if ((x & BLACK) !== ub) out.push(enc(from, to, 0, F_CAP));
              break;
            }
            to += d;
          }
        }
      }
    }
    return out;
  }
  function genCastles(s, out, from) {
    var b = s.b, us = s.turn, them = us ^ 1, home = us ? 116 : 4;
    if (from !== home) return;
    var ks = us ? 4 : 1, qs = us ? 8 : 2, rook = R | (us ? BLACK : 0);
    if ((s.castle & ks) && b[home + 3] === rook && !b[home + 1] && !b[home + 2] &&
        !attacked(s, home, them) && !attacked(s, home + 1, them) && !attacked(s, home + 2, them)) {
      out.push(enc(home, home + 2, 0, F_CASTLE));
    }
    if ((s.castle & qs) && b[home - 4] === rook && !b[home - 1] && !b[home - 2] && !b[home - 3] &&
        !attacked(s, home, them) && !attacked(s, home - 1, them) && !attacked(s, home - 2, them)) {
      out.push(enc(home, home - 2, 0, F_CASTLE));
    }
  }

  function make(s, m) {
    var b = s.b, from = m & 127, to = (m >> 7) & 127, promo = (m >> 14) & 7, fl = m >>> 17;
    var p = b[from], cap = b[to], us = s.turn;
    if (fl & F_EP) { var cs = to + (us ? 16 : -16); cap = b[cs]; b[cs] = 0; }
    s.stack.push(m, cap, s.castle, s.ep, s.half);
    b[to] = promo ? (promo | (us ? BLACK : 0)) : p;
    b[from] = 0;
    if (fl & F_CASTLE) {
      if (to > from) { b[from + 1] = b[from + 3]; b[from + 3] = 0; } else { b[from - 1] = b[from - 4]; b[from - 4] = 0; }
    }
    if ((p & 7) === K) s.king[us] = to;
    s.castle &= CMASK[from] & CMASK[to];
    s.ep = fl & F_DOUBLE ? (from + to) >> 1 : -1;
    s.half = (p & 7) === P || cap ? 0 : s.half + 1;
    if (us) s.full++;
    s.turn = us ^ 1;
  }
  function unmake(s) {
    var st = s.stack, n = st.length;
    var half = st[n - 1], ep = st[n - 2], castle = st[n - 3], cap = st[n - 4], m = st[n - 5];
    st.length = n - 5;
    var b = s.b, from = m & 127, to = (m >> 7) & 127, promo = (m >> 14) & 7, fl = m >>> 17;
    var us = s.turn ^ 1, p = b[to];
    s.turn = us;
    if (us) s.full--;
    s.half = half; s.ep = ep; s.castle = castle;
    b[from] = promo ? (P | (us ? BLACK : 0)) : p;
    if (fl & F_EP) { b[to] = 0; b[to + (us ? 16 : -16)] = cap; } else b[to] = cap;
    if (fl & F_CASTLE) {
      if (to > from) { b[from + 3] = b[from + 1]; b[from + 1] = 0; } else { b[from - 4] = b[from - 1]; b[from - 1] = 0; }
    }
    if ((p & 7) === K) s.king[us] = from;
  }

  function legalMoves(s) {
    var out = gen(s, [], false), res = [], us = s.turn;
    for (var i = 0; i < out.length; i++) {
      make(s, out[i]);
      if (!attacked(s, s.king[us], us ^ 1)) res.push(out[i]);
      unmake(s);
    }
    return res;
  }
  function perft(s, depth) {
    if (depth === 0) return 1;
    var out = gen(s, [], false), us = s.turn, n = 0;
    for (var i = 0; i < out.length; i++) {
      make(s, out[i]);
      if (!attacked(s, s.king[us], us ^ 1)) n += depth === 1 ? 1 : perft(s, depth - 1);
      unmake(s);
    }
    return n;
  }

  function insufficient(s) {
    var minors = 0, bishops = [0, 0], knights = 0;
    for (var i = 0; i < 128; i++) {
      if (i & 0x88) { i += 7; continue; }
      var t = s.b[i] & 7;
      if (!t || t === K) continue;
      if (t === P || t === R || t === Q) return false;
      minors++;
      if (t === N) knights++;
      else bishops[(fileOf(i) + rankOf(i)) & 1]++;
    }
    if (minors <= 1) return true;
    return knights === 0 && (bishops[0] === 0 || bishops[1] === 0);
  }
  // null while the game goes on, else {over: 'checkmate'|'stalemate'|'insufficient'|'fifty'|'repetition', winner: 0|1|-1}
  function result(s) {
    var moves = legalMoves(s);
    if (!moves.length) return inCheck(s) ? { over: 'checkmate', winner: s.turn ^ 1 } : { over: 'stalemate', winner: -1 };
    if (insufficient(s)) return { over: 'insufficient', winner: -1 };
    if (s.half >= 100) return { over: 'fifty', winner: -1 };
    var k = s.keys.length ? s.keys[s.keys.length - 1] : key(s), seen = 0;
    for (var i = 0; i < s.keys.length; i++) if (s.keys[i] === k) seen++;
    if (seen >= 3) return { over: 'repetition', winner: -1 };
    return null;
  }
  // a game move: make it and remember the position for repetition
  function play(s, m) { make(s, m); s.keys.push(key(s)); }
  function undo(s) { unmake(s); if (s.keys.length > 1) s.keys.pop(); }
  function find(s, uci) {
    var t = String(uci || '').toLowerCase(), from = parseSq(t.slice(0, 2)), to = parseSq(t.slice(2, 4));
    var pr = t[4] ? LETTERS.indexOf(t[4]) : 0, ms = legalMoves(s);
    for (var i = 0; i < ms.length; i++) {
      var m = ms[i];
      if (mFrom(m) === from && mTo(m) === to && (mPromo(m) === pr || (!t[4] && mPromo(m) === Q))) return m;
    }
    return 0;
  }
  function uci(m) { return name(mFrom(m)) + name(mTo(m)) + (mPromo(m) ? LETTERS[mPromo(m)] : ''); }
  function san(s, m) {
    var from = mFrom(m), to = mTo(m), p = s.b[from], t = p & 7, out = '';
    if (mFlags(m) & F_CASTLE) out = to > from ? 'O-O' : 'O-O-O';
    else {
      var cap = mFlags(m) & F_CAP;
      if (t === P) out = (cap ? 'abcdefgh'[fileOf(from)] + 'x' : '') + name(to) + (mPromo(m) ? '=' + LETTERS[mPromo(m)].toUpperCase() : '');
      else {
        var same = legalMoves(s).filter(function (o) { return o !== m && mTo(o) === to && s.b[mFrom(o)] === p; });
        var dis = '';
        if (same.length) {
          var fileClash = same.some(function (o) { return fileOf(mFrom(o)) === fileOf(from); });
          var rankClash = same.some(function (o) { return rankOf(mFrom(o)) === rankOf(from); });
          dis = !fileClash ? 'abcdefgh'[fileOf(from)] : !rankClash ? String(rankOf(from) + 1) : name(from);
        }
        out = LETTERS[t].toUpperCase() + dis + (cap ? 'x' : '') + name(to);
      }
    }
    make(s, m);
    if (inCheck(s)) out += legalMoves(s).length ? '+' : '#';
    unmake(s);
    return out;
  }

  // ---- evaluation: material and piece-square tables (white's view, a8 first), tapered king
  var VAL = [0, 100, 320, 330, 500, 900, 0];
  var PST = [null,
    [0, 0, 0, 0, 0, 0, 0, 0, 50, 50, 50, 50, 50, 50, 50, 50, 10, 10, 20, 30, 30, 20, 10, 10, 5, 5, 10, 25, 25, 10, 5, 5,
      0, 0, 0, 20, 20, 0, 0, 0, 5, -5, -10, 0, 0, -10, -5, 5, 5, 10, 10, -20, -20, 10, 10, 5, 0, 0, 0, 0, 0, 0, 0, 0],
    [-50, -40, -30, -30, -30, -30, -40, -50, -40, -20, 0, 0, 0, 0, -20, -40, -30, 0, 10, 15, 15, 10, 0, -30, -30, 5, 15, 20, 20, 15, 5, -30,
      -30, 0, 15, 20, 20, 15, 0, -30, -30, 5, 10, 15, 15, 10, 5, -30, -40, -20, 0, 5, 5, 0, -20, -40, -50, -40, -30, -30, -30, -30, -40, -50],
    [-20, -10, -10, -10, -10, -10, -10, -20, -10, 0, 0, 0, 0, 0, 0, -10, -10, 0, 5, 10, 10, 5, 0, -10, -10, 5, 5, 10, 10, 5, 5, -10,
      -10, 0, 10, 10, 10, 10, 0, -10, -10, 10, 10, 10, 10, 10, 10, -10, -10, 5, 0, 0, 0, 0, 5, -10, -20, -10, -10, -10, -10, -10, -10, -20],
    [0, 0, 0, 0, 0, 0, 0, 0, 5, 10, 10, 10, 10, 10, 10, 5, -5, 0, 0, 0, 0, 0, 0, -5, -5, 0, 0, 0, 0, 0, 0, -5,
      -5, 0, 0, 0, 0, 0, 0, -5, -5, 0, 0, 0, 0, 0, 0, -5, -5, 0, 0, 0, 0, 0, 0, -5, 0, 0, 0, 5, 5, 0, 0, 0],
    [-20, -10, -10, -5, -5, -10, -10, -20, -10, 0, 0, 0, 0, 0, 0, -10, -10, 0, 5, 5, 5, 5, 0, -10, -5, 0, 5, 5, 5, 5, 0, -5,
      0, 0, 5, 5, 5, 5, 0, -5, -10, 5, 5, 5, 5, 5, 0, -10, -10, 0, 5, 0, 0, 0, 0, -10, -20, -10, -10, -5, -5, -10, -10, -20],
    [-30, -40, -40, -50, -50, -40, -40, -30, -30, -40, -40, -50, -50, -40, -40, -30, -30, -40, -40, -50, -50, -40, -40, -30, -30, -40, -40, -50, -50, -40, -40, -30,
      -20, -30, -30, -40, -40, -30, -30, -20, -10, -20, -20, -20, -20, -20, -20, -10, 20, 20, 0, 0, 0, 0, 20, 20, 20, 30, 10, 0, 0, 10, 30, 20]];
  var KING_END = [-50, -40, -30, -20, -20, -30, -40, -50, -30, -20, -10, 0, 0, -10, -20, -30, -30, -10, 20, 30, 30, 20, -10, -30, -30, -10, 30, 40, 40, 30, -10, -30,
    -30, -10, 30, 40, 40, 30, -10, -30, -30, -10, 20, 30, 30, 20, -10, -30, -30, -30, 0, 0, 0, 0, -30, -30, -50, -30, -30, -30, -30, -30, -30, -50];
  // index into a table for a piece of colour c on 0x88 square x
  function pidx(x, c) { var f = x & 7, r = x >> 4; return c ? r * 8 + f : (7 - r) * 8 + f; }

  function evaluate(s) {
    var b = s.b, score = 0, phase = 0, kings = [0, 0];
    for (var x = 0; x < 128; x++) {
      if (x & 0x88) { x += 7; continue; }
      var p = b[x];
      if (!p) continue;
      var t = p & 7, c = p & BLACK ? 1 : 0, v;
      if (t === K) { kings[c] = x; continue; }
      if (t !== P) phase += t === Q ? 4 : t === R ? 2 : 1;
      v = VAL[t] + PST[t][pidx(x, c)];
      score += c ? -v : v;
    }
    var mg = Math.min(phase, 24) / 24;
    for (var k = 0; k < 2; k++) {
      var i = pidx(kings[k], k), kv = Math.round(PST[K][i] * mg + KING_END[i] * (1 - mg));
      score += k ? -kv : kv;
    }
    return s.turn ? -score : score;
  }

  var MATE = 100000;
  function orderScore(s, m, best, killers, ply) {
    if (m === best) return 1e7;
    var fl = m >>> 17, sc = 0;
    if (fl & F_CAP) {
      var victim = fl & F_EP ? P : s.b[(m >> 7) & 127] & 7;
      sc = 1e6 + VAL[victim] * 10 - VAL[s.b[m & 127] & 7] / 10;
    }
    if ((m >> 14) & 7) sc += 9e5 + VAL[(m >> 14) & 7];
    if (!sc && killers && (killers[ply * 2] === m || killers[ply * 2 + 1] === m)) sc = 8e5;
    return sc;
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
      make(s, moves[i]);
      if (attacked(s, s.king[us], us ^ 1)) { unmake(s); continue; }
      var v = -this.quiesce(s, -beta, -alpha, qd + 1);
      unmake(s);
      if (v >= beta) return v;
      if (v > alpha) alpha = v;
    }
    return alpha;
  };
  Searcher.prototype.negamax = function (s, depth, alpha, beta, ply) {
    if (this.nodes >= this.limit) { this.stop = true; return 0; }
    if (s.half >= 100) return 0;
    var check = attacked(s, s.king[s.turn], s.turn ^ 1);
    if (check) depth++;
    if (depth <= 0) return this.quiesce(s, alpha, beta, 0);
    this.nodes++;
    var moves = sortMoves(s, gen(s, [], false), 0, this.killers, ply), us = s.turn, legal = 0, best = -MATE - 1;
    for (var i = 0; i < moves.length; i++) {
      var m = moves[i];
      make(s, m);
      if (attacked(s, s.king[us], us ^ 1)) { unmake(s); continue; }
      legal++;
      var v = -this.negamax(s, depth - 1, -beta, -alpha, ply + 1);
      unmake(s);
      if (this.stop) return 0;
      if (v > best) best = v;
      if (v > alpha) alpha = v;
      if (alpha >= beta) {
        if (!((m >>> 17) & F_CAP) && this.killers[ply * 2] !== m) { this.killers[ply * 2 + 1] = this.killers[ply * 2]; this.killers[ply * 2] = m; }
        break;
      }
    }
    if (!legal) return check ? -MATE + ply : 0;
    return best;
  };

  // the computer's move: iterative deepening up to opts.depth, within opts.nodes;
  // opts.noise (centipawns) with opts.rng makes weaker play by blurring the root scores
  function bestMove(s, opts) {
    opts = opts || {};
    var maxDepth = Math.max(1, Math.min(8, opts.depth || 3)), rng = opts.rng || null, noise = opts.noise || 0;
    var root = legalMoves(s);
    if (!root.length) return 0;
    if (root.length === 1) return root[0];
    var se = new Searcher(opts.nodes || 200000), best = root[0];
    var jitter = {};
    if (noise && rng) root.forEach(function (m) { jitter[m] = Math.round((rng() * 2 - 1) * noise); });
    for (var d = 1; d <= maxDepth; d++) {
      var moves = sortMoves(s, root, best, null, 0), alpha = -MATE - 1, iterBest = 0, iterScore = -MATE - 1;
      for (var i = 0; i < moves.length; i++) {
        make(s, moves[i]);
        var rep = s.keys.length && s.keys.indexOf(key(s)) >= 0;
        var v = rep ? 0 : -se.negamax(s, d - 1, -MATE - 1, -alpha, 1);
        unmake(s);
        if (se.stop) break;
        v += jitter[moves[i]] || 0;
        if (v > iterScore) { iterScore = v; iterBest = moves[i]; }
        if (v > alpha && !noise) alpha = v;
      }
      // a cut-off iteration still counts when the previous best was searched first, in full
      if (se.stop) { if (iterBest && i > 0) best = iterBest; break; }
      best = iterBest;
      if (iterScore > MATE - 100) break;
    }
    return best;
  }

  function create(fen) { return fromFEN(fen || START); }
  function piece(s, x) {
    var p = s.b[x];
    return p ? (p & BLACK ? 'b' : 'w') + LETTERS[p & 7].toUpperCase() : '';
  }

  var api = {
    START: START, P: P, N: N, B: B, R: R, Q: Q, K: K, BLACK: BLACK,
    create: create, fromFEN: fromFEN, toFEN: toFEN, key: key,
    sq: sq, fileOf: fileOf, rankOf: rankOf, name: name, parseSq: parseSq,
    from: mFrom, to: mTo, promo: mPromo, flags: mFlags, isCapture: function (m) { return !!(mFlags(m) & F_CAP); },
    isCastle: function (m) { return !!(mFlags(m) & F_CASTLE); }, isEnPassant: function (m) { return !!(mFlags(m) & F_EP); },
    moves: legalMoves, gen: gen, make: make, unmake: unmake, play: play, undo: undo, find: find, uci: uci, san: san,
    attacked: attacked, inCheck: inCheck, insufficient: insufficient, result: result, perft: perft,
    evaluate: evaluate, bestMove: bestMove, piece: piece
  };
  return api;
})();
if (typeof module !== 'undefined') module.exports = ChessRules;
