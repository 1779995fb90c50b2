'use strict';
// Reversi: the opening, flips in all eight directions, illegal moves, passing, the end and the count.
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const R = require(path.join(__dirname, '..', '..', '..', 'templates', 'games', 'rules', 'reversi.js'));

test('the opening: four discs, black first with four moves', () => {
  const s = R.create(8);
  assert.deepStrictEqual(R.count(s), { 1: 2, 2: 2, empty: 60 });
  assert.deepStrictEqual(R.moves(s).sort((a, b) => a - b), [19, 26, 37, 44]);
  const r = R.play(s, 3, 2);
  assert.deepStrictEqual(r, { flipped: [27], next: 'turn' });
  assert.deepStrictEqual(R.count(s), { 1: 4, 2: 1, empty: 59 });
  assert.strictEqual(s.turn, 2);
  assert.strictEqual(R.play(s, 0, 0), null, 'a move that flips nothing is illegal');
  assert.strictEqual(R.play(s, 3, 3), null, 'a taken cell is illegal');
});
test('one disc flips lines in all eight directions at once, and only closed lines', () => {
  const s = R.fromText([
    'X..X..X.',
    '.O.O.O..',
    '..OOO...',
    'XOO.OOX.',
    '..OOO...',
    '.O.O.O..',
    'X..X..X.',
    '........'], 1);
  const f = R.flips(s, 3, 3, 1).sort((a, b) => a - b);
  assert.strictEqual(f.length, 16);
  R.play(s, 3, 3);
  assert.strictEqual(R.count(s)[2], 0);
  const open = R.fromText([
    '........',
    '........',
    '..OOO...',
    '..O.O...',
    '........',
    '........',
    '........',
    '........'], 1);
  assert.deepStrictEqual(R.flips(open, 3, 3, 1), [], 'O at (4,3) is not closed by a black disc');
  assert.deepStrictEqual(R.flips(open, 3, 1, 1), []);
  assert.deepStrictEqual(R.flips(open, 3, 3, 2), []);
});
test('a side with no move passes and the other moves again', () => {
  // white has no move after black plays; black goes on
  const s = R.fromText([
    'XXXXXXXX',
    'XXXXXXXX',
    'XXXXXXXX',
    'XXXXXXXX',
    'XXXXXXXX',
    'XXXXXXXX',
    'XXXXXXOO',
    'XXXXX...'], 1);
  assert.deepStrictEqual(R.moves(s, 2), []);
  const r = R.play(s, 5, 7);
  assert.deepStrictEqual(r, { flipped: [54], next: 'pass' });
  assert.strictEqual(s.turn, 1, 'white cannot answer, black moves again');
  assert.strictEqual(R.result(s), null);
  const e = R.play(s, 7, 7);
  assert.strictEqual(e.next, 'over', 'no white disc is left');
  assert.strictEqual(R.result(s).winner, 1);
});
test('passing: white cannot move, so black plays twice', () => {
  const s = R.fromText([
    '........',
    '........',
    '........',
    '...XO...',
    '........',
    '........',
    '........',
    '........'], 1);
  // black takes the only white disc: no white left -> game over, black wins
  const r = R.play(s, 5, 3);
  assert.strictEqual(r.next, 'over');
  assert.deepStrictEqual(R.result(s), { winner: 1, count: { 1: 3, 2: 0, empty: 61 } });
  const p = R.fromText([
    'XO......',
    '........',
    '........',
    '........',
    '........',
    '........',
    '........',
    '.....XXX'], 2);
  // white must pass (no white move), black plays on
  assert.deepStrictEqual(R.moves(p, 2), []);
  assert.ok(R.pass(p));
  assert.strictEqual(p.turn, 1);
  const q = R.fromText([
    'XO.O....',
    '........',
    '........',
    '........',
    '........',
    '........',
    '........',
    '........'], 1);
  // black plays c1 flipping b1; white then has no move: a pass, black's turn again
  const m = R.play(q, 2, 0);
  assert.deepStrictEqual(m, { flipped: [1], next: 'pass' });
  assert.strictEqual(q.turn, 1);
  assert.ok(!R.pass(q), 'no pass while a move exists');
});
test('a full board ends the game and counts the discs', () => {
  const s = R.fromText([
    'XXXXXXXX',
    'XXXXXXXX',
    'XXXXXXXX',
    'OOOOOOOO',
    'OOOOOOOO',
    'OOOOOOOO',
    'OOOOOOOO',
    'XXXXXXX.'], 1);
  assert.deepStrictEqual(R.moves(s, 1).length, 1);
  const r = R.play(s, 7, 7);
  assert.strictEqual(r.next, 'over');
  const res = R.result(s);
  assert.strictEqual(res.count.empty, 0);
  assert.strictEqual(res.winner, res.count[1] > res.count[2] ? 1 : 2);
});
test('the board size is even and clamped', () => {
  assert.strictEqual(R.create(6).n, 6);
  assert.strictEqual(R.create(7).n, 8);
  assert.strictEqual(R.create(99).n, 10);
  assert.strictEqual(R.create('x').n, 8);
  assert.strictEqual(R.moves(R.create(10)).length, 4);
});
test('the computer takes a corner and plays a whole game fast', () => {
  const s = R.fromText([
    '.OOOX...',
    '........',
    '........',
    '...XO...',
    '...OX...',
    '........',
    '........',
    '........'], 1);
  assert.deepStrictEqual(R.bestMove(s, { depth: 2 }), { x: 0, y: 0 });
  const g = R.create(8);
  const t0 = Date.now();
  let guard = 0;
  while (!R.result(g) && guard++ < 100) {
    const m = R.bestMove(g, { depth: g.turn === 1 ? 3 : 1, endgame: 6 });
    if (!m) { assert.ok(R.pass(g) || R.result(g)); continue; }
    assert.ok(R.play(g, m.x, m.y));
  }
  assert.ok(R.result(g));
  assert.strictEqual(R.result(g).count.empty >= 0, true);
  assert.ok(Date.now() - t0 < 8000, 'took ' + (Date.now() - t0));
});
