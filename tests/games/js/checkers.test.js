'use strict';
// English draughts: the opening, compulsory captures, multi-jumps, crowning, kings, the end.
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const R = require(path.join(__dirname, '..', '..', '..', 'templates', 'games', 'rules', 'checkers.js'));

const at = (r, c) => R.idx(r, c);
const empty = ['........', '........', '........', '........', '........', '........', '........', '........'];
function board(lines) { const rows = empty.slice(); Object.keys(lines).forEach((r) => { rows[r] = lines[r]; }); return rows; }

test('the opening: 12 men each, 7 moves for the first player, all forward', () => {
  const s = R.create();
  assert.deepStrictEqual(R.count(s).total, [12, 12]);
  const ms = R.moves(s);
  assert.strictEqual(ms.length, 7);
  ms.forEach((m) => assert.ok(Math.floor(m.to / 8) === 4 && m.caps.length === 0));
  R.apply(s, ms[0]);
  assert.strictEqual(s.turn, 1);
  assert.strictEqual(R.moves(s).length, 7);
});
test('a capture is compulsory', () => {
  const s = R.fromText(board({ 3: '..w.....', 4: '.b......', 7: '......b.' }), 0);
  const ms = R.moves(s);
  assert.strictEqual(ms.length, 1);
  assert.deepStrictEqual(ms[0].path, [at(4, 1), at(2, 3)]);
  assert.deepStrictEqual(ms[0].caps, [at(3, 2)]);
  R.apply(s, ms[0]);
  assert.deepStrictEqual(R.count(s).total, [2, 0]);
  assert.deepStrictEqual(R.result(s), { winner: 0, reason: 'no_moves' });
});
test('a multi-jump goes on to the end, and branches are separate moves', () => {
  const s = R.fromText(board({ 1: '....w...', 3: '..w.w...', 4: '.b......' }), 0);
  // b at (4,1) jumps (3,2) to (2,3); then (1,4) to (0,5) (crowned, ends)
  const ms = R.moves(s);
  assert.strictEqual(ms.length, 1);
  assert.deepStrictEqual(ms[0].path, [at(4, 1), at(2, 3), at(0, 5)]);
  assert.strictEqual(ms[0].caps.length, 2);
  assert.ok(ms[0].crown);
  const t = R.fromText(board({ 1: '.w.w....', 3: '...w....', 4: '....b...' }), 0);
  const two = R.moves(t).map((m) => m.path.join(','));
  assert.deepStrictEqual(two.sort(), [[at(4, 4), at(2, 2), at(0, 0)].join(','), [at(4, 4), at(2, 2), at(0, 4)].join(',')].sort());
});
test('men never move or capture backwards; kings do both', () => {
  const s = R.fromText(board({ 3: '........', 4: '...b....', 5: '..w.....' }), 0);
  const ms = R.moves(s);
  assert.ok(ms.every((m) => m.caps.length === 0 && Math.floor(m.to / 8) === 3));
  const k = R.fromText(board({ 4: '...B....', 5: '..w.....' }), 0);
  const km = R.moves(k);
  assert.strictEqual(km.length, 1);
  assert.deepStrictEqual(km[0].path, [at(4, 3), at(6, 1)]);
  const free = R.fromText(board({ 4: '...B....' }), 0);
  assert.strictEqual(R.moves(free).length, 4);
});
test('crowning: a man reaching the far row becomes a king and the jump stops there', () => {
  const s = R.fromText(board({ 0: '........', 1: '..w.....', 2: '...b....', 6: 'w.......' }), 0);
  // no capture available for b at (2,3) (w at (1,2) would land on (0,1): yes a capture)
  const ms = R.moves(s);
  assert.strictEqual(ms.length, 1);
  R.apply(s, ms[0]);
  assert.strictEqual(s.board[at(0, 1)], 2, 'crowned king of player 0');
  const w = R.fromText(board({ 6: '........', 5: '.....w..', 0: 'B.......' }), 1);
  R.apply(w, R.moves(w).find((m) => m.to === at(6, 4)));
  R.apply(w, R.moves(w)[0]);
  R.apply(w, R.moves(w).find((m) => m.to === at(7, 3) || m.to === at(7, 5)));
  assert.ok(R.isKing(w.board.find((p) => R.owner(p) === 1)));
});
test('a side with no move loses; quiet king moves end in a draw', () => {
  const s = R.fromText(board({ 0: '.w......', 1: 'b.b.....', 2: '...b....' }), 1);
  assert.deepStrictEqual(R.result(s), { winner: 0, reason: 'no_moves' });
  const d = R.fromText(board({ 0: '.W......', 7: '......B.' }), 0);
  for (let i = 0; i < R.DRAW_PLIES; i++) R.apply(d, R.moves(d)[0]);
  assert.deepStrictEqual(R.result(d), { winner: -1, reason: 'draw' });
});
test('the computer takes a double jump over a single one and plays fast', () => {
  const s = R.fromText(board({ 1: '....w...', 3: '..w.....', 4: '.b...b..', 5: '........', 2: '.......w' }), 0);
  const m = R.bestMove(s, { depth: 4 });
  assert.strictEqual(m.caps.length, 2);
  const t0 = Date.now();
  const o = R.bestMove(R.create(), { depth: 6 });
  assert.ok(o && Date.now() - t0 < 4000);
});
