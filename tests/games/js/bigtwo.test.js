'use strict';
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const T = require(path.join(__dirname, '..', '..', '..', 'templates', 'games', 'rules', 'bigtwo.js'));

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

// 'A♠ A♥' -> cards; ranks 3..10 J Q K A 2, suits ♦ ♣ ♥ ♠
function cs(text) {
  return text.split(/\s+/).filter(Boolean).map((t) => {
    const suit = T.SUITS.indexOf(t.slice(-1));
    const rank = T.RANKS.indexOf(t.slice(0, -1));
    assert.ok(suit >= 0 && rank >= 0, 'bad card ' + t);
    return T.card(rank, suit);
  });
}
const kind = (text) => (T.classify(cs(text)) || {}).type || null;
const beats = (a, b) => T.beats(T.classify(cs(a)), T.classify(cs(b)));

test('hands are classified', () => {
  assert.strictEqual(kind('7♦'), 'single');
  assert.strictEqual(kind('7♦ 7♠'), 'pair');
  assert.strictEqual(kind('7♦ 7♠ 7♣'), 'triple');
  assert.strictEqual(kind('3♦ 4♣ 5♥ 6♠ 7♦'), 'straight');
  assert.strictEqual(kind('10♦ J♣ Q♥ K♠ A♦'), 'straight');
  assert.strictEqual(kind('3♥ 8♥ 10♥ Q♥ 2♥'), 'flush');
  assert.strictEqual(kind('9♦ 9♣ 9♥ 4♠ 4♦'), 'fullhouse');
  assert.strictEqual(kind('J♦ J♣ J♥ J♠ 5♦'), 'four');
  assert.strictEqual(kind('5♣ 6♣ 7♣ 8♣ 9♣'), 'straightflush');
});

test('invalid combinations are rejected', () => {
  assert.strictEqual(kind('7♦ 8♠'), null);
  assert.strictEqual(kind('7♦ 7♠ 8♣'), null);
  assert.strictEqual(kind('7♦ 7♠ 7♣ 7♥'), null);
  assert.strictEqual(kind('3♦ 4♣ 5♥ 6♠'), null);
  assert.strictEqual(kind('3♦ 4♣ 5♥ 6♠ 8♦'), null);
  assert.strictEqual(kind('J♦ Q♣ K♥ A♠ 2♦'), null, 'no wrapping through the 2');
  assert.strictEqual(kind('A♦ 2♣ 3♥ 4♠ 5♦'), null, 'a 2 is never in a straight');
  assert.strictEqual(kind('9♦ 9♣ 4♥ 4♠ 5♦'), null, 'two pairs and a card');
  assert.strictEqual(kind('3♦ 4♦ 5♦ 6♦ 7♦ 8♦'), null);
  assert.strictEqual(T.classify([]), null);
  assert.strictEqual(T.classify([T.card(3, 1), T.card(3, 1)]), null, 'a card twice');
});

test('Big Two order: 2 highest, then A; suits ♦ < ♣ < ♥ < ♠', () => {
  assert.ok(beats('2♦', 'A♠'));
  assert.ok(beats('3♠', '3♥'));
  assert.ok(!beats('3♦', '3♣'));
  assert.ok(beats('2♦ 2♣', 'A♥ A♠'), 'a pair of 2s beats a pair of aces');
  assert.ok(beats('K♦ K♠', 'K♣ K♥'), 'pairs of a rank: the spade decides');
  assert.ok(!beats('K♦ K♥', 'K♣ K♠'));
  assert.ok(beats('4♦ 4♣ 4♥', '3♣ 3♥ 3♠'));
});

