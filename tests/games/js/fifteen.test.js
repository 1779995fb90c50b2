'use strict';
// Sliding puzzle rules: every deal is solvable (parity test, cross-checked by a full search of the
// 3x3 puzzle's states), deals are unsolved and seeded, slides and arrow moves follow the gap.
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const F = require(path.join(__dirname, '..', '..', '..', 'templates', 'games', 'rules', 'fifteen.js'));

function seeded(a) {
  return function () {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Every 3x3 arrangement reachable from solved, by breadth-first search over gap moves (181440 states).
let reached = null;
function reachable3() {
  if (reached) return reached;
  const start = F.solved(3).join('');
  const seen = new Set([start]);
  const queue = [start];
  for (let h = 0; h < queue.length; h++) {
    const s = queue[h], gap = s.indexOf('0');
    for (const j of F.neighbours(3, gap)) {
      const a = s.split('');
      a[gap] = a[j]; a[j] = '0';
      const k = a.join('');
      if (!seen.has(k)) { seen.add(k); queue.push(k); }
    }
  }
  reached = seen;
  return seen;
}

test('the parity test agrees with a full search of the 3x3 puzzle', () => {
  const seen = reachable3();
  assert.strictEqual(seen.size, 181440);
  const rng = seeded(3);
  for (let k = 0; k < 3000; k++) {
    const t = [0, 1, 2, 3, 4, 5, 6, 7, 8];
    for (let i = 8; i > 0; i--) { const j = Math.floor(rng() * (i + 1)); [t[i], t[j]] = [t[j], t[i]]; }
    assert.strictEqual(F.isSolvable(t, 3), seen.has(t.join('')), t.join(','));
  }
});

test('every deal is solvable and unsolved, for sizes 3-5, each difficulty and many seeds', () => {
  for (const n of [3, 4, 5]) {
    for (const difficulty of ['easy', 'normal', 'hard']) {
      for (let seed = 1; seed <= 60; seed++) {
        const t = F.shuffle(n, seeded(seed * 13 + n), difficulty);
        assert.deepStrictEqual(t.slice().sort((a, b) => a - b), F.solved(n).slice().sort((a, b) => a - b));
        assert.ok(F.isSolvable(t, n), `${n} ${difficulty} ${seed}: ${t}`);
        assert.ok(!F.isSolved(t));
      }
    }
  }
  const seen = reachable3();
  for (let seed = 1; seed <= 200; seed++) assert.ok(seen.has(F.shuffle(3, seeded(seed), 'normal').join('')));
});

test('the parity test on 4x4: random gap walks stay solvable, one swap makes it unsolvable', () => {
  const rng = seeded(11);
  for (let k = 0; k < 300; k++) {
    const t = F.solved(4);
    for (let m = 0; m < 200; m++) F.move(t, 4, ['left', 'right', 'up', 'down'][Math.floor(rng() * 4)]);
    assert.ok(F.isSolvable(t, 4));
    const a = t.indexOf(0) === 0 || t.indexOf(0) === 1 ? 14 : 0;
    const s = t.slice();
    [s[a], s[a + 1]] = [s[a + 1], s[a]];
    assert.ok(!F.isSolvable(s, 4));
  }
  // Sam Loyd's 14-15 puzzle is the famous unsolvable one.
  assert.ok(!F.isSolvable([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 14, 0], 4));
});

test('the same seed deals the same board', () => {
  assert.deepStrictEqual(F.shuffle(4, seeded(7), 'normal'), F.shuffle(4, seeded(7), 'normal'));
  assert.notDeepStrictEqual(F.shuffle(4, seeded(7), 'normal'), F.shuffle(4, seeded(8), 'normal'));
});

test('slides: a neighbour moves into the gap, a line of tiles slides, others do nothing', () => {
  const t = F.solved(4); // gap at 15
  assert.strictEqual(F.slide(t, 4, 0), 0, 'not in line with the gap');
  assert.strictEqual(F.slide(t, 4, 14), 1);
  assert.deepStrictEqual(t.slice(12), [13, 14, 0, 15]);
  assert.strictEqual(F.slide(t, 4, 12), 2);
  assert.deepStrictEqual(t.slice(12), [0, 13, 14, 15]);
  assert.strictEqual(F.slide(t, 4, 0), 3);
  assert.deepStrictEqual([t[0], t[4], t[8], t[12]], [0, 1, 5, 9]);
  assert.strictEqual(F.slide(t, 4, 0), 0, 'the gap itself');
});

test('arrow moves move the tile beside the gap in that direction, and undo each other', () => {
  const t = F.solved(3); // gap at 8
  assert.strictEqual(F.move(t, 3, 'left'), 0, 'nothing right of the gap');
  assert.strictEqual(F.move(t, 3, 'up'), 0, 'nothing below the gap');
  assert.strictEqual(F.move(t, 3, 'right'), 1);
  assert.deepStrictEqual(t, [1, 2, 3, 4, 5, 6, 7, 0, 8]);
  assert.strictEqual(F.move(t, 3, 'down'), 1);
  assert.deepStrictEqual(t, [1, 2, 3, 4, 0, 6, 7, 5, 8]);
  F.move(t, 3, 'up');
  F.move(t, 3, 'left');
  assert.ok(F.isSolved(t));
  assert.strictEqual(F.inPlace(t), 8);
});
