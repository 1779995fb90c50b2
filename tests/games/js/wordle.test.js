'use strict';
const test = require('node:test');
const assert = require('node:assert');
const W = require('../../../templates/games/rules/wordle.js');

const C = 'correct', P = 'present', A = 'absent';

test('the answer list: a few hundred distinct lower-case five-letter words', () => {
  assert.ok(W.ANSWERS.length >= 300, 'at least 300 answers');
  assert.strictEqual(new Set(W.ANSWERS).size, W.ANSWERS.length, 'no duplicates');
  W.ANSWERS.forEach((w) => assert.match(w, /^[a-z]{5}$/));
});

test('plain colouring', () => {
  assert.deepStrictEqual(W.score('crane', 'crane'), [C, C, C, C, C]);
  assert.deepStrictEqual(W.score('crane', 'bring'), [A, C, A, C, A]);
  assert.deepStrictEqual(W.score('ghost', 'crane'), [A, A, A, A, A]);
  assert.deepStrictEqual(W.score('react', 'crate'), [P, P, C, P, P]);
});

test('repeated letters: greens first, then yellows only while copies are left', () => {
  // One E in the answer: the second E of the guess stays grey.
  assert.deepStrictEqual(W.score('speed', 'abide'), [A, A, P, A, P]);
  // The green E uses the answer's only E: the first E of the guess is grey, not yellow.
  assert.deepStrictEqual(W.score('eerie', 'shine'), [A, A, A, P, C]);
  // Two E's in the answer: one green, one yellow.
  assert.deepStrictEqual(W.score('eerie', 'elder'), [C, P, P, A, A]);
  // Three L's guessed, two in the answer (both green): the third is grey.
  assert.deepStrictEqual(W.score('lolly', 'hello'), [A, P, C, C, A]);
  // Both copies in the wrong place.
  assert.deepStrictEqual(W.score('abbey', 'babes'), [P, P, C, C, A]);
  assert.deepStrictEqual(W.score('geese', 'swell'), [A, A, C, P, A]);
  assert.deepStrictEqual(W.score('array', 'ready'), [P, P, A, A, C]);
});

test('every colouring of a random pair keeps letter counts', () => {
  let s = 5;
  const rng = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let n = 0; n < 2000; n++) {
    const g = W.ANSWERS[Math.floor(rng() * W.ANSWERS.length)], a = W.ANSWERS[Math.floor(rng() * W.ANSWERS.length)];
    const r = W.score(g, a);
    for (const ch of new Set(g)) {
      const marked = [...g].filter((c, i) => c === ch && r[i] !== A).length;
      const inAnswer = [...a].filter((c) => c === ch).length;
      assert.strictEqual(marked, Math.min(inAnswer, [...g].filter((c) => c === ch).length), g + '/' + a + ' ' + ch);
    }
    for (let i = 0; i < 5; i++) assert.strictEqual(r[i] === C, g[i] === a[i]);
  }
});

test('keyboard states keep the best state per letter', () => {
  const rows = [{ guess: 'speed', result: W.score('speed', 'abide') }, { guess: 'abide', result: W.score('abide', 'abide') }];
  const k = W.keyStates(rows);
  assert.strictEqual(k.s, A);
  assert.strictEqual(k.e, C);
  assert.strictEqual(k.d, C);
  assert.strictEqual(k.a, C);
  assert.strictEqual(k.z, undefined);
  assert.deepStrictEqual(W.keyStates([]), {});
});

test('normalize keeps only five-letter words; answers put the teacher first', () => {
  assert.strictEqual(W.normalize(' Apple '), 'apple');
  assert.strictEqual(W.normalize('apples'), '');
  assert.strictEqual(W.normalize('ap-le'), '');
  assert.strictEqual(W.normalize(null), '');
  let s = 1;
  const rng = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  const got = W.answers(['Plant', 'plant', 'tiger', 'elephant', 42, '</script>'], rng);
  assert.deepStrictEqual([...got.own].sort(), ['plant', 'tiger']);
  assert.deepStrictEqual(got.words.slice(0, 2).sort(), ['plant', 'tiger']);
  assert.strictEqual(new Set(got.words).size, got.words.length);
  assert.strictEqual(W.answers([], rng).words.length, W.ANSWERS.length);
});

test('hard mode: greens stay, yellows are used', () => {
  const rows = [{ guess: 'crane', result: W.score('crane', 'react') }];
  // crane vs react: c P, r P, a C, n A, e P
  assert.deepStrictEqual(rows[0].result, [P, P, C, A, P]);
  assert.deepStrictEqual(W.hardModeError('blimp', rows), { kind: 'place', letter: 'a', pos: 3 });
  assert.deepStrictEqual(W.hardModeError('ghast', rows), { kind: 'use', letter: 'c', pos: 0 });
  assert.deepStrictEqual(W.hardModeError('board', rows), { kind: 'use', letter: 'c', pos: 0 });
  assert.deepStrictEqual(W.hardModeError('beach', rows), { kind: 'use', letter: 'r', pos: 0 });
  assert.strictEqual(W.hardModeError('react', rows), null);
  assert.strictEqual(W.hardModeError('trace', rows), null);
  assert.strictEqual(W.hardModeError('anything', []), null);
});

test('points fall with each try', () => {
  assert.strictEqual(W.points(1), 60);
  assert.strictEqual(W.points(6), 10);
  assert.ok(W.points(2) > W.points(3));
});