test('five-card hands: kind first, then their own order', () => {
  assert.ok(beats('3♥ 8♥ 10♥ Q♥ K♥', '10♦ J♣ Q♥ K♠ A♦'), 'a flush beats a straight');
  assert.ok(beats('3♦ 3♣ 3♥ 4♠ 4♦', '5♠ 9♠ J♠ K♠ 2♠'), 'a full house beats a flush');
  assert.ok(beats('3♦ 3♣ 3♥ 3♠ 4♦', 'A♦ A♣ A♥ K♠ K♦'), 'four of a kind beats a full house');
  assert.ok(beats('3♦ 4♦ 5♦ 6♦ 7♦', '2♦ 2♣ 2♥ 2♠ 4♦'), 'a straight flush beats four of a kind');
  assert.ok(beats('4♦ 5♣ 6♥ 7♠ 8♦', '3♦ 4♣ 5♥ 6♠ 7♠'));
  assert.ok(beats('3♦ 4♣ 5♥ 6♠ 7♠', '3♣ 4♦ 5♥ 6♠ 7♥'), 'equal straights: the top card suit');
  assert.ok(beats('4♦ 6♦ 8♦ 10♦ A♦', '3♠ 5♠ 7♠ 9♠ K♠'), 'flushes by the highest rank first');
  assert.ok(beats('4♦ 6♦ 8♦ J♦ A♦', '3♠ 5♠ 7♠ 10♠ A♠'), 'then the next rank');
  assert.ok(beats('5♦ 5♣ 5♥ 3♠ 3♦', '4♦ 4♣ 4♥ 2♠ 2♦'), 'full houses by the triple');
  assert.ok(!beats('7♦', '7♦ 7♠'), 'a play must match the size');
  assert.ok(!beats('7♦ 7♠', '3♦ 4♣ 5♥ 6♠ 7♠'));
});

test('the holder of ♦3 starts and must play it', () => {
  const g = T.createGame({ rng: seeded(9) });
  assert.strictEqual(g.hands.flat().length, 52);
  g.hands.forEach((h) => assert.strictEqual(h.length, 13));
  const s = g.turn;
  assert.ok(g.hands[s].some((c) => c.id === 0));
  const other = g.hands[s].find((c) => c.id !== 0);
  assert.strictEqual(T.problem(g, s, [other]), 'need_d3');
  assert.strictEqual(T.problem(g, (s + 1) % 4, [g.hands[(s + 1) % 4][0]]), 'turn');
  assert.ok(!T.canPass(g, s), 'the leader cannot pass');
  assert.ok(T.play(g, s, [T.card(0, 0)]));
  assert.strictEqual(g.turn, (s + 1) % 4);
  assert.strictEqual(g.hands[s].length, 12);
});

test('a new round starts when the other three pass', () => {
  const g = T.createGame({ rng: seeded(3) });
  const s = g.turn;
  T.play(g, s, [T.card(0, 0)]);
  assert.strictEqual(T.pass(g, (s + 1) % 4), 'pass');
  assert.strictEqual(T.pass(g, (s + 2) % 4), 'pass');
  assert.strictEqual(T.pass(g, (s + 3) % 4), 'newround');
  assert.strictEqual(g.turn, s);
  assert.strictEqual(g.lead, null);
  // anything valid leads now, of any size
  const plays = T.legalPlays(g, s);
  assert.ok(plays.length >= g.hands[s].length);
});

test('cards not in the hand, or too low, are refused', () => {
  const g = T.createGame({ rng: seeded(4) });
  const s = g.turn;
  T.play(g, s, [T.card(0, 0)]);
  const n = (s + 1) % 4;
  const foreign = g.hands[(s + 2) % 4][0];
  assert.strictEqual(T.problem(g, n, [foreign]), 'not_in_hand');
  g.lead = { combo: T.classify([T.card(12, 3)]), cards: [T.card(12, 3)], by: s };
  assert.strictEqual(T.problem(g, n, [g.hands[n][0]]), 'low');
  assert.strictEqual(T.legalPlays(g, n).length, 0);
  assert.deepStrictEqual(T.aiMove(g, n), { pass: true });
});

test('the computer always makes a legal move, and whole games end with one winner', () => {
  for (let seed = 1; seed <= 40; seed++) {
    const g = T.createGame({ rng: seeded(seed) });
    const level = ['easy', 'normal', 'hard'][seed % 3];
    let turns = 0;
    while (g.winner === null) {
      const seat = g.turn;
      const m = T.aiMove(g, seat, level);
      if (m.pass) {
        assert.ok(T.canPass(g, seat), 'passing only when following');
        assert.ok(T.pass(g, seat));
      } else {
        assert.strictEqual(T.problem(g, seat, m.cards), '', 'seed ' + seed + ' turn ' + turns);
        assert.ok(T.play(g, seat, m.cards));
      }
      assert.ok(++turns < 600, 'the game ends');
    }
    assert.strictEqual(g.hands[g.winner].length, 0);
    assert.strictEqual(g.hands.flat().length + g.history.reduce((n, h) => n + h.cards.length, 0), 52);
  }
});
