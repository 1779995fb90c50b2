'use strict';
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const M = require(path.join(__dirname, '..', '..', '..', 'templates', 'games', 'rules', 'match3.js'));

// An rng that deals kinds A, B, C, D, E in turn (with five kinds): refills that are known in advance.
function cycle() { const seq = [0.1, 0.3, 0.5, 0.7, 0.9]; let i = 0; return () => seq[i++ % seq.length]; }
const sorted = (cells) => cells.map((p) => p.join(',')).sort();
// Five kinds, no line, two moves: (3,3)<->(4,3) lines up A A A in the bottom row, and then E E E falls into place.
const CASCADE = ['ABCDE', 'BCDEA', 'DABCB', 'CEEAD', 'EAABC'];

test('a horizontal and a vertical line of three are found, with their cells and kind', () => {
  const h = M.findMatches(M.fromRows(['BCDE', 'AAAB', 'CDEC', 'DECD']));
  assert.strictEqual(h.length, 1);
  assert.deepStrictEqual(sorted(h[0].cells), ['1,0', '1,1', '1,2']);
  assert.strictEqual(h[0].k, 0);
  assert.strictEqual(h[0].shape, 'three');
  const v = M.findMatches(M.fromRows(['ABCD', 'CBDE', 'DBEA', 'EABC']));
  assert.strictEqual(v.length, 1);
  assert.deepStrictEqual(sorted(v[0].cells), ['0,1', '1,1', '2,1']);
  assert.strictEqual(v[0].k, 1);
  assert.strictEqual(M.findMatches(M.fromRows(['ABAB', 'BABA', 'ABAB', 'BABA'])).length, 0);
});

test('lines of four and five, two lines at once, and a colour bomb that never lines up', () => {
  const four = M.findMatches(M.fromRows(['CCCCA', 'ABDEB', 'DEABD', 'BADEC', 'EDBAD']));
  assert.strictEqual(four.length, 1);
  assert.strictEqual(four[0].shape, 'four');
  assert.strictEqual(four[0].size, 4);
  const five = M.findMatches(M.fromRows(['ABCDE', 'DDDDD', 'ABCEA', 'BCEAB', 'CEABC']));
  assert.strictEqual(five[0].shape, 'five');
  const two = M.findMatches(M.fromRows(['AAAB', 'BCDC', 'DCEC', 'EBDC']));
  assert.deepStrictEqual(two.map((g) => g.k).sort(), [0, 2]);
  assert.strictEqual(M.findMatches(M.fromRows(['A*AB', 'BCDC', 'DCED', 'EBDA'])).length, 0);
});

test('an L and a T (and a plus) are one group each, with the cell where the lines cross', () => {
  const L = M.findMatches(M.fromRows(['ABC', 'ACB', 'AAA']));
  assert.strictEqual(L.length, 1);
  assert.strictEqual(L[0].shape, 'LT');
  assert.strictEqual(L[0].kind, 'L');
  assert.deepStrictEqual(L[0].corner, [2, 0]);
  assert.strictEqual(L[0].size, 5);
  const T = M.findMatches(M.fromRows(['AAA', 'BAC', 'CAB']));
  assert.strictEqual(T.length, 1);
  assert.strictEqual(T[0].kind, 'T');
  assert.deepStrictEqual(T[0].corner, [0, 1]);
  const plus = M.findMatches(M.fromRows(['BAC', 'AAA', 'CAB']));
  assert.strictEqual(plus[0].kind, 'T');
  assert.deepStrictEqual(plus[0].corner, [1, 1]);
  assert.strictEqual(plus[0].size, 5);
});

test('gravity: tiles fall into the holes, new ones drop in from the top, and each knows how far it fell', () => {
  const s = M.create({ board: M.fromRows(['ABC', 'B.A', '.C.']), kinds: 5, rng: cycle() });
  const f = M.fall(s);
  const rows = M.toRows(s.board);
  assert.strictEqual(rows.join('').indexOf('.'), -1, 'no hole is left');
  assert.strictEqual(rows[2][0], 'B');
  assert.strictEqual(rows[1][0], 'A');
  assert.strictEqual(rows[2][1], 'C');
  assert.strictEqual(rows[1][1], 'B');
  assert.strictEqual(rows[2][2], 'A');
  assert.strictEqual(rows[1][2], 'C');
  assert.deepStrictEqual(f.drops, [[1, 1, 1], [1, 1, 1], [1, 0, 1]]);
  assert.deepStrictEqual(sorted(f.added), ['0,0', '0,1', '0,2']);
  assert.deepStrictEqual([rows[0][0], rows[0][1], rows[0][2]], ['A', 'B', 'C']); // the rng's kinds, in column order
});

