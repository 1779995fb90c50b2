'use strict';
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const T = require(path.join(__dirname, '..', '..', '..', 'templates', 'games', 'rules', 'tetris.js'));

function game(opts) { return T.create(Object.assign({ seed: 7 }, opts || {})); }
function put(s, type, rot, x, y) { s.piece = { type: type, rot: rot, x: x, y: y }; s.lockTimer = 0; s.resets = 0; }
const FULL = 'XXXXXXXXXX';

test('every tetromino has four cells in four rotations', () => {
  for (const t of T.TYPES) {
    assert.strictEqual(T.SHAPES[t].length, 4);
    for (const r of T.SHAPES[t]) assert.strictEqual(r.length, 4);
  }
});

test('the 7-bag deals each piece once per seven, and the seed fixes the order', () => {
  const a = game({ seed: 42 }), b = game({ seed: 42 });
  const seqA = [a.piece.type], seqB = [b.piece.type];
  for (let i = 0; i < 13; i++) { T.spawn(a); T.spawn(b); seqA.push(a.piece.type); seqB.push(b.piece.type); }
  assert.deepStrictEqual(seqA, seqB);
  assert.deepStrictEqual(seqA.slice(0, 7).sort(), T.TYPES.slice().sort());
  assert.deepStrictEqual(seqA.slice(7, 14).sort(), T.TYPES.slice().sort());
  assert.strictEqual(T.preview(a, 3).length, 3);
});

test('a full line clears and the rows above fall down', () => {
  const s = game();
  T.setRows(s, ['.T........', 'XXXX..XXXX', 'XX.XXXXXXX']);
  put(s, 'O', 0, 4, 0); // the O drops into columns 4-5 and completes the middle row
  const res = T.hardDrop(s);
  assert.strictEqual(res.lines, 1);
  assert.deepStrictEqual(res.rows, [s.height - 2]);
  const rows = T.rows(s);
  assert.strictEqual(rows[s.height - 1], 'II.IIIIIII');
  assert.strictEqual(rows[s.height - 2], '.T..OO....');
  assert.strictEqual(rows[s.height - 3], '..........');
  assert.strictEqual(s.lines, 1);
  assert.strictEqual(s.score, 100 + 2 * (s.height - 3));
});

test('one, two, three and four lines score 100, 300, 500 and 800 times the level', () => {
  for (const [n, pts] of [[1, 100], [2, 300], [3, 500], [4, 800]]) {
    const s = game();
    const rows = [];
    for (let i = 0; i < n; i++) rows.push('XXXXXXXXX.');
    T.setRows(s, rows);
    put(s, 'I', 1, 7, s.height - 4); // vertical I in column 9 (box x 7 + 2)
    const before = s.score;
    const res = T.hardDrop(s);
    assert.strictEqual(res.lines, n, 'lines for ' + n);
    assert.strictEqual(res.points, pts);
    assert.strictEqual(s.score - before, pts);
  }
  const s = game({ level: 3 });
  T.setRows(s, ['XXXXXXXXX.', 'XXXXXXXXX.']);
  put(s, 'I', 1, 7, s.height - 4);
  assert.strictEqual(T.hardDrop(s).points, 300 * 3);
});

test('rows cleared apart from each other keep the rows between them in order', () => {
  const s = game();
  T.setRows(s, ['T.........', 'XXXXXXXXX.', 'XXXXXXXXX.', 'S.S.S.S...', 'XXXXXXXXX.', 'XXXXXXXXX.']);
  put(s, 'I', 1, 7, 0);
  // The vertical I drops into column 9 over the four bottom rows: three of them are full, one is not.
  const res = T.hardDrop(s);
  assert.strictEqual(res.lines, 3);
  assert.strictEqual(res.points, 500);
  const rows = T.rows(s);
  assert.strictEqual(rows[s.height - 1], 'S.S.S.S..I');
  assert.strictEqual(rows[s.height - 2], 'IIIIIIIII.');
  assert.strictEqual(rows[s.height - 3], 'T.........');
  assert.strictEqual(rows[s.height - 4], '..........');
});

test('soft drop scores one a row, hard drop two a row', () => {
  const s = game();
  put(s, 'O', 0, 4, 0);
  assert.ok(T.softDrop(s));
  assert.strictEqual(s.score, 1);
  const drop = T.ghostY(s) - s.piece.y;
  T.hardDrop(s);
  assert.strictEqual(s.score, 1 + 2 * drop);
});

