'use strict';
// Lights Out rules: presses toggle a plus shape, every generated start can be solved (and the solver's
// presses really turn it dark), the solver agrees with brute force, and the seed fixes the start.
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const L = require(path.join(__dirname, '..', '..', '..', 'templates', 'games', 'rules', 'lightsout.js'));

function seeded(a) {
  return function () {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function apply(board, n, presses) {
  const b = board.slice();
  presses.forEach((p, i) => { if (p) L.press(b, n, i); });
  return b;
}

test('a press toggles the cell and its four neighbours (fewer at edges)', () => {
  const b = new Array(25).fill(0);
  L.press(b, 5, 12);
  assert.deepStrictEqual([7, 11, 12, 13, 17].map((i) => b[i]), [1, 1, 1, 1, 1]);
  assert.strictEqual(L.lit(b), 5);
  L.press(b, 5, 0);
  assert.strictEqual(L.lit(b), 8);
  L.press(b, 5, 4);
  assert.deepStrictEqual([3, 4, 9].map((i) => b[i]), [1, 1, 1]);
  L.press(b, 5, 12); L.press(b, 5, 0); L.press(b, 5, 4);
  assert.strictEqual(L.lit(b), 0, 'pressing twice undoes');
});

test('generated starts have lights on and are solved by the solver\'s presses (sizes 3-7, many seeds)', () => {
  for (let n = 3; n <= 7; n++) {
    for (const difficulty of ['easy', 'normal', 'hard']) {
      for (let seed = 1; seed <= 30; seed++) {
        const b = L.generate(n, seeded(seed * 17 + n), difficulty);
        assert.strictEqual(b.length, n * n);
        assert.ok(L.lit(b) > 0);
        const x = L.solve(b, n);
        assert.ok(x, `${n} ${difficulty} ${seed} is solvable`);
        assert.strictEqual(L.lit(apply(b, n, x)), 0);
      }
    }
  }
});

test('the solver agrees with brute force over every press set on 3x3 and 4x4', () => {
  for (const n of [3, 4]) {
    const N = n * n;
    const fewest = new Map();
    for (let m = 0; m < 1 << N; m++) {
      const presses = Array.from({ length: N }, (_, i) => (m >> i) & 1);
      const key = apply(new Array(N).fill(0), n, presses).join('');
      const cnt = presses.reduce((a, v) => a + v, 0);
      if (!fewest.has(key) || fewest.get(key) > cnt) fewest.set(key, cnt);
    }
    assert.strictEqual(fewest.size, n === 3 ? 512 : 4096, 'every 3x3 board is solvable, a sixteenth of 4x4 ones');
    const rng = seeded(n);
    for (let k = 0; k < 400; k++) {
      const b = Array.from({ length: N }, () => (rng() < 0.5 ? 1 : 0));
      const x = L.solve(b, n);
      const key = b.join('');
      assert.strictEqual(x !== null, fewest.has(key));
      assert.strictEqual(L.isSolvable(b, n), fewest.has(key));
      if (x) {
        assert.strictEqual(L.lit(apply(b, n, x)), 0);
        assert.strictEqual(L.lit(x), fewest.get(key), 'the fewest presses');
      }
    }
  }
});

test('some 5x5 boards cannot be solved, and the solver says so', () => {
  const b = new Array(25).fill(0);
  b[0] = 1;
  assert.strictEqual(L.solve(b, 5), null);
  assert.ok(!L.isSolvable(b, 5));
});

test('harder starts need more presses on average; the same seed gives the same start', () => {
  const avg = (d) => {
    let s = 0;
    for (let seed = 1; seed <= 40; seed++) s += L.lit(L.solve(L.generate(5, seeded(seed), d), 5));
    return s / 40;
  };
  assert.ok(avg('easy') < avg('hard'));
  assert.deepStrictEqual(L.generate(5, seeded(4), 'normal'), L.generate(5, seeded(4), 'normal'));
});
