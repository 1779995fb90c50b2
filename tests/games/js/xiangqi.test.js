'use strict';
// Xiangqi rules: perft counts from the start position, the flying-general rule, the cannon's single screen,
// horse and elephant blocking, the palace and the river, soldiers, checkmate, stalemate (a loss), perpetual check
// and repetition, Chinese notation, and the engine finding a mate.
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const X = require(path.join(__dirname, '..', '..', '..', 'templates', 'games', 'rules', 'xiangqi.js'));

const ucis = (fen) => X.moves(X.fromFEN(fen)).map(X.uci).sort();
const from = (fen, sq) => ucis(fen).filter((u) => u.startsWith(sq)).map((u) => u.slice(2)).sort();
function playAll(s, list) {
  list.forEach((u) => {
    const m = X.find(s, u);
    assert.ok(m, 'legal: ' + u + ' in ' + X.toFEN(s));
    X.play(s, m);
  });
  return s;
}

test('perft from the start position: 44, 1920, 79666, 3290240', () => {
  const s = X.create();
  [44, 1920, 79666, 3290240].forEach((n, i) => assert.strictEqual(X.perft(s, i + 1), n, 'depth ' + (i + 1)));
  assert.strictEqual(X.toFEN(s), X.START, 'make/unmake restores the position');
  assert.strictEqual(X.moves(s).length, 44);
});

test('the start position: pieces, characters, and a round trip through FEN', () => {
  const s = X.create();
  assert.deepStrictEqual(X.board(s), ['rnbakabnr', '.........', '.c.....c.', 'p.p.p.p.p', '.........',
    '.........', 'P.P.P.P.P', '.C.....C.', '.........', 'RNBAKABNR']);
  assert.strictEqual(X.piece(s, X.parseSq('e0')), 'rK');
  assert.strictEqual(X.piece(s, X.parseSq('h7')), 'bC');
  assert.strictEqual('rK rA rE rH rR rC rP'.split(' ').map(X.glyph).join(''), '帥仕相傌俥炮兵');
  assert.strictEqual('bK bA bE bH bR bC bP'.split(' ').map(X.glyph).join(''), '將士象馬車砲卒');
  assert.strictEqual(X.toFEN(X.fromFEN('rheakaehr/9/1c5c1/p1p1p1p1p/9/9/P1P1P1P1P/1C5C1/9/RHEAKAEHR w')), X.START);
  assert.throws(() => X.fromFEN('rnbakabnr/9/9 w'));
  assert.throws(() => X.fromFEN('9/9/9/9/9/9/9/9/9/4K4 w'), /general/);
  assert.throws(() => X.fromFEN('k8/9/9/9/9/9/9/9/9/4K4 w'), /palace/);
});

test('the flying-general rule: the generals may not face each other on an open file', () => {
  // a cannon standing alone between the generals may not leave their file
  const fen = '4k4/9/9/9/4C4/9/9/9/9/4K4 w';
  assert.deepStrictEqual(from(fen, 'e5'), ['e1', 'e2', 'e3', 'e4', 'e6', 'e7', 'e8']);
  assert.strictEqual(from('4k4/9/9/9/4C4/9/9/9/9/3K5 w', 'e5').length, 16, 'with the file shut it goes anywhere');
  assert.ok(X.attacked(X.fromFEN('9/4k4/9/9/9/9/9/9/9/4K4 w'), X.parseSq('e0'), 0), 'facing generals count as an attack');
  // a general may not step onto the other general's open file
  assert.deepStrictEqual(ucis('4k4/9/9/9/9/9/9/9/9/3K5 w'), ['d0d1']);
  assert.deepStrictEqual(ucis('4k4/9/9/9/9/9/9/9/9/3K5 b'), ['e9e8', 'e9f9']);
  // and the open file is a weapon: the chariot checks, and Red's general keeps Black's off the e-file
  assert.deepStrictEqual(X.result(X.fromFEN('3k5/9/3R5/9/9/9/9/9/9/4K4 b')), { over: 'checkmate', winner: 0 });
  assert.strictEqual(X.result(X.fromFEN('3k5/9/3R5/9/9/9/9/9/9/5K3 b')), null, 'with the e-file shut, e9 is free');
});

