'use strict';
const test = require('node:test');
const assert = require('node:assert');
const W = require('../../../templates/games/rules/wordsearch.js');

function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 16807) % 2147483647) / 2147483647);
}

function check(words, g) {
  const n = g.size;
  assert.strictEqual(g.grid.length, n);
  g.grid.forEach((row) => { assert.strictEqual(row.length, n); row.forEach((ch) => assert.ok(typeof ch === 'string' && ch.length >= 1)); });
  assert.strictEqual(g.placed.length + g.skipped.length, words.length);
  const owner = {};
  g.placed.forEach((p) => {
    assert.ok(W.DIRS.some((d) => d[0] === p.dr && d[1] === p.dc), 'one of the 8 directions');
    assert.strictEqual(p.cells.length, p.letters.length);
    p.cells.forEach((c, k) => {
      assert.ok(c[0] >= 0 && c[1] >= 0 && c[0] < n && c[1] < n, 'inside the grid');
      assert.deepStrictEqual(c, [p.r + p.dr * k, p.c + p.dc * k]);
      const key = c.join(',');
      if (owner[key]) assert.strictEqual(owner[key], p.letters[k], 'crossings share their letter');
      owner[key] = p.letters[k];
    });
    assert.strictEqual(W.read(g.grid, p.cells), p.letters.join(''), p.word + ' reads in the grid');
    const first = p.cells[0], last = p.cells[p.cells.length - 1];
    assert.notStrictEqual(W.match(g.grid, words, null, first, last), -1, 'selecting it finds a word');
    assert.strictEqual(words[W.match(g.grid, words, null, first, last)].letters.join(''), p.letters.join(''));
    const back = W.match(g.grid, words, null, last, first);
    assert.notStrictEqual(back, -1, 'backwards too');
    const rev = W.read(g.grid, p.cells.slice().reverse());
    assert.ok([rev, p.letters.join('')].includes(words[back].letters.join('')));
  });
  // No word lies wholly inside another one's cells in the same line.
  g.placed.forEach((p) => g.placed.forEach((q) => {
    if (p === q) return;
    const qs = new Set(q.cells.map((c) => c.join(',')));
    assert.ok(!p.cells.every((c) => qs.has(c.join(','))), p.word + ' hides inside ' + q.word);
  }));
}

test('themes: three per language, words fit the largest grid, no duplicates, zh-Hant matches zh-Hans', () => {
  for (const lang of ['en', 'zh-Hans', 'zh-Hant']) {
    for (const name of ['animals', 'food', 'nature']) {
      const list = W.theme(lang, name);
      assert.ok(list.length >= 20, lang + ' ' + name);
      assert.strictEqual(new Set(list).size, list.length);
      list.forEach((w) => assert.ok(W.letters(w).length >= 2 && W.letters(w).length <= W.MAX, w));
    }
  }
  for (const name of ['animals', 'food', 'nature']) {
    const s = W.theme('zh-Hans', name), t = W.theme('zh-Hant', name);
    assert.strictEqual(s.length, t.length);
    s.forEach((w, i) => assert.strictEqual(Array.from(w).length, Array.from(t[i]).length, w + ' / ' + t[i]));
  }
  assert.deepStrictEqual(W.theme('xx', 'nope'), W.theme('en', 'animals'));
});

test('letters: upper case, no spaces or punctuation; CJK kept as characters', () => {
  assert.deepStrictEqual(W.letters("ice cream"), ['I', 'C', 'E', 'C', 'R', 'E', 'A', 'M']);
  assert.deepStrictEqual(W.letters("o'clock"), ['O', 'C', 'L', 'O', 'C', 'K']);
  assert.deepStrictEqual(W.letters('长颈鹿'), ['长', '颈', '鹿']);
  assert.ok(W.isLatin(W.letters('Zebra')));
  assert.ok(!W.isLatin(W.letters('熊猫')));
});

test('prepare: drops too short, too long and repeated words, keeps at most count', () => {
  const got = W.prepare(['a', 'Cat', 'cat', 'C-A-T', 'supercalifragilistic', 'dog', 42, null, 'owl'], 14, 2);
  assert.deepStrictEqual(got.map((w) => w.word), ['Cat', 'dog']);
  assert.deepStrictEqual(W.prepare('nope', 14, 5), []);
});

