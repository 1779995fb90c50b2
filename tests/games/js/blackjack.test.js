'use strict';
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const B = require(path.join(__dirname, '..', '..', '..', 'templates', 'games', 'rules', 'blackjack.js'));

const c = (r, s) => B.card(r, s === undefined ? 0 : s);
const hand = (...ranks) => ranks.map((r, i) => c(r, i % 4));

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

// A game whose shoe deals the given cards in order (player, dealer, player, dealer, then hits).
function rigged(cards, chips) {
  const g = B.createGame({ rng: seeded(1), chips: chips || 100, decks: 1 });
  g.shoe = g.shoe.concat(cards.slice().reverse());
  return g;
}

test('hand values count aces as 1 or 11', () => {
  assert.deepStrictEqual(B.handValue(hand(1, 6)), { total: 17, soft: true });
  assert.deepStrictEqual(B.handValue(hand(1, 6, 10)), { total: 17, soft: false });
  assert.deepStrictEqual(B.handValue(hand(1, 1)), { total: 12, soft: true });
  assert.deepStrictEqual(B.handValue(hand(1, 1, 1, 1)), { total: 14, soft: true });
  assert.deepStrictEqual(B.handValue(hand(1, 1, 9, 10)), { total: 21, soft: false });
  assert.deepStrictEqual(B.handValue(hand(13, 12, 5)), { total: 25, soft: false });
  assert.strictEqual(B.handValue(hand(11, 1)).total, 21);
  assert.ok(B.isBlackjack(hand(1, 13)));
  assert.ok(!B.isBlackjack(hand(1, 5, 5)));
  assert.ok(B.isBust(hand(10, 9, 5)));
});

test('the dealer draws below 17 and stands on every 17, soft 17 too', () => {
  assert.ok(B.dealerShouldHit(hand(10, 6)));
  assert.ok(B.dealerShouldHit(hand(1, 5)));
  assert.ok(!B.dealerShouldHit(hand(10, 7)));
  assert.ok(!B.dealerShouldHit(hand(1, 6)));
  assert.ok(!B.dealerShouldHit(hand(1, 1, 5)));
  const g = rigged([c(10), c(10), c(9), c(6), c(5), c(4)]);
  B.deal(g, 10);
  B.stand(g);
  assert.deepStrictEqual(g.dealer.map((x) => x.r), [10, 6, 5]);
  assert.strictEqual(g.result.outcome, 'lose');
});

test('payouts: a natural pays 3:2, a win 1:1, a push nothing, a bust loses', () => {
  assert.deepStrictEqual(B.settle(hand(1, 13), hand(10, 9), 10), { outcome: 'blackjack', delta: 15 });
  assert.deepStrictEqual(B.settle(hand(1, 13), hand(10, 9), 5), { outcome: 'blackjack', delta: 7 });
  assert.deepStrictEqual(B.settle(hand(1, 13), hand(1, 12), 10), { outcome: 'push', delta: 0 });
  assert.deepStrictEqual(B.settle(hand(10, 10), hand(1, 12), 10), { outcome: 'lose', delta: -10 });
  assert.deepStrictEqual(B.settle(hand(10, 5, 7), hand(10, 6, 9), 10), { outcome: 'bust', delta: -10 });
  assert.deepStrictEqual(B.settle(hand(10, 8), hand(10, 6, 9), 10), { outcome: 'dealer_bust', delta: 10 });
  assert.deepStrictEqual(B.settle(hand(10, 9), hand(10, 8), 10), { outcome: 'win', delta: 10 });
  assert.deepStrictEqual(B.settle(hand(10, 7), hand(10, 7), 10), { outcome: 'push', delta: 0 });
  // 21 with three cards does not beat a dealer's natural
  assert.deepStrictEqual(B.settle(hand(7, 7, 7), hand(1, 11), 10), { outcome: 'lose', delta: -10 });
});

test('a dealt natural settles at once and pays 3:2 to the chips', () => {
  const g = rigged([c(1), c(10), c(13), c(7)]);
  B.deal(g, 20);
  assert.strictEqual(g.phase, 'done');
  assert.strictEqual(g.result.outcome, 'blackjack');
  assert.strictEqual(g.chips, 130);
});

test('double doubles the bet, takes exactly one card and ends the turn', () => {
  const g = rigged([c(6), c(10), c(5), c(7), c(10)]);
  B.deal(g, 10);
  assert.ok(B.canDouble(g));
  assert.ok(B.double(g));
  assert.strictEqual(g.player.length, 3);
  assert.strictEqual(g.bet, 20);
  assert.strictEqual(g.result.outcome, 'win');
  assert.strictEqual(g.chips, 120);
  // no double without the chips for it
  const h = rigged([c(6), c(10), c(5), c(7)], 15);
  B.deal(h, 10);
  assert.ok(!B.canDouble(h));
  assert.ok(!B.double(h));
});

test('a player bust ends the hand without the dealer drawing', () => {
  const g = rigged([c(10), c(10), c(6), c(6), c(9), c(9)]);
  B.deal(g, 10);
  B.hit(g);
  assert.strictEqual(g.phase, 'done');
  assert.strictEqual(g.result.outcome, 'bust');
  assert.strictEqual(g.dealer.length, 2);
  assert.strictEqual(g.chips, 90);
  assert.ok(!B.hit(g));
});

test('bets must be covered by the chips; the shoe is seeded and complete', () => {
  const g = B.createGame({ rng: seeded(7), chips: 50, decks: 2 });
  assert.ok(!B.deal(g, 60));
  assert.ok(!B.deal(g, 0));
  assert.strictEqual(g.shoe.length, 104);
  const a = B.makeShoe(1, seeded(3)).map(B.label).join(' ');
  const b = B.makeShoe(1, seeded(3)).map(B.label).join(' ');
  assert.strictEqual(a, b);
  assert.strictEqual(new Set(a.split(' ')).size, 52);
});

test('a long seeded session keeps the chips consistent and every hand settled', () => {
  const g = B.createGame({ rng: seeded(42), chips: 1000, decks: 4 });
  for (let i = 0; i < 400 && g.chips >= 10; i++) {
    const before = g.chips;
    assert.ok(B.deal(g, 10));
    while (g.phase === 'player') {
      if (B.handValue(g.player).total < 12) B.double(g) || B.hit(g);
      else if (B.handValue(g.player).total < 17) B.hit(g);
      else B.stand(g);
    }
    assert.strictEqual(g.phase, 'done');
    assert.strictEqual(g.chips, before + g.result.delta);
    assert.ok(!B.dealerShouldHit(g.dealer) || B.isBust(g.player) || B.isBlackjack(g.player) || B.isBlackjack(g.dealer));
  }
});