test('the cannon captures over exactly one screen', () => {
  // no screen: it moves up to the chariot but cannot take it
  assert.deepStrictEqual(from('5k3/9/9/9/r8/9/9/C8/9/4K4 w', 'a2').filter((t) => t[0] === 'a'), ['a0', 'a1', 'a3', 'a4']);
  // one screen: it takes the chariot, and cannot move past the screen without taking
  assert.deepStrictEqual(from('5k3/9/9/9/r8/9/P8/C8/9/4K4 w', 'a2').filter((t) => t[0] === 'a'), ['a0', 'a1', 'a5']);
  // two pieces in between: it takes the first one behind its screen, never the chariot
  assert.deepStrictEqual(from('5k3/9/9/9/r8/p8/P8/C8/9/4K4 w', 'a2').filter((t) => t[0] === 'a'), ['a0', 'a1', 'a4']);
  // it may not take its own piece behind the screen; a screen of either colour serves
  assert.deepStrictEqual(from('5k3/9/9/9/R8/p8/9/C8/9/4K4 w', 'a2').filter((t) => t[0] === 'a'), ['a0', 'a1', 'a3']);
  // a cannon's check needs its screen too
  assert.ok(!X.inCheck(X.fromFEN('4k4/9/9/9/9/9/9/9/4C4/3K5 b')), 'no screen, no check');
  assert.ok(X.inCheck(X.fromFEN('4k4/9/9/4p4/9/9/9/9/4C4/3K5 b')), 'one screen: check');
  assert.ok(!X.inCheck(X.fromFEN('4k4/4a4/9/4p4/9/9/9/9/4C4/3K5 b')), 'two screens: no check');
});

test('the horse is blocked at its leg', () => {
  assert.deepStrictEqual(from('3k5/9/9/9/9/9/9/9/9/1H2K4 w', 'b0'), ['a2', 'c2', 'd1']);
  assert.deepStrictEqual(from('3k5/9/9/9/9/9/9/9/1R7/1H2K4 w', 'b0'), ['d1'], 'b1 blocks a2 and c2');
  assert.deepStrictEqual(from('3k5/9/9/9/9/9/9/9/9/1Hp1K4 w', 'b0'), ['a2', 'c2'], 'c0 blocks d1');
  // in the middle of the board: eight points, and a piece ahead blocks the two beyond it
  assert.deepStrictEqual(from('3k5/9/9/9/4H4/9/9/9/9/5K3 w', 'e5'), ['c4', 'c6', 'd3', 'd7', 'f3', 'f7', 'g4', 'g6']);
  assert.deepStrictEqual(from('3k5/9/9/4p4/4H4/9/9/9/9/5K3 w', 'e5'), ['c4', 'c6', 'd3', 'f3', 'g4', 'g6']);
  // a blocked horse gives no check
  assert.ok(X.inCheck(X.fromFEN('4k4/9/3H5/9/9/9/9/9/9/3K5 b')));
  assert.ok(!X.inCheck(X.fromFEN('4k4/3p5/3H5/9/9/9/9/9/9/3K5 b')), 'd8 is the leg of the horse on d7');
});

test('the elephant: blocked at its eye, and never across the river', () => {
  assert.deepStrictEqual(from('3k5/9/9/9/9/2B6/9/9/9/4K4 w', 'c4'), ['a2', 'e2'], 'a6 and e6 are over the river');
  assert.deepStrictEqual(from('3k5/9/9/9/9/9/9/9/3A5/2B1K4 w', 'c0'), ['a2'], 'd1 is the eye on the way to e2');
  assert.deepStrictEqual(from('2b1k4/9/9/9/9/9/9/9/9/3K5 b', 'c9'), ['a7', 'e7']);
});

