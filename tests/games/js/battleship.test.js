'use strict';
// Battleship: fleets by board size, placement (inside the grid, no overlap), shots, sinking, the end of the game
// and the computer's hunt (never the same cell twice, it follows a hit).
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const B = require(path.join(__dirname, '..', '..', '..', 'templates', 'games', 'rules', 'battleship.js'));

function seeded(s) {
  return () => { s = (s * 1103515245 + 12345) >>> 0; return (s >>> 8) / 16777216; };
}

test('the classic fleet on 10x10, fewer ships on small boards, sizes clamped', () => {
  assert.deepStrictEqual(B.fleet(10), [5, 4, 3, 3, 2]);
  assert.deepStrictEqual(B.fleet(6), [3, 3, 2]);
  assert.deepStrictEqual(B.fleet(99), [5, 4, 3, 3, 2]);
  assert.strictEqual(B.create(3).n, 6);
  assert.strictEqual(B.create('x').n, 10);
  for (let n = 6; n <= 10; n++) assert.ok(B.fleet(n).reduce((a, b) => a + b, 0) * 2 < n * n);
});
test('a fleet of a given number of ships: taken evenly, added to, never over a third of the sea', () => {
  assert.deepStrictEqual(B.fleetOf(8, 3), [4, 3, 2]);
  assert.deepStrictEqual(B.fleetOf(10, 1), [5]);
  assert.deepStrictEqual(B.fleetOf(10, null), [5, 4, 3, 3, 2]);
  assert.deepStrictEqual(B.fleetOf(10, 'x'), [5, 4, 3, 3, 2]);
  assert.strictEqual(B.fleetOf(10, 7).length, 7);
  assert.strictEqual(B.fleetOf(6, 99).length, 8);
  for (let n = 6; n <= 10; n++) {
    for (let k = 1; k <= 8; k++) {
      const lens = B.fleetOf(n, k);
      assert.strictEqual(lens.length, k);
      assert.ok(lens.reduce((a, b) => a + b, 0) * 3 <= n * n, `${k} ships on ${n}`);
      for (let s = 1; s <= 5; s++) assert.strictEqual(B.randomFleet(n, lens, seeded(s * 7 + k)).ships.length, k);
    }
  }
});
test('a ship must stay inside the grid and never overlap another', () => {
  const b = B.create(10);
  assert.strictEqual(B.place(b, 0, 6, 5, false), -1, 'runs off the right edge');
  assert.strictEqual(B.place(b, 6, 0, 5, true), -1, 'runs off the bottom');
  assert.strictEqual(B.place(b, -1, 0, 2, false), -1);
  assert.strictEqual(B.place(b, 0, 5, 5, false), 0);
  assert.deepStrictEqual(b.ships[0].cells, [5, 6, 7, 8, 9]);
  assert.strictEqual(B.place(b, 0, 7, 3, true), -1, 'crosses the first ship');
  assert.strictEqual(B.place(b, 1, 7, 3, true), 1, 'touching is allowed');
  assert.deepStrictEqual(b.ships[1].cells, [17, 27, 37]);
  assert.strictEqual(B.remove(b, 5), 5);
  assert.strictEqual(b.ships.length, 1);
  assert.strictEqual(b.occ[17], 0);
  assert.strictEqual(b.occ[5], -1);
  assert.strictEqual(B.remove(b, 0), 0);
});
test('a random fleet is whole, inside the grid and without overlaps, on every size', () => {
  for (let n = 6; n <= 10; n++) {
    for (let s = 1; s <= 20; s++) {
      const b = B.randomFleet(n, B.fleet(n), seeded(s * 31 + n));
      assert.deepStrictEqual(b.ships.map((x) => x.len), B.fleet(n));
      const seen = new Set();
      b.ships.forEach((ship, k) => {
        assert.strictEqual(ship.cells.length, ship.len);
        ship.cells.forEach((i) => { assert.ok(i >= 0 && i < n * n); assert.ok(!seen.has(i)); seen.add(i); assert.strictEqual(b.occ[i], k); });
        const rows = new Set(ship.cells.map((i) => Math.floor(i / n))), cols = new Set(ship.cells.map((i) => i % n));
        assert.ok(rows.size === 1 || cols.size === 1, 'a straight line');
      });
    }
  }
});
test('shots miss, hit and sink; a cell cannot be fired at twice; the last ship ends the game', () => {
  const b = B.create(6);
  B.place(b, 0, 0, 2, false);
  B.place(b, 2, 2, 3, true);
  assert.strictEqual(B.shoot(b, 5).result, 'miss');
  assert.strictEqual(B.shoot(b, 5).result, 'repeat');
  assert.strictEqual(B.shoot(b, 99).result, 'invalid');
  assert.deepStrictEqual(B.shoot(b, 0), { result: 'hit', ship: 0 });
  assert.ok(!B.isSunk(b, 0));
  const r = B.shoot(b, 1);
  assert.strictEqual(r.result, 'sunk');
  assert.deepStrictEqual(r.cells, [0, 1]);
  assert.strictEqual(r.over, false);
  assert.ok(B.isSunk(b, 0));
  assert.deepStrictEqual([b.shots[0], b.shots[1]], [B.SUNK, B.SUNK]);
  assert.strictEqual(B.afloat(b), 1);
  assert.strictEqual(B.shoot(b, 14).result, 'hit');
  assert.strictEqual(B.shoot(b, 20).result, 'hit');
  assert.ok(!B.allSunk(b));
  const last = B.shoot(b, 26);
  assert.strictEqual(last.result, 'sunk');
  assert.strictEqual(last.over, true);
  assert.ok(B.allSunk(b));
});
test('the computer never fires at the same cell twice and always finishes a fleet', () => {
  for (const opts of [{ parity: false, line: false }, { parity: true }, {}]) {
    for (let s = 1; s <= 30; s++) {
      const n = 6 + (s % 5), rng = seeded(s * 7);
      const b = B.randomFleet(n, B.fleet(n), rng);
      const fired = new Set();
      let shots = 0;
      while (!B.allSunk(b)) {
        const i = B.aiPick(b.shots, n, Object.assign({ rng }, opts));
        assert.ok(i >= 0 && !fired.has(i), 'a new cell');
        fired.add(i);
        assert.notStrictEqual(B.shoot(b, i).result, 'repeat');
        shots++;
        assert.ok(shots <= n * n);
      }
    }
  }
  const done = B.create(6);
  done.shots = done.shots.map(() => B.MISS);
  assert.strictEqual(B.aiPick(done.shots, 6, {}), -1);
});
test('after a hit the computer tries a neighbour; after two in a line it follows the line', () => {
  const n = 10, shots = new Array(n * n).fill(B.NONE);
  shots[44] = B.HIT;
  for (let s = 0; s < 20; s++) assert.ok([34, 54, 43, 45].includes(B.aiPick(shots, n, { rng: seeded(s) })));
  shots[45] = B.HIT;
  shots[43] = B.MISS;
  for (let s = 0; s < 20; s++) assert.strictEqual(B.aiPick(shots, n, { rng: seeded(s) }), 46);
  const sunk = new Array(n * n).fill(B.NONE);
  sunk[44] = B.SUNK; sunk[45] = B.SUNK;
  for (let s = 0; s < 20; s++) { const i = B.aiPick(sunk, n, { rng: seeded(s), parity: true }); assert.ok(![44, 45].includes(i)); assert.strictEqual((Math.floor(i / n) + i % n) % 2, 0); }
});
test('an AI that hunts with a line is faster on average than a blind one', () => {
  let smart = 0, blind = 0;
  for (let s = 1; s <= 40; s++) {
    for (const [opts, add] of [[{ parity: true }, (k) => { smart += k; }], [{ parity: false, line: false }, (k) => { blind += k; }]]) {
      const rng = seeded(s * 13), b = B.randomFleet(10, B.fleet(10), seeded(s));
      let k = 0;
      while (!B.allSunk(b)) { B.shoot(b, B.aiPick(b.shots, 10, Object.assign({ rng }, opts))); k++; }
      add(k);
    }
  }
  assert.ok(smart < blind, smart + ' < ' + blind);
});