test('a fresh board has no line and at least one move, for every size and number of kinds', () => {
  for (let size = 6; size <= 10; size++) {
    for (let kinds = 4; kinds <= 8; kinds++) {
      for (let seed = 1; seed <= 6; seed++) {
        const s = M.create({ size, kinds, seed: seed * 97 + size });
        assert.strictEqual(s.board.length, size);
        assert.ok(s.board.every((row) => row.length === size && row.every((t) => t && t.k >= 0 && t.k < kinds && !t.s)));
        assert.strictEqual(M.runs(s.board).length, 0, `a line on a fresh ${size}x${size} board`);
        assert.ok(M.hasMove(s.board), `no move on a fresh ${size}x${size} board`);
      }
    }
  }
  const a = M.create({ size: 8, kinds: 6, seed: 5 }), b = M.create({ size: 8, kinds: 6, seed: 5 });
  assert.deepStrictEqual(M.toRows(a.board), M.toRows(b.board), 'the seed fixes the board');
});

test('"has a valid move": found where one swap makes a line, none on a locked board', () => {
  const locked = M.fromRows(['ABCD', 'CDAB', 'ABCD', 'CDAB']);
  assert.strictEqual(M.hasMove(locked), false);
  assert.strictEqual(M.findMove(locked), null);
  const one = M.fromRows(['ABCD', 'CDAB', 'ABCD', 'DAAC']);
  assert.strictEqual(M.hasMove(one), true);
  assert.deepStrictEqual(M.allMoves(one), [[[2, 0], [3, 0]]]); // A down, D up: A A A along the bottom row
  assert.deepStrictEqual(M.findMove(one), [[2, 0], [3, 0]]);
  assert.ok(M.validSwap(one, [2, 0], [3, 0]) && M.validSwap(one, [3, 0], [2, 0]));
  assert.strictEqual(M.validSwap(one, [0, 0], [0, 1]), false);
  assert.strictEqual(M.validSwap(one, [0, 0], [1, 1]), false, 'only neighbours swap');
  assert.ok(M.hasMove(M.fromRows(['AB*D', 'CDAB', 'ABCD', 'CDAB'])), 'a colour bomb always has a move');
  assert.ok(M.hasMove(M.fromRows(['A-B|CD', 'CDAB', 'ABCD', 'CDAB'])), 'two special tiles side by side swap');
});

test('a swap without a line does not stand and costs no move; a good one clears and scores', () => {
  const s = M.create({ board: M.fromRows(CASCADE), kinds: 5, rng: cycle() });
  const before = M.toRows(s.board);
  assert.deepStrictEqual(M.trySwap(s, [0, 0], [0, 1]), { ok: false, reason: 'no_line' });
  assert.deepStrictEqual(M.trySwap(s, [0, 0], [2, 2]).reason, 'far');
  assert.deepStrictEqual(M.toRows(s.board), before);
  assert.strictEqual(s.moves, 0);
  const r = M.trySwap(s, [3, 3], [4, 3]);
  assert.ok(r.ok);
  assert.strictEqual(s.moves, 1);
  assert.deepStrictEqual(sorted(r.steps[0].cleared), ['4,1', '4,2', '4,3']);
  assert.strictEqual(M.runs(s.board).length, 0, 'the board is left settled');
  assert.ok(M.hasMove(s.board), 'and with a move');
});

test('cascades: the second wave of a move scores double, the third triple', () => {
  const s = M.create({ board: M.fromRows(CASCADE), kinds: 5, rng: cycle() });
  const r = M.trySwap(s, [3, 3], [4, 3]);
  assert.ok(r.steps.length >= 2);
  assert.strictEqual(r.steps[0].points, M.POINTS.three);
  assert.strictEqual(r.steps[1].wave, 2);
  assert.deepStrictEqual(sorted(r.steps[1].groups[0].cells), ['4,0', '4,1', '4,2']);
  assert.strictEqual(r.steps[1].points, 2 * M.POINTS.three);
  assert.strictEqual(r.points, r.steps.reduce((n, st) => n + st.points, 0));
  assert.strictEqual(s.score, r.points);
  r.steps.forEach((st, i) => assert.strictEqual(st.wave, i + 1));
  // every step's board after the fall has no hole, and its drops say where each tile came from
  r.steps.forEach((st) => assert.ok(M.toRows(st.after).join('').indexOf('.') < 0));
  // a hand-made third wave: the same points rule, times three
  const t = M.create({ board: M.fromRows(['AB', 'BA']), kinds: 5, rng: cycle() });
  t.board = M.fromRows(['CCC', 'ABD', 'DAB']);
  assert.strictEqual(M.wave(t, 3, null).points, 3 * M.POINTS.three);
});

