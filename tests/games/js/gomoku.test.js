'use strict';
// Gomoku: five in a row across, down and on both diagonals wins, four does not, and the computer's threats.
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const G = require(path.join(__dirname, '..', '..', '..', 'templates', 'games', 'rules', 'gomoku.js'));

// black plays the given points, white answers far away in the corner row/column given
function blackLine(points, whiteAt) {
  const s = G.create(15);
  points.forEach((p, i) => {
    assert.ok(G.place(s, p[0], p[1]), 'black ' + p);
    if (i < points.length - 1) assert.ok(G.place(s, whiteAt[i][0], whiteAt[i][1]), 'white ' + whiteAt[i]);
  });
  return s;
}
const WHITE = [[0, 14], [2, 14], [4, 14], [6, 14], [8, 14]];

test('five across wins', () => {
  const s = blackLine([[3, 7], [4, 7], [5, 7], [6, 7], [7, 7]], WHITE);
  assert.strictEqual(G.result(s).winner, 1);
  assert.deepStrictEqual(G.result(s).line, [[3, 7], [4, 7], [5, 7], [6, 7], [7, 7]]);
});
test('five down wins', () => {
  const s = blackLine([[7, 1], [7, 2], [7, 4], [7, 5], [7, 3]], WHITE);
  assert.strictEqual(G.result(s).winner, 1);
  assert.strictEqual(G.result(s).line.length, 5);
  assert.ok(G.result(s).line.every((c) => c[0] === 7));
});
test('five on the falling diagonal wins', () => {
  const s = blackLine([[2, 2], [3, 3], [4, 4], [5, 5], [6, 6]], WHITE);
  assert.deepStrictEqual(G.result(s).line, [[2, 2], [3, 3], [4, 4], [5, 5], [6, 6]]);
});
test('five on the rising diagonal wins', () => {
  const s = blackLine([[10, 2], [9, 3], [8, 4], [7, 5], [6, 6]], WHITE);
  assert.strictEqual(G.result(s).winner, 1);
  assert.deepStrictEqual(G.result(s).line, [[6, 6], [7, 5], [8, 4], [9, 3], [10, 2]]);
});
test('four is not a win, a gap breaks a line, white can win too, and taken points are refused', () => {
  const s = blackLine([[3, 7], [4, 7], [5, 7], [6, 7]], WHITE);
  assert.strictEqual(G.result(s), null);
  assert.ok(G.place(s, 8, 14));
  assert.ok(G.place(s, 8, 7));
  assert.strictEqual(G.result(s), null, 'XXXX_X is not five');
  assert.ok(!G.place(s, 3, 7));
  const w = G.create(9);
  [[0, 0], [4, 0], [1, 0], [4, 1], [2, 0], [4, 2], [0, 8], [4, 3], [8, 8], [4, 4]].forEach((p) => assert.ok(G.place(w, p[0], p[1])));
  assert.strictEqual(G.result(w).winner, 2);
  assert.ok(!G.place(w, 5, 5), 'no stones after the end');
});
test('six in a row also wins (freestyle) and the board size is clamped', () => {
  const s = blackLine([[1, 1], [2, 1], [3, 1], [5, 1], [6, 1], [4, 1]], WHITE.concat([[10, 14]]));
  assert.strictEqual(G.result(s).line.length, 6);
  assert.strictEqual(G.create(3).n, 9);
  assert.strictEqual(G.create(99).n, 19);
  assert.strictEqual(G.create('x').n, 15);
});
test('the computer opens in the centre, wins with its four and blocks an open three', () => {
  const s = G.create(15);
  assert.deepStrictEqual(G.bestMove(s), { x: 7, y: 7 });
  // white (to move) has four in a column and black threatens too: white completes five
  const w = G.create(15);
  [[5, 5], [9, 1], [6, 5], [9, 2], [7, 5], [9, 3], [1, 13], [9, 4]].forEach((p) => G.place(w, p[0], p[1]));
  const b = G.bestMove(w);
  assert.ok((b.x === 9 && (b.y === 0 || b.y === 5)), 'black blocks the four, got ' + JSON.stringify(b));
  const o = G.create(15);
  [[7, 7], [0, 0], [8, 7], [0, 2], [9, 7]].forEach((p) => G.place(o, p[0], p[1]));
  const blk = G.bestMove(o);
  assert.ok(blk.y === 7 && (blk.x === 6 || blk.x === 10), 'white blocks the open three, got ' + JSON.stringify(blk));
  [0, 1, 2].forEach((level) => {
    const t = G.create(15);
    [[7, 7], [9, 1], [6, 6], [9, 2], [5, 5], [9, 3], [4, 4]].forEach((p) => G.place(t, p[0], p[1]));
    const m = G.bestMove(t, { level, rng: () => 0.99 });
    assert.ok((m.x === 3 && m.y === 3) || (m.x === 8 && m.y === 8), 'level ' + level + ' blocks a four: ' + JSON.stringify(m));
  });
});
test('the computer plays a whole game against itself quickly', () => {
  const s = G.create(15);
  const t0 = Date.now();
  let i = 0;
  while (!G.result(s) && i++ < 225) {
    const m = G.bestMove(s, { level: s.turn === 1 ? 2 : 1 });
    assert.ok(G.place(s, m.x, m.y));
  }
  assert.ok(G.result(s));
  assert.ok(Date.now() - t0 < 8000, 'took ' + (Date.now() - t0));
});
