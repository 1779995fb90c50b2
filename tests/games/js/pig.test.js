'use strict';
const test = require('node:test');
const assert = require('node:assert');
const P = require('../../../templates/games/rules/pig.js');

function rolls(state, dice) {
  let s = state;
  const events = [];
  for (const d of dice) { const r = P.roll(s, d); s = r.state; events.push(r.event); }
  return { s, events };
}

test('a new game: 0-0, player 0 rolls, target clamped', () => {
  const s = P.create(100);
  assert.deepStrictEqual(s.scores, [0, 0]);
  assert.strictEqual(s.turn, 0);
  assert.strictEqual(s.turnTotal, 0);
  assert.strictEqual(s.winner, null);
  assert.strictEqual(P.create(50).target, 50);
  assert.strictEqual(P.create('x').target, 100);
  assert.strictEqual(P.create(1).target, 10);
  assert.strictEqual(P.create(100, 1).turn, 1);
});

test('rolls add to the turn total; a 1 loses it and passes the die', () => {
  let { s, events } = rolls(P.create(100), [4, 6, 3]);
  assert.deepStrictEqual(events, ['add', 'add', 'add']);
  assert.strictEqual(s.turnTotal, 13);
  assert.strictEqual(s.turn, 0);
  ({ s, events } = rolls(s, [1]));
  assert.deepStrictEqual(events, ['bust']);
  assert.strictEqual(s.turnTotal, 0);
  assert.deepStrictEqual(s.scores, [0, 0], 'nothing banked');
  assert.strictEqual(s.turn, 1);
});

test('hold banks the turn total and passes; holding nothing does nothing', () => {
  let s = rolls(P.create(100), [5, 5]).s;
  let r = P.hold(s);
  assert.strictEqual(r.event, 'hold');
  s = r.state;
  assert.deepStrictEqual(s.scores, [10, 0]);
  assert.strictEqual(s.turn, 1);
  assert.strictEqual(s.turnTotal, 0);
  r = P.hold(s);
  assert.strictEqual(r.event, 'none');
  assert.strictEqual(r.state.turn, 1);
  s = rolls(s, [2, 1]).s;
  assert.deepStrictEqual(s.scores, [10, 0]);
  assert.strictEqual(s.turn, 0);
});

test('holding at or past the target wins; nothing moves after a win', () => {
  let s = P.create(20);
  s = rolls(s, [6, 6, 6]).s;
  assert.ok(!P.holdWins(s));
  s = rolls(s, [2]).s;
  assert.ok(P.holdWins(s));
  const r = P.hold(s);
  assert.strictEqual(r.event, 'win');
  assert.strictEqual(r.state.winner, 0);
  assert.strictEqual(r.state.scores[0], 20);
  assert.strictEqual(P.roll(r.state, 4).event, 'none');
  assert.strictEqual(P.hold(r.state).event, 'none');
});

test('rolling past the target without holding is not yet a win', () => {
  const s = rolls(P.create(10), [6, 6]).s;
  assert.strictEqual(s.winner, null);
  assert.strictEqual(s.turnTotal, 12);
});

test('bad dice are ignored and the state is never mutated', () => {
  const s = P.create(100);
  const frozen = JSON.stringify(s);
  assert.strictEqual(P.roll(s, 0).event, 'none');
  assert.strictEqual(P.roll(s, 7).event, 'none');
  P.roll(s, 5);
  P.hold(rolls(s, [3]).s);
  assert.strictEqual(JSON.stringify(s), frozen);
});

test('computer: hold at 20 (scaled), easy holds sooner, always hold a win, never hold nothing', () => {
  const at = (total, strategy, mine = 0, theirs = 0, target = 100) => {
    const s = Object.assign(P.create(target), { turnTotal: total, scores: [mine, theirs] });
    return P.decide(s, strategy);
  };
  assert.strictEqual(at(0, 'normal'), 'roll');
  assert.strictEqual(at(19, 'normal'), 'roll');
  assert.strictEqual(at(20, 'normal'), 'hold');
  assert.strictEqual(at(10, 'easy'), 'hold');
  assert.strictEqual(at(9, 'easy'), 'roll');
  assert.strictEqual(at(10, 'normal', 0, 0, 50), 'hold');
  assert.strictEqual(at(5, 'normal', 95), 'hold', 'a hold that wins');
  assert.strictEqual(at(5, 'hard', 95), 'hold');
  assert.strictEqual(P.holdAt(100), 20);
  assert.strictEqual(P.holdAt(50), 10);
});

test('computer, hard: keeps pace, then races to the end', () => {
  const at = (total, mine, theirs) => P.decide(Object.assign(P.create(100), { turnTotal: total, scores: [mine, theirs] }), 'hard');
  assert.strictEqual(at(21, 0, 0), 'hold');
  assert.strictEqual(at(20, 0, 0), 'roll');
  assert.strictEqual(at(25, 10, 50), 'roll', 'behind: holds later (21 + 40/8 = 26)');
  assert.strictEqual(at(26, 10, 50), 'hold');
  assert.strictEqual(at(30, 20, 72), 'roll', 'the other side is near the end: roll on');
  assert.strictEqual(at(20, 75, 10), 'roll', 'near the end itself: roll on until the win');
});

test('whole games between strategies always end with a winner at the target', () => {
  let seed = 9;
  const die = () => 1 + Math.floor(((seed = (seed * 16807) % 2147483647) / 2147483647) * 6);
  const wins = { hard: 0, easy: 0 };
  for (let g = 0; g < 400; g++) {
    let s = P.create(100, g % 2);
    const who = g % 4 < 2 ? ['hard', 'easy'] : ['easy', 'hard'];
    for (let i = 0; i < 20000 && s.winner === null; i++) {
      s = (P.decide(s, who[s.turn]) === 'hold' ? P.hold(s) : P.roll(s, die())).state;
    }
    assert.notStrictEqual(s.winner, null);
    assert.ok(s.scores[s.winner] >= 100);
    assert.ok(s.scores[1 - s.winner] < 100);
    wins[who[s.winner]]++;
  }
  assert.ok(wins.hard > wins.easy, 'the classic strategy beats the timid one: ' + JSON.stringify(wins));
});
