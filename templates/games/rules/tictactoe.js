// Tic-tac-toe: players 'X' and 'O' take turns on a 3x3 board (cells 0..8 in reading order, '' when empty);
// three in a row, column or diagonal wins; a full board without one is a draw.
// The computer: 'hard' plays perfectly (minimax; it never loses), 'normal' wins or blocks when it can and
// otherwise plays the best move two times in three, 'easy' takes a win it sees and otherwise plays at random.
// No DOM access; the page and node tests share it.
var TicTacToeRules = (function () {
  'use strict';
  var LINES = [[0, 1, 2], [3, 4, 5], [6, 7, 8], [0, 3, 6], [1, 4, 7], [2, 5, 8], [0, 4, 8], [2, 4, 6]];
  var memo = {};

  function create() { return ['', '', '', '', '', '', '', '', '']; }
  function other(p) { return p === 'X' ? 'O' : 'X'; }
  function moves(board) {
    var out = [];
    for (var i = 0; i < 9; i++) if (!board[i]) out.push(i);
    return out;
  }
  // {winner: 'X' | 'O', line: [a, b, c]}, {winner: 'draw'} or null while the game goes on
  function result(board) {
    for (var i = 0; i < LINES.length; i++) {
      var l = LINES[i];
      if (board[l[0]] && board[l[0]] === board[l[1]] && board[l[0]] === board[l[2]]) return { winner: board[l[0]], line: l.slice() };
    }
    return moves(board).length ? null : { winner: 'draw' };
  }
  function play(board, cell, player) {
    if (cell < 0 || cell > 8 || board[cell] || result(board)) return null;
    var next = board.slice();
    next[cell] = player;
    return next;
  }
  // the value of the position for `player` to move: +1 a forced win, 0 a draw, -1 a forced loss
  function value(board, player) {
    var key = board.join(',') + player;
    if (key in memo) return memo[key];
    var r = result(board), v;
    if (r) v = r.winner === 'draw' ? 0 : r.winner === player ? 1 : -1;
    else {
      v = -2;
      var ms = moves(board);
      for (var i = 0; i < ms.length && v < 1; i++) v = Math.max(v, 0 - value(play(board, ms[i], player), other(player)));
    }
    memo[key] = v;
    return v;
  }
  // every move of the best value for `player`, faster wins first among equal values
  function bestMoves(board, player) {
    var ms = moves(board), best = -2, out = [];
    for (var i = 0; i < ms.length; i++) {
      var next = play(board, ms[i], player), r = result(next);
      var v = r && r.winner === player ? 2 : 0 - value(next, other(player));
      if (v > best) { best = v; out = [ms[i]]; } else if (v === best) out.push(ms[i]);
    }
    return out;
  }
  function winningMove(board, player) {
    var ms = moves(board);
    for (var i = 0; i < ms.length; i++) {
      var r = result(play(board, ms[i], player));
      if (r && r.winner === player) return ms[i];
    }
    return -1;
  }
  // the computer's move for `player`; rng() gives floats in [0, 1)
  function choose(board, player, difficulty, rng) {
    var ms = moves(board);
    if (!ms.length || result(board)) return -1;
    rng = rng || function () { return 0; };
    var pick = function (list) { return list[Math.floor(rng() * list.length) % list.length]; };
    var win = winningMove(board, player);
    if (difficulty === 'easy') return win >= 0 ? win : pick(ms);
    if (difficulty === 'normal') {
      if (win >= 0) return win;
      var block = winningMove(board, other(player));
      if (block >= 0) return block;
      return rng() < 0.67 ? pick(bestMoves(board, player)) : pick(ms);
    }
    return pick(bestMoves(board, player));
  }
  return { LINES: LINES, create: create, other: other, moves: moves, result: result, play: play, value: value,
    bestMoves: bestMoves, winningMove: winningMove, choose: choose };
})();
if (typeof module !== 'undefined') module.exports = TicTacToeRules;
