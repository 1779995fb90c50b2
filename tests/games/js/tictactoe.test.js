'use strict';
const test = require('node:test');
const assert = require('node:assert');
const T = require('../../../templates/games/rules/tictactoe.js');

const parse = (s) => s.split('').map((c) => (c === '.' ? '' : c));

test('rows, columns and diagonals win; a full board without a line is a draw', () => {
  assert.deepStrictEqual(T.result(parse('XXXOO....')), { winner: 'X', line: [0, 1, 2] });
  assert.deepStrictEqual(T.result(parse('OX.OX.O..')), { winner: 'O', line: [0, 3, 6] });
  assert.deepStrictEqual(T.result(parse('X.O.XO..X')), { winner: 'X', line: [0, 4, 8] });
  assert.deepStrictEqual(T.result(parse('XOXXOOOXX')), { winner: 'draw' });
  assert.strictEqual(T.result(parse('XO.......')), null);
});

test('a move goes only on an empty cell of an unfinished game', () => {
  const b = T.play(T.create(), 4, 'X');
  assert.strictEqual(b[4], 'X');
  assert.strictEqual(T.play(b, 4, 'O'), null);
  assert.strictEqual(T.play(parse('XXXOO....'), 8, 'O'), null);
  assert.strictEqual(T.play(b, 9, 'O'), null);
});

test('the empty board is a draw with perfect play; a fork is a forced win', () => {
  assert.strictEqual(T.value(T.create(), 'X'), 0);
  assert.strictEqual(T.value(parse('X...O...X'), 'O'), 0);
  assert.strictEqual(T.value(parse('X.......O'), 'X'), 1);
});

function everyGame(board, toMove, ai, level, visit) {
  const r = T.result(board);
  if (r) { visit(r); return; }
  if (toMove === ai) {
    everyGame(T.play(board, T.choose(board, ai, level, () => 0.5), ai), T.other(ai), ai, level, visit);
    return;
  }
  for (const m of T.moves(board)) everyGame(T.play(board, m, toMove), T.other(toMove), ai, level, visit);
}

test('hard never loses, whoever starts and whatever the other side plays', () => {
  for (const ai of ['X', 'O']) {
    let games = 0;
    everyGame(T.create(), 'X', ai, 'hard', (r) => {
      games++;
      assert.notStrictEqual(r.winner, T.other(ai));
    });
    assert.ok(games > 10);
  }
});

test('hard takes a win at once and blocks a threat', () => {
  assert.strictEqual(T.choose(parse('OO.XX....'), 'O', 'hard'), 2);
  assert.strictEqual(T.choose(parse('XX..O....'), 'O', 'hard'), 2);
  assert.strictEqual(T.choose(parse('XX..O....'), 'O', 'normal'), 2);
});

test('easy can be beaten', () => {
  let lost = 0;
  everyGame(T.create(), 'X', 'O', 'easy', (r) => { if (r.winner === 'X') lost++; });
  assert.ok(lost > 0);
});

test('choose returns a legal move or -1 when the game is over', () => {
  let seed = 1;
  const rng = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
  for (const level of ['easy', 'normal', 'hard']) {
    let b = T.create(), p = 'X';
    while (!T.result(b)) {
      const m = T.choose(b, p, level, rng);
      assert.ok(T.moves(b).includes(m));
      b = T.play(b, m, p); p = T.other(p);
    }
    assert.strictEqual(T.choose(b, p, level, rng), -1);
  }
});
