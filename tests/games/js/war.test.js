'use strict';
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const W = require(path.join(__dirname, '..', '..', '..', 'templates', 'games', 'rules', 'war.js'));

function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const cards = (...rs) => rs.map((r, i) => ({ r, s: i % 4 }));
function rigged(p1, p2, rounds) {
  const g = W.createGame({ rng: seeded(1), rounds: rounds || 100 });
  g.piles = [cards(...p1), cards(...p2)];
  return g;
}
const total = (g) => g.piles[0].length + g.piles[1].length;

test('the deal is seeded, complete and even', () => {
  const a = W.createGame({ rng: seeded(5) });
  const b = W.createGame({ rng: seeded(5) });
  assert.deepStrictEqual(a.piles, b.piles);
  assert.strictEqual(a.piles[0].length, 26);
  assert.strictEqual(a.piles[1].length, 26);
  assert.strictEqual(new Set(a.piles.flat().map(W.label)).size, 52);
});

test('the higher card takes both, to the bottom of its pile', () => {
  const g = rigged([14, 3], [13, 5]);
  const r = W.playRound(g);
  assert.strictEqual(r.winner, 0);
  assert.deepStrictEqual(g.piles[0].map((c) => c.r), [3, 14, 13]);
  assert.deepStrictEqual(g.piles[1].map((c) => c.r), [5]);
});

test('a tie is a war: three down, one up, the winner takes all ten', () => {
  const g = rigged([9, 2, 2, 2, 12, 4], [9, 3, 3, 3, 11, 6]);
  const r = W.playRound(g);
  assert.strictEqual(r.wars, 1);
  assert.strictEqual(r.winner, 0);
  assert.strictEqual(r.down[0].length, 3);
  assert.strictEqual(g.piles[0].length, 11);
  assert.strictEqual(g.piles[1].length, 1);
});

test('a double war goes on until the face-up cards differ', () => {
  const g = rigged([7, 2, 2, 2, 10, 2, 2, 2, 5, 8], [7, 3, 3, 3, 10, 3, 3, 3, 6, 8]);
  const r = W.playRound(g);
  assert.strictEqual(r.wars, 2);
  assert.strictEqual(r.winner, 1);
  assert.strictEqual(g.piles[1].length, 19);
  assert.strictEqual(g.piles[0].length, 1);
});

test('a side short of cards for a war turns up its last card; with none it loses', () => {
  const g = rigged([8, 14], [8, 2, 2, 2, 3]);
  const r = W.playRound(g);
  assert.strictEqual(r.winner, 0);
  assert.strictEqual(r.down[0].length, 0);
  assert.ok(g.over === false || g.winner === 0);
  const h = rigged([8], [8, 4, 4]);
  const s = W.playRound(h);
  assert.strictEqual(s.winner, 1);
  assert.ok(h.over);
  assert.strictEqual(h.winner, 1);
});

test('the round limit ends the game and the larger pile wins', () => {
  const g = W.createGame({ rng: seeded(11), rounds: 10 });
  let n = 0;
  while (!g.over) { W.playRound(g); n++; assert.strictEqual(total(g), 52); }
  assert.ok(n <= 10);
  const a = g.piles[0].length, b = g.piles[1].length;
  assert.strictEqual(g.winner, a > b ? 0 : b > a ? 1 : -1);
  assert.strictEqual(W.playRound(g), null);
});

test('whole games always end with all 52 cards accounted for', () => {
  for (let seed = 1; seed <= 30; seed++) {
    const g = W.createGame({ rng: seeded(seed), rounds: 3000 });
    while (!g.over) W.playRound(g);
    assert.strictEqual(total(g), 52);
    assert.ok([0, 1, -1].includes(g.winner));
  }
});
