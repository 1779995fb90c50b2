'use strict';
// Minesweeper rules: the first open is always safe and opens an area, numbers count neighbouring
// mines, flood fill opens exactly the connected zeros and their rims, chords, flags and the win.
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const M = require(path.join(__dirname, '..', '..', '..', 'templates', 'games', 'rules', 'minesweeper.js'));

function seeded(a) {
  return function () {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('the first open is safe, opens an area and lays exactly the asked mines (many seeds, sizes, levels)', () => {
  for (const size of [8, 9, 12, 16]) {
    for (const difficulty of ['easy', 'normal', 'hard']) {
      for (let seed = 1; seed <= 40; seed++) {
        const rng = seeded(seed * 31 + size);
        const mines = M.mineCount(size, size, difficulty);
        const st = M.create(size, size, mines);
        const first = Math.floor(rng() * size * size);
        const res = M.open(st, first, rng);
        assert.strictEqual(res.boom, false);
        assert.strictEqual(st.mine.filter(Boolean).length, mines);
        assert.strictEqual(st.count[first], 0, 'the first cell has no mine next to it');
        assert.ok(res.opened.length > 1, 'the first open opens an area');
        M.neighbours(st, first).forEach((j) => assert.ok(!st.mine[j] && st.open[j]));
      }
    }
  }
});

test('mine counts rise with difficulty and leave room for the safe area', () => {
  assert.ok(M.mineCount(9, 9, 'easy') < M.mineCount(9, 9, 'normal'));
  assert.ok(M.mineCount(9, 9, 'normal') < M.mineCount(9, 9, 'hard'));
  assert.strictEqual(M.mineCount(16, 16, 'hard'), 51);
  assert.ok(M.mineCount(3, 3, 'hard') >= 1);
  // A crowded board still keeps the first cell safe.
  const st = M.create(4, 4, 15);
  const res = M.open(st, 5, seeded(1));
  assert.strictEqual(res.boom, false);
  assert.ok(M.won(st));
});

// Fixed 5x5 board, mines at (0,4) and (3,1):
//   0 0 0 1 *
//   0 0 0 1 1
//   1 1 1 0 0
//   1 * 1 0 0
//   1 1 1 0 0
const FIXED = [4, 16];
const COUNTS = [0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0];

test('counts are right on a fixed board', () => {
  const st = M.setMines(M.create(5, 5, 2), FIXED);
  COUNTS.forEach((want, i) => { if (!st.mine[i]) assert.strictEqual(st.count[i], want, `cell ${i}`); });
});

test('flood fill opens exactly the connected zeros and their numbered rim', () => {
  const st = M.setMines(M.create(5, 5, 2), FIXED);
  const res = M.open(st, 0, seeded(1));
  // The zeros touch diagonally (7 and 13), so the fill reaches the bottom right; 15, 20, 21 stay shut.
  assert.deepStrictEqual(
    res.opened.slice().sort((a, b) => a - b),
    [0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 17, 18, 19, 22, 23, 24],
  );
  assert.ok(!st.open[15] && !st.open[20] && !st.open[21] && !st.open[4] && !st.open[16]);
  assert.strictEqual(st.opened, 20);
  const st2 = M.setMines(M.create(5, 5, 2), FIXED);
  assert.deepStrictEqual(M.open(st2, 3, seeded(1)).opened, [3], 'a number opens only itself');
  assert.deepStrictEqual(M.open(st2, 20, seeded(1)).opened, [20]);
});

test('a wall of mines stops the fill', () => {
  // Mines fill column 2: column 0 is all zeros, column 1 all numbers, the right side stays shut.
  const st = M.setMines(M.create(5, 5, 5), [2, 7, 12, 17, 22]);
  assert.deepStrictEqual([1, 6, 11, 16, 21].map((i) => st.count[i]), [2, 3, 3, 3, 2]);
  const res = M.open(st, 10, seeded(1));
  assert.deepStrictEqual(res.opened.slice().sort((a, b) => a - b), [0, 1, 5, 6, 10, 11, 15, 16, 20, 21]);
  assert.ok([3, 4, 8, 9, 13, 14, 18, 19, 23, 24].every((i) => !st.open[i]));
});

test('the flood fill matches a reference breadth-first search on random boards', () => {
  for (let seed = 1; seed <= 30; seed++) {
    const rng = seeded(seed);
    const st = M.create(10, 10, 18);
    const first = Math.floor(rng() * 100);
    const res = M.open(st, first, rng);
    const want = new Set([first]), queue = [first];
    while (queue.length) {
      const c = queue.shift();
      if (st.count[c] !== 0) continue;
      for (const j of M.neighbours(st, c)) if (!want.has(j) && !st.mine[j]) { want.add(j); queue.push(j); }
    }
    assert.deepStrictEqual(res.opened.slice().sort((a, b) => a - b), [...want].sort((a, b) => a - b));
  }
});

test('flags block opening, chords open the rest, a mine loses', () => {
  const st = M.setMines(M.create(5, 5, 2), FIXED);
  assert.ok(M.toggleFlag(st, 4));
  assert.strictEqual(M.flagsPlaced(st), 1);
  assert.deepStrictEqual(M.open(st, 4, seeded(1)).opened, []);
  M.open(st, 3, seeded(1));
  const ch = M.chord(st, 3, seeded(1));
  assert.strictEqual(ch.boom, false);
  assert.ok(st.open[8] && st.open[9] && st.open[2]);
  assert.ok(!M.toggleFlag(st, 3), 'an open cell takes no flag');
  const boom = M.open(st, 16, seeded(1));
  assert.strictEqual(boom.boom, true);
  assert.strictEqual(st.exploded, 16);
  assert.ok(!M.won(st));
  assert.deepStrictEqual(M.open(st, 0, seeded(1)).opened, [], 'nothing opens after the loss');
});

test('a wrong flag makes a chord hit a mine', () => {
  const st = M.setMines(M.create(5, 5, 2), FIXED);
  M.open(st, 3, seeded(1));
  M.toggleFlag(st, 2);
  const ch = M.chord(st, 3, seeded(1));
  assert.strictEqual(ch.boom, true);
});

test('opening every safe cell wins', () => {
  const st = M.setMines(M.create(5, 5, 2), FIXED);
  for (let i = 0; i < 25; i++) if (!st.mine[i]) M.open(st, i, seeded(1));
  assert.ok(M.won(st));
  assert.strictEqual(st.opened, 23);
});
