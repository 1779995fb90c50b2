/* Wordle rules: the answer list, two-pass colouring (repeated letters), keyboard letter states and hard mode.
   Plain JavaScript with no DOM access; `node` tests it (tests/games/js/wordle.test.js). */
var WordleRules = (function () {
  'use strict';
  const LEN = 5, TRIES = 6;
  // A few hundred common five-letter English words, no plurals and nothing unkind, as the answers.
  const ANSWERS = (
    'about above actor acute adapt admit adopt adult after again agent agree ahead alarm album alert alike alive ' +
    'allow alone along alter amber among angel anger angle angry ankle apple apply apron arena argue arise armor ' +
    'arrow aside asset audio avoid awake award aware bacon badge baker basic basin basis beach beard beast begin ' +
    'being belly below bench berry birth black blade blame blank blast blaze blend bless blind block bloom blush ' +
    'board boast bonus boost booth brain brake brand brave bread break brick bride brief bring broad brown brush ' +
    'build bunch burst buyer cabin cable camel candy canoe cargo carry catch cause chain chair chalk charm chart ' +
    'chase cheap check cheek cheer chess chest chick chief child chill choir chose civic claim class clean clear ' +
    'clerk click cliff climb clock close cloth cloud clown coach coast cocoa color comet coral couch cough count ' +
    'court cover crack craft crane crash crawl crazy cream creek crisp cross crowd crown crumb crust cubic curve ' +
    'cycle daily dairy daisy dance dealt delay depth diary digit dirty ditch dizzy dough draft drain drama drawn ' +
    'dream dress dried drift drill drink drive eager eagle early earth eight elbow elder elect empty enemy enjoy ' +
    'enter entry equal error essay event every exact exist extra fable faint fairy faith false fancy favor feast ' +
    'fence fetch fever field fifth fifty fight final first flame flash fleet flesh float flock flood floor flour ' +
    'fluid flute focus force forge forth forty forum found frame fresh fried front frost fruit fully funny gauge ' +
    'ghost giant given glass globe glory glove grace grade grain grand grant grape graph grasp grass grave great ' +
    'green greet grief grill grind group grown guard guess guest guide habit happy harsh hatch heart heavy hedge ' +
    'hello hence hobby honey honor horse hotel house human humor hurry ideal image index inner input issue ivory ' +
    'jelly jewel joint jolly judge juice jumbo kayak knife knock known label lance large laser latch later laugh ' +
    'layer learn least leave lemon level light limit linen liver lobby local lodge logic loose lorry lower loyal ' +
    'lucky lunch magic major maker mango maple march match mayor medal media melon mercy merit merry metal meter ' +
    'might minor minus mixed model money month moral motor mount mouse mouth movie muddy music nerve never night ' +
    'ninja noble noise north novel nurse ocean offer often olive onion opera orbit order organ other otter ought ' +
    'outer owner oxide paint panda panel panic paper party pasta paste patch pause peace peach pearl pedal penny ' +
    'phase phone photo piano piece pilot pinch pitch pizza place plain plane plant plate plaza point polar porch ' +
    'pound power press price pride prime print prize proof proud prove pupil puppy purse queen query quest quick ' +
    'quiet quilt quite quote radar radio raise rally ranch range rapid raven reach react ready realm rebel refer ' +
    'relax reply rider ridge right rigid rival river roast robin robot rocky rough round route royal ruler rural ' +
    'salad sauce scale scare scarf scene scent scope score scout screw seize sense serve seven shade shake shall ' +
    'shape share shark sharp sheep sheet shelf shell shift shine shirt shock shore short shout sight silly since ' +
    'skate skill skirt slate sleep slice slide slope small smart smell smile smoke snack snake solar solid solve ' +
    'sorry sound south space spare spark speak speed spell spend spice spine spoke spoon sport spray squad stack ' +
    'staff stage stair stamp stand start state steam steel steep stick still stock stone stool store storm story ' +
    'stove straw strip study stuff style sugar suite sunny super swamp sweet swift swing sword table taste teach ' +
    'teeth thank theme thick thief thing think third thumb tiger title toast today tooth topic torch total touch ' +
    'tough tower trace track trade trail train treat trend trial tribe trick truck truly trust truth tulip twice ' +
    'twist uncle under unify union unity until upper upset urban usage usual valid value video visit vital vivid ' +
    'vocal voice wagon waste watch water whale wheat wheel where which while white whole woman world worry worth ' +
    'would wound write wrong yacht yield young youth zebra'  ).split(' ');
  const RANK = { absent: 1, present: 2, correct: 3 };

  /** A word as the game keeps it: lower-case a-z; '' when it is not a five-letter word. */
  function normalize(word) {
    const w = String(word == null ? '' : word).trim().toLowerCase();
    return /^[a-z]{5}$/.test(w) ? w : '';
  }

  /** The answers for a game: the teacher's five-letter words first (shuffled), then the built-in ones (shuffled). */
  function answers(items, rng) {
    const own = [], seen = new Set();
    (Array.isArray(items) ? items : []).forEach((x) => {
      const w = normalize(x);
      if (w && !seen.has(w)) { seen.add(w); own.push(w); }
    });
    const rest = ANSWERS.filter((w) => !seen.has(w));
    return { own: shuffle(own, rng), words: shuffle(own, rng).concat(shuffle(rest, rng)) };
  }

  function shuffle(list, rng) {
    const a = list.slice();
    for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rng() * (i + 1)); const t = a[i]; a[i] = a[j]; a[j] = t; }
    return a;
  }

  /** Colours one guess against the answer: 'correct' (right place), 'present' (elsewhere, as many times as the
      answer still has that letter unmatched) or 'absent'. Greens are taken first, so a repeated letter in the guess
      is yellow only while the answer has copies left over. */
  function score(guess, answer) {
    guess = String(guess).toLowerCase(); answer = String(answer).toLowerCase();
    const out = new Array(guess.length).fill('absent');
    const left = {};
    for (let i = 0; i < guess.length; i++) {
      if (guess[i] === answer[i]) out[i] = 'correct';
      else left[answer[i]] = (left[answer[i]] || 0) + 1;
    }
    for (let i = 0; i < guess.length; i++) {
      if (out[i] === 'correct') continue;
      const c = guess[i];
      if (left[c] > 0) { out[i] = 'present'; left[c]--; }
    }
    return out;
  }

  /** Keyboard states after some scored guesses: each letter keeps its best state (correct > present > absent). */
  function keyStates(rows) {
    const keys = {};
    (rows || []).forEach((row) => {
      for (let i = 0; i < row.guess.length; i++) {
        const c = row.guess[i], s = row.result[i];
        if (!keys[c] || RANK[s] > RANK[keys[c]]) keys[c] = s;
      }
    });
    return keys;
  }

  /** Hard mode: a guess must keep every green letter in its place and use every yellow letter (as often as the
      earlier hints showed it). Returns null when the guess is allowed, else {kind: 'place'|'use', letter, pos}. */
  function hardModeError(guess, rows) {
    guess = String(guess).toLowerCase();
    for (const row of rows || []) {
      for (let i = 0; i < row.guess.length; i++) {
        if (row.result[i] === 'correct' && guess[i] !== row.guess[i]) return { kind: 'place', letter: row.guess[i], pos: i + 1 };
      }
      const need = {};
      for (let i = 0; i < row.guess.length; i++) {
        if (row.result[i] !== 'absent') need[row.guess[i]] = (need[row.guess[i]] || 0) + 1;
      }
      for (const c of Object.keys(need)) {
        let have = 0;
        for (let i = 0; i < guess.length; i++) if (guess[i] === c) have++;
        if (have < need[c]) return { kind: 'use', letter: c, pos: 0 };
      }
    }
    return null;
  }

  /** Points for solving a word in `tries` guesses: 60 for the first guess, 10 fewer for each later one. */
  function points(tries) { return Math.max(10, (TRIES + 1 - tries) * 10); }

  return { LEN, TRIES, ANSWERS, normalize, answers, score, keyStates, hardModeError, points };
})();
if (typeof module !== 'undefined') module.exports = WordleRules;
