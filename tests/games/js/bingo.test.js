'use strict';
// Bingo rules: the card's numbers from the params, line counting in every direction, the computer's calls
// (always an uncalled number, helping its own lines) and ties when both cards reach the target on one call.
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const B = require(path.join(__dirname, '..', '..', '..', 'templates', 'games', 'rules', 'bingo.js'));

function rngOf(seed) {
  let x = seed >>> 0 || 1;
  return () => ((x = (x * 16807) % 2147483647) / 2147483647);
}
const range = (a, b) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
// a card whose cells are in reading order 1..n*n
const plain = (n) => range(1, n * n);

test('the numbers: 1-25 by default, a square range sets the size, other ranges are filled to n*n', () => {
  assert.deepStrictEqual(B.numbers({}), { n: 5, nums: range(1, 25), min: 1, max: 25 });
  assert.strictEqual(B.numbers({ min: 1, max: 16 }).n, 4);
  assert.deepStrictEqual(B.numbers({ min: 1, max: 36 }).nums, range(1, 36));
  assert.deepStrictEqual(B.numbers({ min: 10, max: 20 }).nums, range(10, 34), 'too few: counted on from min');
  assert.deepStrictEqual(B.numbers({ min: 50 }).nums, range(50, 74));
  const wide = B.numbers({ min: 1, max: 75, rng: rngOf(3) });
  assert.strictEqual(wide.n, 5);
  assert.strictEqual(new Set(wide.nums).size, 25);
  assert.ok(wide.nums.every((x, i) => x >= 1 && x <= 75 && (!i || x > wide.nums[i - 1])), 'distinct, sorted, in range');
  assert.deepStrictEqual(B.numbers({ min: 1, max: 75, rng: rngOf(3) }).nums, wide.nums, 'the same seed, the same numbers');
  assert.strictEqual(B.numbers({ size: 3 }).nums.length, 9);
  assert.strictEqual(B.numbers({ size: 99 }).n, 7);
  assert.strictEqual(B.numbers({ size: -4, min: 1, max: 100 }).n, 3);
  const hostile = B.numbers({ min: -1e12, max: 1e15, size: 'x', rng: rngOf(9) });
  assert.strictEqual(hostile.nums.length, 25);
  assert.ok(hostile.min >= 0 && hostile.max <= 100000 + 9999);
  assert.deepStrictEqual(B.numbers({ min: 'a', max: null }).nums, range(1, 25));
});

test('lines: rows, columns and both diagonals', () => {
  const ls = B.lines(5);
  assert.strictEqual(ls.length, 12);
  assert.deepStrictEqual(ls[0], [0, 1, 2, 3, 4]);
  assert.deepStrictEqual(ls[5], [0, 5, 10, 15, 20]);
  assert.deepStrictEqual(ls[10], [0, 6, 12, 18, 24]);
  assert.deepStrictEqual(ls[11], [4, 8, 12, 16, 20]);
  assert.strictEqual(B.lines(3).length, 8);
  assert.strictEqual(B.lines(7).length, 16);
});

test('counting lines in every direction', () => {
  const card = plain(5);
  assert.strictEqual(B.count(card, []), 0);
  assert.deepStrictEqual(B.completed(card, [1, 2, 3, 4, 5]), [0], 'the top row');
  assert.deepStrictEqual(B.completed(card, [21, 22, 23, 24, 25]), [4], 'the bottom row');
  assert.deepStrictEqual(B.completed(card, [3, 8, 13, 18, 23]), [7], 'the middle column');
  assert.deepStrictEqual(B.completed(card, [1, 7, 13, 19, 25]), [10], 'the diagonal');
  assert.deepStrictEqual(B.completed(card, [5, 9, 13, 17, 21]), [11], 'the other diagonal');
  assert.strictEqual(B.count(card, [1, 2, 3, 4]), 0, 'four of five is no line');
  // one call can finish two lines at once: the centre finishes its row and a diagonal
  const called = [11, 12, 14, 15, 1, 7, 19, 25];
  assert.strictEqual(B.count(card, called), 0);
  assert.deepStrictEqual(B.completed(card, called.concat([13])), [2, 10]);
  // a row, a column and a diagonal through one corner: 3 lines from 13 numbers
  const three = [1, 2, 3, 4, 5, 6, 11, 16, 21, 7, 13, 19, 25];
  assert.strictEqual(B.count(card, three), 3);
  assert.strictEqual(B.count(card, range(1, 25)), 12, 'a full card has every line');
  // the same numbers in another order make other lines
  const other = card.slice().reverse();
  assert.deepStrictEqual(B.completed(other, [1, 2, 3, 4, 5]), [4]);
  assert.deepStrictEqual(B.marks(other, new Set([25, 1])), [true].concat(Array(23).fill(false), [true]));
  // numbers not on the card change nothing; a 3x3 card has 8 lines
  assert.strictEqual(B.count(card, [99, 100]), 0);
  assert.strictEqual(B.count(plain(3), [1, 5, 9]), 1);
  assert.strictEqual(B.count(plain(3), range(1, 9)), 8);
});

