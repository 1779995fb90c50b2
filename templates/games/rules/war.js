// War, the classic card game. A shuffled 52-card deck is dealt 26/26. Each battle both players turn up their top
// card; the higher rank (2 low ... A high, suits do not count) takes both cards to the bottom of its pile
// (the winner's cards first, in the order played). A tie is a war: each puts 3 cards face down and 1 face up, the
// higher face-up card takes everything; a tie again repeats the war. A player short of cards for a war plays what
// it has (its last card face up); a player with no card left to turn up loses the war. The game ends when one
// side holds every card, or after the round limit, when the larger pile wins (equal piles: a draw).
// No DOM access; `rng` is a function returning [0, 1).
var WarRules = (function () {
  'use strict';
  var SUITS = ['♠', '♥', '♦', '♣'];
  var RANKS = ['', '', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'J', 'Q', 'K', 'A'];

  function label(c) { return RANKS[c.r] + SUITS[c.s]; }
  function isRed(c) { return c.s === 1 || c.s === 2; }

  function shuffle(list, rng) {
    var a = list.slice();
    for (var i = a.length - 1; i > 0; i--) {
      var j = Math.floor(rng() * (i + 1));
      if (j > i) j = i;
      var t = a[i]; a[i] = a[j]; a[j] = t;
    }
    return a;
  }

  function deck() {
    var cards = [];
    for (var s = 0; s < 4; s++) for (var r = 2; r <= 14; r++) cards.push({ r: r, s: s });
    return cards;
  }

  // piles[0] is player 1 (you), piles[1] the computer or player 2; index 0 of a pile is its top.
  function createGame(opts) {
    var o = opts || {};
    var rng = o.rng || function () { return 0.5; };
    var rounds = Math.max(1, Math.min(5000, Math.round(o.rounds || 100)));
    var cards = shuffle(deck(), rng);
    var g = { piles: [[], []], round: 0, rounds: rounds, wars: 0, over: false, winner: null, last: null };
    for (var i = 0; i < cards.length; i++) g.piles[i % 2].push(cards[i]);
    return g;
  }

  // Plays one battle (with its wars). Returns {up: [[p1 up cards], [p2 up cards]], down: [[...],[...]], winner, wars}.
  function playRound(g) {
    if (g.over) return null;
    var p = g.piles;
    var table = [[], []], ups = [[], []], downs = [[], []], wars = 0, winner = null;
    if (!p[0].length || !p[1].length) { end(g); return null; }
    for (;;) {
      var a = p[0].shift(), b = p[1].shift();
      table[0].push(a); table[1].push(b); ups[0].push(a); ups[1].push(b);
      if (a.r !== b.r) { winner = a.r > b.r ? 0 : 1; break; }
      // war: up to 3 face down, keeping one card to turn up
      wars++;
      if (!p[0].length || !p[1].length) {
        // a side with nothing left to turn up loses this war (both empty: the cards go back, a draw of the battle)
        if (!p[0].length && !p[1].length) { winner = -1; break; }
        winner = p[0].length ? 0 : 1; break;
      }
      for (var side = 0; side < 2; side++) {
        var n = Math.min(3, p[side].length - 1);
        for (var k = 0; k < n; k++) { var d = p[side].shift(); table[side].push(d); downs[side].push(d); }
      }
    }
    if (winner === -1) {
      // both ran out in the same war: each takes back its own cards
      p[0].push.apply(p[0], table[0]); p[1].push.apply(p[1], table[1]);
    } else {
      p[winner].push.apply(p[winner], table[winner]);
      p[winner].push.apply(p[winner], table[1 - winner]);
    }
    g.round++;
    g.wars += wars;
    g.last = { up: ups, down: downs, winner: winner, wars: wars, round: g.round };
    if (!p[0].length || !p[1].length || g.round >= g.rounds) end(g);
    return g.last;
  }

  function end(g) {
    g.over = true;
    var a = g.piles[0].length, b = g.piles[1].length;
    g.winner = a > b ? 0 : b > a ? 1 : -1;
  }

  return { SUITS: SUITS, RANKS: RANKS, label: label, isRed: isRed, shuffle: shuffle, deck: deck, createGame: createGame, playRound: playRound };
})();
if (typeof module !== 'undefined') module.exports = WarRules;
