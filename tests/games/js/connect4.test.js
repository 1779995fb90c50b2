'use strict';
// Connect Four: dropping, wins in all four directions, a full column, a draw, and the computer's look-ahead.
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const C4 = require(path.join(__dirname, '..', '..', '..', 'templates', 'games', 'rules', 'connect4.js'));

function play(cols, s) { s = s || C4.create(7, 6); cols.forEach((c) => assert.ok(C4.drop(s, c) >= 0, 'column ' + c)); return s; }

test('discs fall to the bottom and stack; a full column takes no more', () => {
  const s = C4.create(7, 6);
  assert.strictEqual(C4.drop(s, 3), 5);
  assert.strictEqual(C4.drop(s, 3), 4);
  assert.strictEqual(C4.at(s, 5, 3), 1);
  assert.strictEqual(C4.at(s, 4, 3), 2);
  for (let i = 0; i < 4; i++) C4.drop(s, 3);
  assert.ok(!C4.canDrop(s, 3));
  assert.strictEqual(C4.drop(s, 3), -1);
  assert.strictEqual(s.turn, 1);
});
test('a horizontal four wins', () => {
  const s = play([0, 0, 1, 1, 2, 2, 3]);
  assert.deepStrictEqual(C4.result(s), { winner: 1, line: [[5, 0], [5, 1], [5, 2], [5, 3]] });
});
test('a vertical four wins', () => {
  const s = play([6, 0, 6, 0, 6, 0, 1, 0]);
  assert.strictEqual(C4.result(s).winner, 2);
  assert.deepStrictEqual(C4.result(s).line, [[2, 0], [3, 0], [4, 0], [5, 0]]);
});
test('a rising diagonal four wins', () => {
  const s = play([0, 1, 1, 2, 2, 3, 2, 3, 3, 6, 3]);
  assert.strictEqual(C4.result(s).winner, 1);
  assert.deepStrictEqual(C4.result(s).line, [[2, 3], [3, 2], [4, 1], [5, 0]]);
});
test('a falling diagonal four wins', () => {
  const s = play([6, 5, 5, 4, 4, 3, 4, 3, 3, 0, 3]);
  assert.strictEqual(C4.result(s).winner, 1);
  assert.deepStrictEqual(C4.result(s).line, [[2, 3], [3, 4], [4, 5], [5, 6]]);
});
test('three is not a win, no moves after a win, and a full board without four is a draw', () => {
  const s = play([0, 0, 1, 1, 2]);
  assert.strictEqual(C4.result(s), null);
  play([6, 2], s);
  assert.strictEqual(C4.result(s), null);
  const w = play([0, 0, 1, 1, 2, 2, 3]);
  assert.strictEqual(C4.drop(w, 5), -1);
  const d = C4.create(4, 4);
  [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 2, 3].forEach((c) => assert.ok(C4.drop(d, c) >= 0));
  assert.ok(C4.full(d));
  assert.deepStrictEqual(C4.result(d), { winner: 0, line: null });
});
test('the board follows its size and clamps it', () => {
  assert.strictEqual(C4.create(9, 8).cols, 9);
  assert.strictEqual(C4.create(100, 1).cols, 12);
  assert.strictEqual(C4.create(100, 1).rows, 4);
  assert.strictEqual(C4.create('x', null).cols, 7);
});
test('the computer wins when it can, blocks a win, and looks ahead fast', () => {
  const win = play([0, 6, 1, 6, 2, 5]);
  assert.strictEqual(C4.bestMove(win, { depth: 2 }), 3);
  const block = play([0, 6, 1, 6, 2]);
  assert.strictEqual(C4.bestMove(block, { depth: 2 }), 3);
  // an open two on the bottom row: the look-ahead stops the double threat
  const open = play([2, 6, 3]);
  const m = C4.bestMove(open, { depth: 4 });
  assert.ok(m === 1 || m === 4, 'blocks an open three, got ' + m);
  const t0 = Date.now();
  C4.bestMove(C4.create(7, 6), { depth: 7 });
  assert.ok(Date.now() - t0 < 5000);
});