test('ten lines raise the level and the gravity gets faster', () => {
  const s = game();
  s.lines = 9;
  T.setRows(s, ['XXXXXXXXX.']);
  put(s, 'I', 1, 7, 0);
  T.hardDrop(s);
  assert.strictEqual(s.lines, 10);
  assert.strictEqual(s.level, 2);
  assert.ok(T.gravityMs(2) < T.gravityMs(1));
  assert.ok(T.gravityMs(10) < T.gravityMs(2));
  assert.ok(T.gravityMs(1, 'fast') < T.gravityMs(1, 'normal'));
  assert.ok(T.gravityMs(1, 'slow') > T.gravityMs(1, 'normal'));
});

test('moves stop at the walls and at other blocks', () => {
  const s = game();
  put(s, 'O', 0, 0, 5);
  assert.strictEqual(T.move(s, -1), false);
  put(s, 'O', 0, 8, 5);
  assert.strictEqual(T.move(s, 1), false);
  T.setRows(s, ['......X...']);
  put(s, 'O', 0, 4, s.height - 2);
  assert.strictEqual(T.move(s, 1), false);
});

test('rotation kicks off a wall when there is room, and is blocked when there is none', () => {
  // A vertical I against the left wall rotates by kicking right.
  const s = game();
  put(s, 'I', 1, -2, 5); // cells in column 0
  assert.deepStrictEqual(T.cells(s.piece).map((c) => c[0]), [0, 0, 0, 0]);
  assert.ok(T.rotate(s, 1));
  for (const c of T.cells(s.piece)) assert.ok(c[0] >= 0 && c[0] < s.width);

  // A vertical I in a one-wide well with walls of blocks on both sides cannot turn at all.
  const b = game();
  const rows = [];
  for (let i = 0; i < 8; i++) rows.push('XXXX.XXXXX');
  T.setRows(b, rows);
  put(b, 'I', 1, 2, b.height - 4);
  const before = JSON.stringify(b.piece);
  assert.strictEqual(T.rotate(b, 1), false);
  assert.strictEqual(T.rotate(b, -1), false);
  assert.strictEqual(JSON.stringify(b.piece), before);

  // A T at the right wall pointing right turns back by kicking left.
  const c = game();
  put(c, 'T', 3, 8, 5); // pointing left, cells in columns 8-9
  assert.ok(T.rotate(c, 1));
  for (const p of T.cells(c.piece)) assert.ok(p[0] < c.width);
  // The O never changes.
  put(c, 'O', 0, 4, 5);
  assert.ok(T.rotate(c, 1));
  assert.strictEqual(c.piece.rot, 0);
});

test('gravity moves the piece down and the lock delay locks it on the ground', () => {
  const s = game();
  const y0 = s.piece.y;
  T.update(s, T.gravityMs(1) + 1);
  assert.strictEqual(s.piece.y, y0 + 1);
  put(s, 'O', 0, 4, s.height - 2);
  const count = s.pieces;
  T.update(s, T.LOCK_DELAY / 2);
  assert.strictEqual(s.pieces, count);
  T.update(s, T.LOCK_DELAY / 2 + 1);
  assert.strictEqual(s.pieces, count + 1);
  assert.strictEqual(T.rows(s)[s.height - 1].slice(4, 6), 'OO');
});

test('hold swaps once per piece', () => {
  const s = game();
  const first = s.piece.type, next = T.preview(s, 1)[0];
  assert.ok(T.hold(s));
  assert.strictEqual(s.hold, first);
  assert.strictEqual(s.piece.type, next);
  assert.strictEqual(T.hold(s), false);
  T.hardDrop(s);
  assert.ok(T.hold(s));
  assert.strictEqual(s.piece.type, first);
});

test('the game is over when a new piece cannot enter at the top', () => {
  const s = game();
  const rows = [];
  for (let i = 0; i < s.height; i++) rows.push(i % 2 ? 'XXXX.XXXXX' : 'XXXXX.XXXX');
  T.setRows(s, rows);
  assert.strictEqual(T.spawn(s), false);
  assert.strictEqual(s.over, true);
  assert.strictEqual(T.move(s, 1), false);
  assert.strictEqual(T.hardDrop(s), null);

  // Stacking pieces in the middle without clearing ends the game too.
  const t = game({ seed: 3 });
  let n = 0;
  while (!t.over && n < 200) { T.hardDrop(t); n++; }
  assert.ok(t.over);
  assert.ok(n < 60);
});
