'use strict';
// Chess rules: perft counts (start position, kiwipete and three more standard positions), checkmate,
// stalemate, the draws, special moves and the engine finding a mate.
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const C = require(path.join(__dirname, '..', '..', '..', 'templates', 'games', 'rules', 'chess.js'));

const KIWIPETE = 'r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1';

function perfts(fen, counts) {
  const s = C.fromFEN(fen);
  counts.forEach((n, i) => assert.strictEqual(C.perft(s, i + 1), n, fen + ' depth ' + (i + 1)));
  assert.strictEqual(C.toFEN(s), C.fromFEN(fen) && C.toFEN(C.fromFEN(fen)), 'make/unmake restores the position');
}
function playAll(s, list) {
  list.forEach((u) => {
    const m = C.find(s, u);
    assert.ok(m, 'legal: ' + u + ' in ' + C.toFEN(s));
    C.play(s, m);
  });
  return s;
}

test('perft from the start position: 20, 400, 8902, 197281', () => {
  perfts(C.START, [20, 400, 8902, 197281]);
});
test('perft kiwipete: 48, 2039, 97862', () => {
  perfts(KIWIPETE, [48, 2039, 97862]);
});
test('perft of three more positions (en passant pins, promotions, castling rights)', () => {
  perfts('8/2p5/3p4/KP5r/1R3p1k/8/4P1P1/8 w - - 0 1', [14, 191, 2812, 43238]);
  perfts('r3k2r/Pppp1ppp/1b3nbN/nP6/BBP1P3/q4N2/Pp1P2PP/R2Q1RK1 w kq - 0 1', [6, 264, 9467]);
  perfts('rnbq1k1r/pp1Pbppp/2p5/8/2B5/8/PPP1NnPP/RNBQK2R w KQ - 1 8', [44, 1486, 62379]);
});
test("fool's mate is checkmate, black wins", () => {
  const s = playAll(C.create(), ['f2f3', 'e7e5', 'g2g4', 'd8h4']);
  assert.ok(C.inCheck(s));
  assert.strictEqual(C.moves(s).length, 0);
  assert.deepStrictEqual(C.result(s), { over: 'checkmate', winner: 1 });
});
test('a stalemate is recognised as a draw', () => {
  const s = C.fromFEN('7k/5Q2/6K1/8/8/8/8/8 b - - 0 1');
  assert.ok(!C.inCheck(s));
  assert.deepStrictEqual(C.result(s), { over: 'stalemate', winner: -1 });
  const t = C.fromFEN('k7/8/1Q6/8/8/8/8/7K w - - 0 1');
  assert.strictEqual(C.result(t), null);
  C.play(t, C.find(t, 'h1g2'));
  assert.deepStrictEqual(C.result(t), { over: 'stalemate', winner: -1 }, 'Kg2?? leaves the a8 king no move');
});
test('insufficient material, the fifty-move rule and threefold repetition are draws', () => {
  assert.strictEqual(C.result(C.fromFEN('8/8/4k3/8/8/3NK3/8/8 w - - 0 1')).over, 'insufficient');
  assert.strictEqual(C.result(C.fromFEN('8/8/4k3/8/8/3BK3/8/8 w - - 0 1')).over, 'insufficient');
  assert.strictEqual(C.result(C.fromFEN('8/8/4k3/8/8/2B1K3/8/8 w - - 0 1')).over, 'insufficient', 'K+B vs K');
  assert.strictEqual(C.result(C.fromFEN('8/8/3bk3/8/8/2B1K3/8/8 w - - 0 1')).over, 'insufficient', 'same-coloured bishops');
  assert.strictEqual(C.result(C.fromFEN('8/8/2b1k3/8/8/2B1K3/8/8 w - - 0 1')), null, 'opposite-coloured bishops can mate');
  assert.strictEqual(C.result(C.fromFEN('8/8/4k3/8/8/2NNK3/8/8 w - - 0 1')), null);
  assert.strictEqual(C.result(C.fromFEN('8/8/4k3/8/8/4K3/4P3/8 w - - 0 1')), null);
  assert.strictEqual(C.result(C.fromFEN('8/8/4k3/8/8/4K3/4R3/8 w - - 100 80')).over, 'fifty');
  const s = playAll(C.create(), ['g1f3', 'g8f6', 'f3g1', 'f6g8', 'g1f3', 'g8f6', 'f3g1']);
  assert.strictEqual(C.result(s), null);
  playAll(s, ['f6g8']);
  assert.strictEqual(C.result(s).over, 'repetition');
});
test('castling: both sides, never out of, through or into check', () => {
  const s = C.fromFEN('r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 0 1');
  const u = C.moves(s).map(C.uci);
  assert.ok(u.includes('e1g1') && u.includes('e1c1'));
  C.play(s, C.find(s, 'e1c1'));
  assert.strictEqual(C.toFEN(s).split(' ')[0], 'r3k2r/8/8/8/8/8/8/2KR3R');
  assert.strictEqual(C.toFEN(s).split(' ')[2], 'kq');
  C.play(s, C.find(s, 'e8g8'));
  assert.strictEqual(C.toFEN(s).split(' ')[0], 'r4rk1/8/8/8/8/8/8/2KR3R');
  const through = C.moves(C.fromFEN('r3k2r/8/8/8/8/8/5r2/R3K2R w KQkq - 0 1')).map(C.uci);
  assert.ok(!through.includes('e1g1') && through.includes('e1c1'), 'f1 attacked: no king side');
  const into = C.moves(C.fromFEN('r3k2r/8/8/8/8/8/2r5/R3K2R w KQkq - 0 1')).map(C.uci);
  assert.ok(!into.includes('e1c1') && into.includes('e1g1'), 'c1 attacked: no queen side');
  const b1 = C.moves(C.fromFEN('r3k2r/8/8/8/8/8/1r6/R3K2R w KQkq - 0 1')).map(C.uci);
  assert.ok(b1.includes('e1c1'), 'b1 attacked does not stop queen-side castling');
  const out = C.moves(C.fromFEN('r3k2r/8/8/8/8/8/4r3/R3K2R w KQkq - 0 1')).map(C.uci);
  assert.ok(!out.includes('e1c1') && !out.includes('e1g1'), 'no castling out of check');
  const moved = playAll(C.fromFEN('r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 0 1'), ['h1h2', 'a8a7', 'h2h1', 'a7a8']);
  assert.strictEqual(C.toFEN(moved).split(' ')[2], 'Qk');
});
test('en passant and promotion with a choice of piece', () => {
  const s = playAll(C.create(), ['e2e4', 'a7a6', 'e4e5', 'd7d5']);
  const ep = C.find(s, 'e5d6');
  assert.ok(ep && C.isEnPassant(ep));
  C.play(s, ep);
  assert.strictEqual(C.piece(s, C.parseSq('d5')), '');
  assert.strictEqual(C.piece(s, C.parseSq('d6')), 'wP');
  C.undo(s);
  assert.strictEqual(C.piece(s, C.parseSq('d5')), 'bP');
  const p = C.fromFEN('8/4P3/8/8/8/k7/8/K7 w - - 0 1');
  const promos = C.moves(p).filter((m) => C.from(m) === C.parseSq('e7')).map(C.uci).sort();
  assert.deepStrictEqual(promos, ['e7e8b', 'e7e8n', 'e7e8q', 'e7e8r']);
  C.play(p, C.find(p, 'e7e8n'));
  assert.strictEqual(C.piece(p, C.parseSq('e8')), 'wN');
  assert.strictEqual(C.san(C.fromFEN('8/4P3/8/8/8/k7/8/K7 w - - 0 1'), C.find(C.fromFEN('8/4P3/8/8/8/k7/8/K7 w - - 0 1'), 'e7e8q')), 'e8=Q');
});
test('the engine takes a hanging queen and finds mate in one and in two', () => {
  const hang = C.fromFEN('rnb1kbnr/pppp1ppp/8/4p1q1/4P3/5N2/PPPP1PPP/RNBQKB1R w KQkq - 0 1');
  assert.strictEqual(C.uci(C.bestMove(hang, { depth: 2 })), 'f3g5');
  const m1 = C.fromFEN('6k1/5ppp/8/8/8/8/5PPP/R5K1 w - - 0 1');
  assert.strictEqual(C.uci(C.bestMove(m1, { depth: 1 })), 'a1a8');
  const m2 = C.fromFEN('r1bqkb1r/pppp1ppp/2n2n2/4p2Q/2B1P3/8/PPPP1PPP/RNB1K1NR w KQkq - 0 1');
  assert.strictEqual(C.uci(C.bestMove(m2, { depth: 3 })), 'h5f7');
  const t0 = Date.now();
  C.bestMove(C.create(), { depth: 4, nodes: 60000 });
  assert.ok(Date.now() - t0 < 5000);
});