test('four in a line leave a striped tile where the swap was; an L leaves a bomb; five a colour bomb', () => {
  // the A at (1,3) moves up: A A A A along the top row
  const s = M.create({ board: M.fromRows(['AAABE', 'CDEAB', 'DEBCD', 'EBCDA', 'BCDEB']), kinds: 5, rng: cycle() });
  const r = M.trySwap(s, [1, 3], [0, 3]);
  assert.ok(r.ok);
  assert.strictEqual(r.steps[0].groups[0].shape, 'four');
  assert.deepStrictEqual(r.steps[0].created, [{ r: 0, c: 3, k: 0, s: 'v' }]); // a row of four: a column-clearing tile
  assert.strictEqual(r.steps[0].points, M.POINTS.four);
  assert.strictEqual(s.board[0][3].s, 'v', 'the striped tile stays on the board');

  // the A at (3,0) moves up: A A A down the first column and along the third row, an L
  const l = M.create({ board: M.fromRows(['ABCDE', 'ACDEB', 'BAAEC', 'ADEBD', 'DEBCE']), kinds: 5, rng: cycle() });
  const rl = M.trySwap(l, [3, 0], [2, 0]);
  assert.ok(rl.ok);
  assert.strictEqual(rl.steps[0].groups[0].kind, 'L');
  assert.deepStrictEqual(rl.steps[0].created, [{ r: 2, c: 0, k: 0, s: 'b' }]);
  assert.strictEqual(rl.steps[0].points, M.POINTS.LT);

  // the A at (1,2) moves up: five in the top row
  const f = M.create({ board: M.fromRows(['AABAA', 'CDAEB', 'DEBCD', 'EBCDA', 'BCDEB']), kinds: 5, rng: cycle() });
  const rf = M.trySwap(f, [1, 2], [0, 2]);
  assert.strictEqual(rf.steps[0].groups[0].shape, 'five');
  assert.deepStrictEqual(rf.steps[0].created[0], { r: 0, c: 2, k: -1, s: 'c' });
  const noSpecials = M.create({ board: M.fromRows(['AABAA', 'CDAEB', 'DEBCD', 'EBCDA', 'BCDEB']), kinds: 5, rng: cycle(), specials: false });
  assert.deepStrictEqual(M.trySwap(noSpecials, [1, 2], [0, 2]).steps[0].created, []);
});

test('special tiles go off: a striped tile clears its row, a bomb 3 x 3, a colour bomb every tile of a kind', () => {
  const b = M.fromRows(['ABCDE', 'BCDEA', 'CD-ABC', 'DEBCD', 'EABDE']);
  assert.deepStrictEqual(sorted(M.area(b, 2, 1, b[2][1])), ['2,0', '2,1', '2,2', '2,3', '2,4']);
  const bomb = M.fromRows(['ABCDE', 'BCDEA', 'CDA@BC', 'DEBCD', 'EABDE']);
  assert.strictEqual(M.area(bomb, 2, 2, bomb[2][2]).length, 9);
  // a striped tile caught in a line clears its whole row (10 points a tile beyond the line)
  const t = M.create({ board: M.fromRows(['ABCDE', 'CDBAE', 'BB-ACD', 'DECBA', 'EACDE']), kinds: 5, rng: cycle() });
  const rt = M.trySwap(t, [1, 2], [2, 2]); // B comes down into row 2: B B- B, and the striped B clears row 2
  assert.ok(rt.ok);
  const first = rt.steps[0];
  assert.deepStrictEqual(first.fired.map((x) => x.s), ['h']);
  assert.deepStrictEqual(sorted(first.cleared), ['2,0', '2,1', '2,2', '2,3', '2,4']);
  assert.strictEqual(first.points, M.POINTS.three + 2 * M.BLAST_POINTS);
  // a colour bomb swapped with a tile clears every tile of that kind
  const c = M.create({ board: M.fromRows(['ABCDE', 'C*EAB', 'BAEBC', 'DEBCA', 'EACDE']), kinds: 5, rng: cycle() });
  const bs = c.board.flat().filter((x) => x.k === 1).length;
  const rc = M.trySwap(c, [1, 1], [0, 1]);
  assert.ok(rc.ok);
  assert.strictEqual(rc.steps[0].combo, 'c');
  assert.strictEqual(rc.steps[0].cleared.length, bs + 1);
});

test('a board with no move left is reshuffled: same tiles, no line, a move', () => {
  const s = M.create({ size: 6, kinds: 5, seed: 3 });
  s.board = M.fromRows(['ABCDEA', 'CDEABC', 'EABCDE', 'BCDEAB', 'DEABCD', 'ABCDEA']);
  assert.strictEqual(M.hasMove(s.board), false);
  const count = (board) => board.flat().map((t) => t.k).sort().join('');
  const tiles = count(s.board);
  M.reshuffle(s);
  assert.strictEqual(count(s.board), tiles);
  assert.strictEqual(M.runs(s.board).length, 0);
  assert.ok(M.hasMove(s.board));
  assert.strictEqual(s.shuffles, 1);
});

test('a long game of first-found moves never leaves a line, a hole or a board without a move', () => {
  const s = M.create({ size: 8, kinds: 6, seed: 11 });
  let cascades = 0;
  for (let i = 0; i < 150; i++) {
    const mv = M.findMove(s.board);
    assert.ok(mv);
    const r = M.trySwap(s, mv[0], mv[1]);
    assert.ok(r.ok);
    cascades = Math.max(cascades, r.steps.length);
    assert.strictEqual(M.runs(s.board).length, 0);
    assert.ok(s.board.every((row) => row.every((t) => t && (t.k >= 0 || t.s === 'c'))));
  }
  assert.strictEqual(s.moves, 150);
  assert.ok(cascades >= 2 && s.score > 150 * M.POINTS.three);
});