test('filling a card by hand: the next number, and a full card', () => {
  const nums = range(1, 9), card = Array(9).fill(null);
  assert.strictEqual(B.nextNumber(card, nums), 1);
  card[4] = 1; card[0] = 2;
  assert.strictEqual(B.nextNumber(card, nums), 3);
  assert.ok(!B.isFull(card, nums));
  const full = B.shuffle(nums, rngOf(5));
  assert.ok(B.isFull(full, nums) && B.nextNumber(full, nums) === null);
  assert.notDeepStrictEqual(full, nums);
  assert.deepStrictEqual(full.slice().sort((a, b) => a - b), nums);
  assert.deepStrictEqual(B.shuffle(nums, rngOf(5)), full, 'seeded');
});

test('the computer always calls an uncalled number, and finishes its own lines', () => {
  for (let g = 0; g < 60; g++) {
    const rng = rngOf(g + 1), nums = B.numbers({ size: 3 + (g % 5) }).nums;
    const mine = B.shuffle(nums, rng), its = B.shuffle(nums, rng), called = [];
    const level = ['easy', 'normal', 'hard'][g % 3];
    while (called.length < nums.length) {
      // the person calls at random, the computer with its rule
      const open = nums.filter((x) => !called.includes(x));
      const x = called.length % 2 ? B.computerCall(its, called, { rng, level }) : open[Math.floor(rng() * open.length)];
      assert.ok(nums.includes(x) && !called.includes(x), 'game ' + g + ': ' + x + ' is new');
      called.push(x);
    }
    assert.strictEqual(B.computerCall(its, called, { rng }), null, 'nothing left to call');
    assert.strictEqual(B.count(mine, called), 2 * Math.sqrt(nums.length) + 2);
  }
  // four of a row marked: it calls the fifth
  const card = plain(5);
  assert.strictEqual(B.computerCall(card, [6, 7, 9, 10, 1, 25], { rng: rngOf(1), level: 'normal' }), 8);
  // with nothing marked it prefers the centre, on four lines
  assert.strictEqual(B.computerCall(card, [], { level: 'hard', rng: rngOf(2) }), 13);
  // a call that finishes two lines beats one that finishes one
  const called = [11, 12, 14, 15, 1, 7, 19, 25, 21, 22, 23, 24];
  assert.strictEqual(B.computerCall(card, called, { level: 'hard', rng: rngOf(3) }), 13);
});

test('the computer plays better than chance', () => {
  // against a person calling at random from the same numbers, the computer's lines come sooner
  let wins = 0, losses = 0;
  for (let g = 0; g < 200; g++) {
    const rng = rngOf(1000 + g), nums = range(1, 25);
    const mine = B.shuffle(nums, rng), its = B.shuffle(nums, rng), called = [];
    let res = '';
    while (!res) {
      const open = nums.filter((x) => !called.includes(x));
      called.push(called.length % 2 ? B.computerCall(its, called, { rng, level: 'normal' }) : open[Math.floor(rng() * open.length)]);
      res = B.outcome(B.count(mine, called), B.count(its, called), 3);
    }
    if (res === 'b') wins++;
    if (res === 'a') losses++;
  }
  assert.ok(wins > losses * 1.5, 'computer ' + wins + ' : person ' + losses);
});

test('ties: both cards reaching the target on the same call', () => {
  assert.strictEqual(B.outcome(3, 3, 3), 'tie');
  assert.strictEqual(B.outcome(4, 3, 3), 'tie', 'two lines at once still reach it together');
  assert.strictEqual(B.outcome(3, 2, 3), 'a');
  assert.strictEqual(B.outcome(1, 5, 5), 'b');
  assert.strictEqual(B.outcome(2, 2, 3), '');
  // two cards in the same order tie on every call that finishes a line
  const a = plain(5), b = plain(5), called = [];
  let res = '';
  for (const x of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]) {
    called.push(x);
    res = B.outcome(B.count(a, called), B.count(b, called), 3);
    if (res) break;
  }
  assert.strictEqual(res, 'tie');
  assert.strictEqual(called.length, 15);
  // one call finishing the third line on both cards, in different places
  const c = plain(5), d = [21, 22, 23, 24, 25, 16, 17, 18, 19, 20, 11, 12, 13, 14, 15, 6, 7, 8, 9, 10, 1, 2, 3, 4, 5];
  const before = [1, 2, 3, 4, 5, 21, 22, 23, 24, 25, 11, 12, 14, 15];
  assert.strictEqual(B.outcome(B.count(c, before), B.count(d, before), 3), '');
  assert.strictEqual(B.outcome(B.count(c, before.concat([13])), B.count(d, before.concat([13])), 3), 'tie');
  // a call by one side can win the game for the other
  assert.strictEqual(B.outcome(B.count(c, [1, 2, 3, 4]), B.count(d, [1, 2, 3, 4, 5]), 1), 'b');
});
