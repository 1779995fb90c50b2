/* Pig (the dice game): roll as often as you like, a 1 loses the turn's points and passes the die, Hold banks them;
   the first to the target wins. Plus the computer's strategies. Plain JavaScript; node tests it
   (tests/games/js/pig.test.js). */
var PigRules = (function () {
  'use strict';

  /** A new game: two players, player 0 to roll. */
  function create(target, first) {
    return { target: Math.max(10, Math.round(Number(target) || 100)), scores: [0, 0], turn: first === 1 ? 1 : 0,
      turnTotal: 0, rolls: [], last: 0, winner: null, turns: 0 };
  }

  function copy(s) { return Object.assign({}, s, { scores: s.scores.slice(), rolls: s.rolls.slice() }); }

  function pass(s) { s.turn = 1 - s.turn; s.turnTotal = 0; s.rolls = []; s.turns++; }

  /** The current player rolled `die` (1-6): a 1 ends the turn with nothing banked ('bust'), else it adds. */
  function roll(state, die) {
    const s = copy(state);
    die = Math.round(Number(die));
    if (s.winner !== null || !(die >= 1 && die <= 6)) return { state: s, event: 'none' };
    s.last = die;
    if (die === 1) { s.rolls.push(1); pass(s); return { state: s, event: 'bust' }; }
    s.turnTotal += die; s.rolls.push(die);
    return { state: s, event: 'add' };
  }

  /** The current player banks the turn total: a win at the target, else the die passes. */
  function hold(state) {
    const s = copy(state);
    if (s.winner !== null || s.turnTotal <= 0) return { state: s, event: 'none' };
    s.scores[s.turn] += s.turnTotal;
    if (s.scores[s.turn] >= s.target) { s.winner = s.turn; s.turnTotal = 0; return { state: s, event: 'win' }; }
    pass(s);
    return { state: s, event: 'hold' };
  }

  /** What a bank now would give: true when holding wins the game. */
  function holdWins(s) { return s.winner === null && s.turnTotal > 0 && s.scores[s.turn] + s.turnTotal >= s.target; }

  /** The turn total a hold-at-N player stops at, scaled to the target (20 for a game to 100). */
  function holdAt(target, strategy) {
    if (strategy === 'easy') return Math.max(6, Math.round(target / 10));
    return Math.max(8, Math.round(target / 5));
  }

  /** The computer's choice for the current player: 'roll' or 'hold'.
      easy: hold at a tenth of the target; normal: hold at 20 (a fifth of the target);
      hard: "keep pace and end race" (Neller and Presser): when either side is within 29/100 of the target, roll
      on until the turn wins; else hold at 21 + (their score - mine) / 8, all scaled to the target. */
  function decide(s, strategy) {
    if (s.winner !== null) return 'none';
    if (s.turnTotal <= 0) return 'roll';
    if (holdWins(s)) return 'hold';
    const me = s.scores[s.turn], them = s.scores[1 - s.turn], k = s.target / 100;
    if (strategy === 'hard') {
      if (me >= s.target - 29 * k || them >= s.target - 29 * k) return 'roll';
      return s.turnTotal >= Math.round((21 + (them - me) / 8) * k) ? 'hold' : 'roll';
    }
    return s.turnTotal >= holdAt(s.target, strategy) ? 'hold' : 'roll';
  }

  return { create, roll, hold, holdWins, holdAt, decide };
})();
if (typeof module !== 'undefined') module.exports = PigRules;