test('the palace holds the general and the advisors', () => {
  assert.deepStrictEqual(from('3k5/9/9/9/9/9/9/9/9/3AK4 w', 'd0'), ['e1']);
  assert.deepStrictEqual(from('3k5/9/9/9/9/9/9/9/4A4/5K3 w', 'e1'), ['d0', 'd2', 'f2'], 'f0 holds its general');
  assert.deepStrictEqual(from('3k5/9/9/9/9/9/9/9/9/5K3 w', 'f0'), ['e0', 'f1']);
  assert.deepStrictEqual(from('9/9/3k5/9/9/9/9/9/9/5K3 b', 'd7'), ['d8', 'e7']);
});

test('soldiers: forward only, sideways after the river, never back', () => {
  assert.deepStrictEqual(from('3k5/9/9/9/9/9/4P4/9/9/5K3 w', 'e3'), ['e4']);
  assert.deepStrictEqual(from('3k5/9/9/9/4P4/9/9/9/9/5K3 w', 'e5'), ['d5', 'e6', 'f5']);
  assert.deepStrictEqual(from('3k5/4P4/9/9/9/9/9/9/9/5K3 w', 'e8'), ['d8', 'e9', 'f8']);
  assert.deepStrictEqual(from('P2k5/9/9/9/9/9/9/9/9/5K3 w', 'a9'), ['b9']);
  assert.deepStrictEqual(from('3k5/9/9/9/4p4/9/9/9/9/5K3 b', 'e5'), ['e4']);
  assert.deepStrictEqual(from('3k5/9/9/9/9/4p4/9/9/9/5K3 b', 'e4'), ['d4', 'e3', 'f4']);
  assert.ok(X.inCheck(X.fromFEN('3k5/3P5/9/9/9/9/9/9/9/5K3 b')), 'a soldier checks from the front');
  assert.ok(X.inCheck(X.fromFEN('3kP4/9/9/9/9/9/9/9/9/5K3 b')), 'and from the side');
  assert.ok(!X.inCheck(X.fromFEN('3P5/3k5/9/9/9/9/9/9/9/5K3 b')), 'but never from behind');
});

test('checkmate and stalemate both lose for the side to move', () => {
  const mate = X.fromFEN('R3k4/R8/9/9/9/9/9/9/9/3K5 b');
  assert.ok(X.inCheck(mate) && X.moves(mate).length === 0);
  assert.deepStrictEqual(X.result(mate), { over: 'checkmate', winner: 0 });
  const stale = X.fromFEN('4k4/R8/9/9/9/9/9/9/5R3/3K5 b');
  assert.ok(!X.inCheck(stale) && X.moves(stale).length === 0);
  assert.deepStrictEqual(X.result(stale), { over: 'stalemate', winner: 0 });
  assert.strictEqual(X.result(X.create()), null);
  // a mate played on the board: the second chariot closes the back rank
  const s = X.fromFEN('4k4/R8/1R7/9/9/9/9/9/9/3K5 w');
  playAll(s, ['a8a9']);
  assert.ok(X.inCheck(s) && X.result(s) === null, 'after Ra9+ the general steps down to e8');
  X.undo(s);
  playAll(s, ['b7b9']);
  assert.deepStrictEqual(X.result(s), { over: 'checkmate', winner: 0 });
});

test('the double cannon mate (重炮) is recognised', () => {
  // Red's cannons on the e-file, the back one screened by the front one; the general boxed in by its advisors
  const t = X.fromFEN('3akab2/9/9/9/9/9/9/4C4/4C4/3K5 b');
  assert.ok(X.inCheck(t), 'the front cannon screens for the back one');
  assert.deepStrictEqual(X.result(t), { over: 'checkmate', winner: 0 });
});

