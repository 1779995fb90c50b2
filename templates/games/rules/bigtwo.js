// Big Two (锄大地 / 大老二), four players, 13 cards each. The rule set, kept simple and fair:
// - Ranks, low to high: 3 4 5 6 7 8 9 10 J Q K A 2. Suits, low to high: ♦ ♣ ♥ ♠. A card's order is rank, then suit.
// - Plays: a single, a pair, a triple (three of a rank), or a five-card hand. Five-card hands, low to high:
//   straight (five ranks in a row from 3-4-5-6-7 up to 10-J-Q-K-A; a 2 cannot be in a straight, no wrapping),
//   flush (five of a suit), full house (a triple and a pair), four of a kind plus any card, straight flush.
// - A play must have as many cards as the one it follows and beat it: singles by card order, pairs by their
//   higher card, triples by rank; five-card hands by kind first, then straights and straight flushes by their top
//   card, flushes by their ranks from the top (then the suit), full houses by the triple, four of a kind by the four.
// - The holder of ♦3 starts and the first play must include it. Any player may pass (and play again later in the
//   same round); when the other three all pass, the round ends and the last player to play starts a new one with
//   anything. The first to empty their hand wins.
// No DOM access; `rng` is a function returning [0, 1).
var BigTwoRules = (function () {
  'use strict';
  var RANKS = ['3', '4', '5', '6', '7', '8', '9', '10', 'J', 'Q', 'K', 'A', '2'];
  var SUITS = ['♦', '♣', '♥', '♠'];
  var KINDS = { straight: 1, flush: 2, fullhouse: 3, four: 4, straightflush: 5 };
  var SEATS = 4;

  function card(r, s) { return { r: r, s: s, id: r * 4 + s }; }
  function fromId(id) { return card(Math.floor(id / 4), id % 4); }
  function label(c) { return RANKS[c.r] + SUITS[c.s]; }
  function isRed(c) { return c.s === 0 || c.s === 2; }
  function sortCards(cards) { return cards.slice().sort(function (a, b) { return a.id - b.id; }); }

  function shuffle(list, rng) {
    var a = list.slice();
    for (var i = a.length - 1; i > 0; i--) {
      var j = Math.floor(rng() * (i + 1));
      if (j > i) j = i;
      var t = a[i]; a[i] = a[j]; a[j] = t;
    }
    return a;
  }

  function deck() { var d = []; for (var id = 0; id < 52; id++) d.push(fromId(id)); return d; }

  // {type, size, kind (five-card only), key} or null when the cards are no valid play.
  function classify(cards) {
    if (!cards || !cards.length) return null;
    var cs = sortCards(cards), n = cs.length, i;
    for (i = 1; i < n; i++) if (cs[i].id === cs[i - 1].id) return null;
    var top = cs[n - 1];
    var sameRank = cs.every(function (c) { return c.r === cs[0].r; });
    if (n === 1) return { type: 'single', size: 1, key: top.id };
    if (n === 2) return sameRank ? { type: 'pair', size: 2, key: top.id } : null;
    if (n === 3) return sameRank ? { type: 'triple', size: 3, key: top.r } : null;
    if (n !== 5) return null;
    var counts = {}, ranks = [];
    cs.forEach(function (c) { counts[c.r] = (counts[c.r] || 0) + 1; });
    Object.keys(counts).forEach(function (r) { ranks.push({ r: Number(r), n: counts[r] }); });
    ranks.sort(function (a, b) { return b.n - a.n || b.r - a.r; });
    var flush = cs.every(function (c) { return c.s === cs[0].s; });
    var straight = ranks.length === 5 && top.r - cs[0].r === 4 && top.r <= 11; // no 2 (rank 12) in a straight
    if (straight && flush) return five('straightflush', top.id);
    if (ranks[0].n === 4) return five('four', ranks[0].r);
    if (ranks[0].n === 3 && ranks[1].n === 2) return five('fullhouse', ranks[0].r);
    if (flush) {
      var k = 0;
      for (i = n - 1; i >= 0; i--) k = k * 13 + cs[i].r;
      return five('flush', k * 4 + top.s);
    }
    if (straight) return five('straight', top.id);
    return null;
  }
  function five(kind, key) { return { type: kind, size: 5, kind: KINDS[kind], key: key }; }

  // Does combo a beat combo b (b null: anything valid leads)?
  function beats(a, b) {
    if (!a) return false;
    if (!b) return true;
    if (a.size !== b.size) return false;
    if (a.size === 5 && a.kind !== b.kind) return a.kind > b.kind;
    return a.key > b.key;
  }

  function hasCard(hand, id) { return hand.some(function (c) { return c.id === id; }); }

  function createGame(opts) {
    var o = opts || {};
    var rng = o.rng || function () { return 0.5; };
    var d = shuffle(deck(), rng);
    var g = { hands: [[], [], [], []], turn: 0, lead: null, passes: 0, first: true, winner: null, plays: 0, history: [] };
    for (var i = 0; i < 52; i++) g.hands[i % SEATS].push(d[i]);
    for (var s = 0; s < SEATS; s++) {
      g.hands[s] = sortCards(g.hands[s]);
      if (hasCard(g.hands[s], 0)) g.turn = s;
    }
    return g;
  }

  // Why `cards` cannot be played by `seat` now ('' when they can).
  function problem(g, seat, cards) {
    if (g.winner !== null) return 'over';
    if (seat !== g.turn) return 'turn';
    var hand = g.hands[seat];
    if (!cards || !cards.length) return 'empty';
    for (var i = 0; i < cards.length; i++) if (!hasCard(hand, cards[i].id)) return 'not_in_hand';
    var c = classify(cards);
    if (!c) return 'invalid';
    if (g.first && !cards.some(function (x) { return x.id === 0; })) return 'need_d3';
    if (g.lead && c.size !== g.lead.combo.size) return 'size';
    if (!beats(c, g.lead && g.lead.combo)) return 'low';
    return '';
  }
  function canPlay(g, seat, cards) { return problem(g, seat, cards) === ''; }
  function canPass(g, seat) { return g.winner === null && seat === g.turn && g.lead !== null; }

  function play(g, seat, cards) {
    if (!canPlay(g, seat, cards)) return false;
    var ids = cards.map(function (c) { return c.id; });
    g.hands[seat] = g.hands[seat].filter(function (c) { return ids.indexOf(c.id) < 0; });
    var combo = classify(cards);
    g.lead = { combo: combo, cards: sortCards(cards), by: seat };
    g.passes = 0; g.first = false; g.plays++;
    g.history.push({ seat: seat, cards: sortCards(cards), type: combo.type });
    if (!g.hands[seat].length) { g.winner = seat; return true; }
    g.turn = (seat + 1) % SEATS;
    return true;
  }

  // Returns 'pass', or 'newround' when this pass ended the round (the last player to play leads next).
  function pass(g, seat) {
    if (!canPass(g, seat)) return false;
    g.passes++;
    g.history.push({ seat: seat, cards: [], type: 'pass' });
    g.turn = (seat + 1) % SEATS;
    if (g.passes >= SEATS - 1) { g.turn = g.lead.by; g.lead = null; g.passes = 0; return 'newround'; }
    return 'pass';
  }

  function combos(list, k, from, acc, out) {
    if (acc.length === k) { out.push(acc.slice()); return; }
    for (var i = from; i <= list.length - (k - acc.length); i++) { acc.push(list[i]); combos(list, k, i + 1, acc, out); acc.pop(); }
  }

  // Every valid play from `hand` (sizes limited to `size` when given), each {cards, combo}.
  function allPlays(hand, size) {
    var out = [], groups = {}, cs = sortCards(hand);
    cs.forEach(function (c) { (groups[c.r] = groups[c.r] || []).push(c); });
    function add(cards) { var c = classify(cards); if (c) out.push({ cards: cards, combo: c }); }
    if (!size || size === 1) cs.forEach(function (c) { add([c]); });
    Object.keys(groups).forEach(function (r) {
      var g = groups[r], sets = [];
      if (!size || size === 2) { sets = []; combos(g, 2, 0, [], sets); sets.forEach(add); }
      if (!size || size === 3) { sets = []; combos(g, 3, 0, [], sets); sets.forEach(add); }
    });
    if ((!size || size === 5) && cs.length >= 5) { var fives = []; combos(cs, 5, 0, [], fives); fives.forEach(add); }
    return out;
  }

  function legalPlays(g, seat) {
    if (g.winner !== null || seat !== g.turn) return [];
    return allPlays(g.hands[seat], g.lead ? g.lead.combo.size : 0).filter(function (p) { return canPlay(g, seat, p.cards); });
  }

  function order(a, b) {
    // weaker first: by size-class (five-card kind), then key
    if (a.combo.size === 5 && b.combo.size === 5 && a.combo.kind !== b.combo.kind) return a.combo.kind - b.combo.kind;
    return a.combo.key - b.combo.key;
  }

  // A simple, sensible computer player. Leads with its lowest card, shedding it in the largest set that holds it;
  // follows with the weakest play that beats the table, keeping pairs whole when it can; holds back its 2s
  // while the hands are long; plays its strongest single when an opponent is down to one card. 'easy': always the
  // weakest legal play.
  function aiMove(g, seat, level) {
    var plays = legalPlays(g, seat);
    if (!plays.length) return { pass: true };
    plays.sort(order);
    if (level === 'easy') return { cards: plays[0].cards };
    var hand = g.hands[seat];
    var counts = {};
    hand.forEach(function (c) { counts[c.r] = (counts[c.r] || 0) + 1; });
    var danger = false;
    for (var s = 0; s < SEATS; s++) if (s !== seat && g.hands[s].length === 1) danger = true;
    if (!g.lead) {
      var low = sortCards(hand)[0];
      var withLow = plays.filter(function (p) { return p.cards.some(function (c) { return c.id === low.id; }); });
      // shed the lowest card in the largest play that holds it (five > three > two > one), weakest first
      withLow.sort(function (a, b) { return b.combo.size - a.combo.size || order(a, b); });
      if (danger && withLow[0].combo.size === 1) {
        var multi = plays.filter(function (p) { return p.combo.size > 1; });
        return { cards: multi.length ? multi[0].cards : plays[plays.length - 1].cards };
      }
      return { cards: withLow[0].cards };
    }
    var size = g.lead.combo.size;
    if (danger && size === 1) return { cards: plays[plays.length - 1].cards };
    var keep = plays.filter(function (p) {
      if (size === 1) return counts[p.cards[0].r] === 1;
      if (size === 2) return counts[p.cards[0].r] === 2;
      return true;
    });
    var choice = (keep.length ? keep : plays)[0];
    // hold back the 2s while every hand is still long
    var minLeft = Math.min.apply(null, g.hands.map(function (h) { return h.length; }));
    if (minLeft > 6 && hand.length > 4 && choice.cards.some(function (c) { return c.r === 12; })) {
      var soft = plays.filter(function (p) { return !p.cards.some(function (c) { return c.r === 12; }); });
      if (!soft.length) return { pass: true };
      choice = soft[0];
    }
    return { cards: choice.cards };
  }

  return {
    RANKS: RANKS, SUITS: SUITS, KINDS: KINDS, SEATS: SEATS, card: card, fromId: fromId, label: label, isRed: isRed,
    sortCards: sortCards, shuffle: shuffle, deck: deck, classify: classify, beats: beats, createGame: createGame,
    problem: problem, canPlay: canPlay, canPass: canPass, play: play, pass: pass, allPlays: allPlays,
    legalPlays: legalPlays, aiMove: aiMove,
  };
})();
if (typeof module !== 'undefined') module.exports = BigTwoRules;