test('every word is placed and readable, crossings agree, over many seeds, sizes and lists', () => {
  const lists = [W.theme('en', 'animals').slice(0, 10), W.theme('en', 'food').slice(0, 12), W.theme('zh-Hans', 'nature').slice(0, 12),
    W.theme('zh-Hant', 'food').slice(0, 10), ['ANT', 'TAN', 'NAT', 'ANTS', 'PANTS', 'PLANTS', 'SLANT', 'STAND']];
  let runs = 0;
  for (let seed = 1; seed <= 60; seed++) {
    for (const list of lists) {
      const words = W.prepare(list, W.MAX, 12);
      const n = W.autoSize(words);
      assert.ok(n >= W.MIN && n <= W.MAX);
      const g = W.generate(words, n, rng(seed * 7 + list.length));
      check(words, g);
      assert.deepStrictEqual(g.skipped, [], 'an auto-sized grid holds them all');
      runs++;
    }
  }
  assert.strictEqual(runs, 300);
});

test('directions: all eight are used; easy keeps to the four forward ones', () => {
  const words = W.prepare(W.theme('en', 'animals'), W.MAX, 12);
  const used = new Set(), easy = new Set();
  for (let seed = 1; seed <= 30; seed++) {
    W.generate(words, 14, rng(seed)).placed.forEach((p) => used.add(p.dr + ',' + p.dc));
    W.generate(words, 14, rng(seed), { dirs: 4 }).placed.forEach((p) => easy.add(p.dr + ',' + p.dc));
  }
  assert.strictEqual(used.size, 8);
  assert.deepStrictEqual([...easy].sort(), ['-1,1', '0,1', '1,0', '1,1']);
});

test('a word too long for the grid is skipped, not forced', () => {
  const words = W.prepare(['ELEPHANTS', 'CAT'], 14, 5);
  const g = W.generate(words, 8, rng(3));
  assert.deepStrictEqual(g.skipped, ['ELEPHANTS']);
  check(words, g);
});

test('filler: A-Z for English, the words own characters for Chinese', () => {
  const en = W.generate(W.prepare(['CAT', 'DOG'], 14, 5), 8, rng(2));
  en.grid.forEach((row) => row.forEach((ch) => assert.match(ch, /^[A-Z]$/)));
  const zh = W.prepare(['熊猫', '老虎'], 14, 5);
  const g = W.generate(zh, 8, rng(2), { extra: ['山', '水'] });
  const allowed = new Set(['熊', '猫', '老', '虎', '山', '水']);
  g.grid.forEach((row) => row.forEach((ch) => assert.ok(allowed.has(ch), ch)));
});

test('line and match: straight lines only, found words are not found twice', () => {
  assert.deepStrictEqual(W.line([0, 0], [0, 3]), [[0, 0], [0, 1], [0, 2], [0, 3]]);
  assert.deepStrictEqual(W.line([3, 3], [1, 1]), [[3, 3], [2, 2], [1, 1]]);
  assert.deepStrictEqual(W.line([2, 0], [0, 2]), [[2, 0], [1, 1], [0, 2]]);
  assert.strictEqual(W.line([0, 0], [1, 2]), null);
  const grid = [['C', 'A', 'T'], ['X', 'X', 'X'], ['D', 'O', 'G']];
  const words = W.prepare(['cat', 'dog', 'tac'], 14, 5);
  assert.strictEqual(W.match(grid, words, null, [0, 0], [0, 2]), 0);
  assert.strictEqual(W.match(grid, words, [true, false, false], [0, 0], [0, 2]), 2);
  assert.strictEqual(W.match(grid, words, null, [2, 2], [2, 0]), 1);
  assert.strictEqual(W.match(grid, words, null, [0, 0], [2, 2]), -1);
  assert.strictEqual(W.match(grid, words, null, [0, 0], [1, 2]), -1);
  assert.strictEqual(W.match(grid, words, null, [0, 0], [0, 0]), -1);
});
