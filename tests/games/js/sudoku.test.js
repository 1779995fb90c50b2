'use strict';
// Sudoku rules: generated puzzles have exactly one solution (the generator's) for many seeds,
// every difficulty and every supported size; the solver, conflicts and the win check.
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const S = require(path.join(__dirname, '..', '..', '..', 'templates', 'games', 'rules', 'sudoku.js'));

function seeded(a) {
  return function () {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// An independent brute-force counter (plain backtracking, no bit tricks), stopping at limit.
function bruteCount(grid, n, br, bc, limit) {
  const g = grid.slice();
  let count = 0;
  function ok(i, v) {
    const r = Math.floor(i / n), c = i % n;
    for (let k = 0; k < n; k++) if (g[r * n + k] === v || g[k * n + c] === v) return false;
    const r0 = r - (r % br), c0 = c - (c % bc);
    for (let y = r0; y < r0 + br; y++) for (let x = c0; x < c0 + bc; x++) if (g[y * n + x] === v) return false;
    return true;
  }
  function rec(i) {
    if (count >= limit) return;
    while (i < n * n && g[i]) i++;
    if (i === n * n) { count++; return; }
    for (let v = 1; v <= n; v++) {
      if (ok(i, v)) { g[i] = v; rec(i + 1); g[i] = 0; if (count >= limit) return; }
    }
  }
  rec(0);
  return count;
}

function validSolution(sol, n, br, bc) {
  const want = Array.from({ length: n }, (_, k) => k + 1).join();
  for (let k = 0; k < n; k++) {
    const row = [], col = [], box = [];
    const r0 = Math.floor(k / (n / bc)) * br, c0 = (k % (n / bc)) * bc;
    for (let j = 0; j < n; j++) {
      row.push(sol[k * n + j]);
      col.push(sol[j * n + k]);
      box.push(sol[(r0 + Math.floor(j / bc)) * n + c0 + (j % bc)]);
    }
    for (const line of [row, col, box]) if (line.slice().sort((a, b) => a - b).join() !== want) return false;
  }
  return true;
}

for (const difficulty of ['easy', 'normal', 'hard']) {
  test(`9x9 ${difficulty}: 40 seeds each give a unique puzzle that agrees with its solution`, () => {
    for (let seed = 1; seed <= 40; seed++) {
      const p = S.generate(seeded(seed * 7919), difficulty, 9);
      assert.strictEqual(p.n, 9);
      assert.ok(validSolution(p.solution, 9, 3, 3), `seed ${seed}: the solution is a valid grid`);
      p.puzzle.forEach((v, i) => { if (v) assert.strictEqual(v, p.solution[i], `seed ${seed}: clue ${i}`); });
      assert.strictEqual(S.countSolutions(p.puzzle, 9, 2), 1, `seed ${seed}: exactly one solution`);
      assert.deepStrictEqual(S.solve(p.puzzle, 9), p.solution);
      const clues = p.puzzle.filter(Boolean).length;
      assert.strictEqual(clues, p.clues);
      assert.ok(clues <= S.clueTarget(9, difficulty) + 3, `seed ${seed}: ${clues} clues for ${difficulty}`);
    }
  });
}

test('fewer clues as the difficulty rises', () => {
  const easy = S.clueTarget(9, 'easy'), normal = S.clueTarget(9, 'normal'), hard = S.clueTarget(9, 'hard');
  assert.ok(easy > normal && normal > hard && hard >= 17);
});

test('4x4 and 6x6 puzzles are unique too (checked by an independent brute-force counter)', () => {
  for (const [n, br, bc] of [[4, 2, 2], [6, 2, 3]]) {
    for (const difficulty of ['easy', 'normal', 'hard']) {
      for (let seed = 1; seed <= 15; seed++) {
        const p = S.generate(seeded(seed), difficulty, n);
        assert.strictEqual(p.n, n);
        assert.ok(validSolution(p.solution, n, br, bc));
        assert.strictEqual(bruteCount(p.puzzle, n, br, bc, 2), 1, `${n}x${n} ${difficulty} seed ${seed}`);
        p.puzzle.forEach((v, i) => { if (v) assert.strictEqual(v, p.solution[i]); });
      }
    }
  }
});

test('the fast counter agrees with brute force on 9x9 puzzles, including ones with many solutions', () => {
  for (let seed = 1; seed <= 4; seed++) {
    const p = S.generate(seeded(seed + 100), 'normal', 9);
    assert.strictEqual(bruteCount(p.puzzle, 9, 3, 3, 2), 1);
    const loose = p.puzzle.slice();
    let removed = 0;
    for (let i = 0; i < 81 && removed < 6; i++) if (loose[i]) { loose[i] = 0; removed++; }
    assert.strictEqual(S.countSolutions(loose, 9, 2), bruteCount(loose, 9, 3, 3, 2));
  }
  assert.strictEqual(S.countSolutions(new Array(81).fill(0), 9, 2), 2);
});

test('the same seed gives the same puzzle; another seed another', () => {
  assert.deepStrictEqual(S.generate(seeded(5), 'normal', 9), S.generate(seeded(5), 'normal', 9));
  assert.notDeepStrictEqual(S.generate(seeded(5), 'normal', 9).puzzle, S.generate(seeded(6), 'normal', 9).puzzle);
});

test('sizes clamp to 4, 6 or 9', () => {
  assert.deepStrictEqual([1, 4, 5, 6, 7, 8, 9, 16, 1e9, NaN, 'x'].map(S.side), [4, 4, 4, 6, 6, 9, 9, 9, 9, 9, 9]);
});

test('conflicts mark both clashing cells; a clashing grid has no solution', () => {
  const g = new Array(81).fill(0);
  g[0] = 5; g[8] = 5; g[40] = 3;
  assert.deepStrictEqual(S.conflicts(g, 9), [0, 8]);
  g[8] = 0; g[10] = 5;
  assert.deepStrictEqual(S.conflicts(g, 9), [0, 10]);
  g[10] = 0; g[72] = 5;
  assert.deepStrictEqual(S.conflicts(g, 9), [0, 72]);
  g[72] = 0; g[80] = 5;
  assert.deepStrictEqual(S.conflicts(g, 9), []);
  g[1] = 5;
  assert.strictEqual(S.countSolutions(g, 9, 2), 0);
  assert.strictEqual(S.solve(g, 9), null);
});

test('isSolved and peers', () => {
  const p = S.generate(seeded(9), 'easy', 9);
  assert.ok(S.isSolved(p.solution, 9));
  assert.ok(!S.isSolved(p.puzzle, 9));
  const bad = p.solution.slice();
  const t = bad[0]; bad[0] = bad[1]; bad[1] = t;
  assert.ok(!S.isSolved(bad, 9));
  assert.strictEqual(S.peers(40, 9).length, 20);
  assert.strictEqual(S.peers(0, 6).length, 6 - 1 + 6 - 1 + 2);
});