test('perpetual check loses; other repetitions are draws', () => {
  const s = X.fromFEN('9/4k4/9/9/9/9/9/9/3R5/5K3 w - - 0 1');
  playAll(s, ['d1e1', 'e8d8', 'e1d1', 'd8e8', 'd1e1', 'e8d8', 'e1d1']);
  assert.strictEqual(X.result(s), null);
  playAll(s, ['d8e8']);
  assert.deepStrictEqual(X.result(s), { over: 'perpetual', winner: 1 }, 'Red checked with every move');
  const d = X.fromFEN('9/4k4/9/9/9/9/9/9/R8/5K3 w - - 0 1');
  playAll(d, ['f0f1', 'e8e9', 'f1f0', 'e9e8', 'f0f1', 'e8e9', 'f1f0', 'e9e8']);
  assert.deepStrictEqual(X.result(d), { over: 'repetition', winner: -1 });
  assert.ok(X.undo(d) && X.result(d) === null, 'undo takes the repetition back');
  // sixty moves each without a capture, and no attacking pieces on either side, are draws too
  assert.strictEqual(X.result(X.fromFEN('9/4k4/9/9/9/9/9/9/R8/5K3 w - - 120 80')).over, 'nocapture');
  assert.strictEqual(X.result(X.fromFEN('3aka3/9/9/9/9/9/9/9/4A4/3AK4 w')).over, 'material');
});

test('Chinese notation: 炮二平五, 馬８進７, front and back pieces', () => {
  const s = X.create();
  assert.strictEqual(X.notation(s, X.find(s, 'h2e2'), 'zh-Hans'), '炮二平五');
  assert.strictEqual(X.notation(s, X.find(s, 'b0c2'), 'zh-Hant'), '傌八進七');
  assert.strictEqual(X.notation(s, X.find(s, 'h2e2'), 'en'), '炮 h2–e2');
  X.play(s, X.find(s, 'h2e2'));
  assert.strictEqual(X.notation(s, X.find(s, 'h9g7'), 'zh-Hant'), '馬８進７');
  assert.strictEqual(X.notation(s, X.find(s, 'a9a8'), 'zh-Hans'), '車１进１');
  X.play(s, X.find(s, 'h9g7'));
  assert.strictEqual(X.notation(s, X.find(s, 'e2e6'), 'zh-Hans'), '炮五进四');
  assert.strictEqual(X.notation(s, X.find(s, 'e2e6'), 'en'), '炮 e2×e6');
  const t = X.fromFEN('5k3/9/9/9/4R4/9/9/9/4R4/3K5 w');
  assert.strictEqual(X.notation(t, X.find(t, 'e5e8'), 'zh-Hans'), '前俥进三');
  assert.strictEqual(X.notation(t, X.find(t, 'e1a1'), 'zh-Hant'), '後俥平九');
  assert.strictEqual(X.notation(t, X.find(t, 'e1e0'), 'zh-Hant'), '後俥退一');
});

test('the engine takes a mate in one and a free chariot, quickly', () => {
  const s = X.fromFEN('4k4/R8/1R7/9/9/9/9/9/9/3K5 w');
  const m = X.bestMove(s, { depth: 3, nodes: 25000 });
  X.play(s, m);
  assert.deepStrictEqual(X.result(s), { over: 'checkmate', winner: 0 }, X.uci(m));
  // a stalemate wins as well as a mate does, and the engine knows it
  const st = X.fromFEN('4k4/R8/R8/9/9/9/9/9/9/3K5 w');
  const sm = X.bestMove(st, { depth: 3, nodes: 25000 });
  X.play(st, sm);
  assert.strictEqual(X.result(st).winner, 0, X.uci(sm));
  const t = X.fromFEN('5k3/9/9/9/9/r8/9/9/9/R3K4 w');
  assert.strictEqual(X.uci(X.bestMove(t, { depth: 2 })), 'a0a4');
  // the black side mates too
  const b = X.fromFEN('3k5/9/9/9/9/9/9/r8/r8/5K3 b');
  const bm = X.bestMove(b, { depth: 3 });
  X.play(b, bm);
  assert.strictEqual(X.result(b) && X.result(b).winner, 1, X.uci(bm));
  const start = X.create(), t0 = Date.now();
  const first = X.bestMove(start, { depth: 4, nodes: 90000 });
  assert.ok(first && Date.now() - t0 < 3000, 'the hard level answers in time');
  assert.ok(X.moves(start).includes(first));
  // noise makes the easy level vary but it still plays legal moves
  let seed = 1;
  const rng = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (let i = 0; i < 5; i++) assert.ok(X.moves(start).includes(X.bestMove(start, { depth: 1, noise: 120, rng, nodes: 3000 })));
});
