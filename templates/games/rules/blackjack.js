// Blackjack rules: a shoe of shuffled decks, hit / stand / double, the dealer draws to 17 and stands on every
// 17 (soft 17 too), aces count 1 or 11, a natural (two-card 21) pays 3:2, a win pays 1:1, a push returns the bet.
// The dealer checks for a natural after the deal: a dealer natural beats every hand but a player natural (push).
// Chips are whole numbers: 3:2 on an odd bet rounds down. No DOM access; `rng` is a function returning [0, 1).
var BlackjackRules = (function () {
  'use strict';
  var SUITS = ['♠', '♥', '♦', '♣'];
  var RANKS = ['', 'A', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'J', 'Q', 'K'];

  function card(rank, suit) { return { r: rank, s: suit }; }
  function label(c) { return RANKS[c.r] + SUITS[c.s]; }
  function isRed(c) { return c.s === 1 || c.s === 2; }

  // Fisher-Yates with the given rng (the page passes FG.rng, so CONFIG.seed fixes the shoe).
  function shuffle(list, rng) {
    var a = list.slice();
    for (var i = a.length - 1; i > 0; i--) {
      var j = Math.floor(rng() * (i + 1));
      if (j > i) j = i;
      var t = a[i]; a[i] = a[j]; a[j] = t;
    }
    return a;
  }

  function makeShoe(decks, rng) {
    var n = Math.max(1, Math.min(8, Math.round(decks) || 1));
    var cards = [];
    for (var d = 0; d < n; d++) for (var s = 0; s < 4; s++) for (var r = 1; r <= 13; r++) cards.push(card(r, s));
    return shuffle(cards, rng);
  }

  function cardPoints(c) { return c.r === 1 ? 1 : Math.min(10, c.r); }

  // {total, soft}: soft when an ace counts 11.
  function handValue(cards) {
    var total = 0, aces = 0;
    for (var i = 0; i < cards.length; i++) { total += cardPoints(cards[i]); if (cards[i].r === 1) aces++; }
    var soft = false;
    if (aces > 0 && total + 10 <= 21) { total += 10; soft = true; }
    return { total: total, soft: soft };
  }

  function isBlackjack(cards) { return cards.length === 2 && handValue(cards).total === 21; }
  function isBust(cards) { return handValue(cards).total > 21; }
  function dealerShouldHit(cards) { return handValue(cards).total < 17; }

  // The outcome of a finished hand and the chips it returns on top of the stake (negative: lost).
  function settle(player, dealer, bet) {
    var pb = isBlackjack(player), db = isBlackjack(dealer);
    var pv = handValue(player).total, dv = handValue(dealer).total;
    if (pb && db) return { outcome: 'push', delta: 0 };
    if (pb) return { outcome: 'blackjack', delta: Math.floor((bet * 3) / 2) };
    if (db) return { outcome: 'lose', delta: -bet };
    if (pv > 21) return { outcome: 'bust', delta: -bet };
    if (dv > 21) return { outcome: 'dealer_bust', delta: bet };
    if (pv > dv) return { outcome: 'win', delta: bet };
    if (pv < dv) return { outcome: 'lose', delta: -bet };
    return { outcome: 'push', delta: 0 };
  }

  // --- a whole table: phases 'bet' -> 'player' -> ('dealer') -> 'done' -> 'bet' ...
  function createGame(opts) {
    var o = opts || {};
    var rng = o.rng || function () { return 0.5; };
    var g = {
      rng: rng, decks: Math.max(1, Math.min(8, o.decks || 4)), shoe: [], chips: Math.max(1, Math.round(o.chips || 100)),
      bet: 0, doubled: false, player: [], dealer: [], phase: 'bet', result: null, hands: 0, reshuffled: false,
    };
    g.shoe = makeShoe(g.decks, rng);
    return g;
  }

  function draw(g) {
    if (!g.shoe.length) { g.shoe = makeShoe(g.decks, g.rng); g.reshuffled = true; }
    return g.shoe.pop();
  }

  function canDeal(g, bet) { return g.phase !== 'player' && g.phase !== 'dealer' && bet >= 1 && bet <= g.chips; }

  function deal(g, bet) {
    bet = Math.round(bet);
    if (!canDeal(g, bet)) return false;
    g.reshuffled = false;
    // A new shoe when under a quarter of it is left (the cut card).
    if (g.shoe.length < g.decks * 13) { g.shoe = makeShoe(g.decks, g.rng); g.reshuffled = true; }
    g.bet = bet; g.doubled = false; g.result = null; g.hands++;
    g.player = [draw(g)]; g.dealer = [draw(g)]; g.player.push(draw(g)); g.dealer.push(draw(g));
    g.phase = 'player';
    if (isBlackjack(g.player) || isBlackjack(g.dealer)) finish(g);
    return true;
  }

  function canHit(g) { return g.phase === 'player' && handValue(g.player).total < 21; }
  function canDouble(g) { return g.phase === 'player' && g.player.length === 2 && g.chips >= g.bet * 2; }

  function hit(g) {
    if (!canHit(g)) return false;
    g.player.push(draw(g));
    if (handValue(g.player).total >= 21) stand(g);
    return true;
  }

  function double(g) {
    if (!canDouble(g)) return false;
    g.bet *= 2; g.doubled = true;
    g.player.push(draw(g));
    stand(g);
    return true;
  }

  function stand(g) {
    if (g.phase !== 'player') return false;
    if (!isBust(g.player)) {
      g.phase = 'dealer';
      while (dealerShouldHit(g.dealer)) g.dealer.push(draw(g));
    }
    finish(g);
    return true;
  }

  function finish(g) {
    var res = settle(g.player, g.dealer, g.bet);
    g.chips += res.delta;
    g.result = res;
    g.phase = 'done';
  }

  return {
    SUITS: SUITS, RANKS: RANKS, card: card, label: label, isRed: isRed, shuffle: shuffle, makeShoe: makeShoe,
    cardPoints: cardPoints, handValue: handValue, isBlackjack: isBlackjack, isBust: isBust,
    dealerShouldHit: dealerShouldHit, settle: settle, createGame: createGame, canDeal: canDeal, deal: deal,
    canHit: canHit, canDouble: canDouble, hit: hit, double: double, stand: stand,
  };
})();
if (typeof module !== 'undefined') module.exports = BlackjackRules;
