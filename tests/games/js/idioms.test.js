'use strict';
const test = require('node:test');
const assert = require('node:assert');
const I = require('../../../templates/games/rules/idioms.js');

function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 16807) % 2147483647) / 2147483647);
}
const HAN = /^\p{Script=Han}{4}$/u;

test('the list: at least 300 idioms, four Han characters each, no duplicates, in both scripts', () => {
  assert.ok(I.LIST.length >= 300, 'count ' + I.LIST.length);
  for (const lang of ['zh-Hans', 'zh-Hant']) {
    const d = I.create(lang);
    assert.strictEqual(d.words.length, I.LIST.length);
    assert.strictEqual(new Set(d.words).size, d.words.length, lang + ': no duplicates');
    d.words.forEach((w) => assert.match(w, HAN, lang + ' ' + w));
  }
});

test('traditional forms: character by character, with the idioms that read otherwise', () => {
  const cases = { 一马当先: '一馬當先', 画龙点睛: '畫龍點睛', 千钧一发: '千鈞一髮', 发扬光大: '發揚光大', 一干二净: '一乾二淨',
    外强中干: '外強中乾', 百里挑一: '百里挑一', 表里如一: '表裡如一', 才高八斗: '才高八斗', 明争暗斗: '明爭暗鬥', 后来居上: '後來居上',
    一见钟情: '一見鍾情', 人云亦云: '人云亦云', 云开见日: '雲開見日', 卷土重来: '捲土重來', 开卷有益: '開卷有益', 形单影只: '形單影隻',
    五谷丰登: '五穀豐登', 进退维谷: '進退維谷', 一目了然: '一目瞭然', 风尘仆仆: '風塵僕僕', 前仆后继: '前仆後繼' };
  for (const [s, t] of Object.entries(cases)) {
    assert.ok(I.LIST.includes(s), s + ' is in the list');
    assert.strictEqual(I.toHant(s), t);
  }
  // A few simplified-only characters never survive into the traditional list.
  const hant = I.create('zh-Hant').words.join('');
  for (const c of '马龙发门说时书长东车见贝页风鸟鱼') assert.ok(!hant.includes(c), c);
});

test('the chain: successors start with the last character and skip used idioms', () => {
  const d = I.create('zh-Hans');
  const next = I.successors(d, '一心一意', new Set());
  assert.ok(next.length >= 3);
  next.forEach((w) => assert.strictEqual(w[0], '意'));
  assert.ok(next.includes('意气风发'));
  assert.ok(!I.successors(d, '一心一意', new Set(['意气风发'])).includes('意气风发'));
  assert.ok(I.isValid(d, '一心一意', new Set(), '意气风发'));
  assert.ok(!I.isValid(d, '一心一意', new Set(['意气风发']), '意气风发'), 'used');
  assert.ok(!I.isValid(d, '一心一意', new Set(), '发扬光大'), 'wrong first character');
  assert.ok(!I.isValid(d, '一心一意', new Set(), '意思意思'), 'not in the list');
});

test('the chooser always offers exactly one valid option among four distinct ones', () => {
  for (const lang of ['zh-Hans', 'zh-Hant']) {
    const d = I.create(lang);
    for (let seed = 1; seed <= 40; seed++) {
      const r = rng(seed), used = new Set();
      let prev = I.opening(d, r);
      used.add(prev);
      for (let turn = 0; turn < 25; turn++) {
        const c = I.choices(d, prev, used, r);
        assert.ok(c, 'the computer never leaves the player without a move');
        assert.strictEqual(c.options.length, 4);
        assert.strictEqual(new Set(c.options).size, 4);
        const valid = c.options.filter((w) => I.isValid(d, prev, used, w));
        assert.strictEqual(valid.length, 1, prev + ' -> ' + c.options.join(' '));
        assert.strictEqual(valid[0], c.options[c.answer]);
        c.options.forEach((w) => assert.ok(d.set.has(w) && !used.has(w)));
        const pick = c.options[c.answer];
        used.add(pick);
        const a = I.answer(d, pick, used, r);
        if (!a) break;
        assert.ok(I.isValid(d, pick, used, a), 'the computer answers a valid link');
        used.add(a);
        prev = a;
      }
    }
  }
});

test('the computer stops (the player wins) when no fair answer is left', () => {
  const d = I.create('zh-Hans');
  // Every idiom starting with 然 would be needed; there are none.
  assert.strictEqual(I.answer(d, '理所当然', new Set(), rng(1)), null);
  assert.strictEqual(I.choices(d, '理所当然', new Set(), rng(1)), null);
  // Used up: once every follower of 念 is used, none is offered.
  const used = new Set(I.successors(d, '私心杂念', new Set()));
  assert.strictEqual(I.answer(d, '私心杂念', used, rng(2)), null);
});

test('openings lead somewhere and chains run long', () => {
  const d = I.create('zh-Hans');
  let total = 0;
  for (let seed = 1; seed <= 30; seed++) {
    const r = rng(seed), used = new Set();
    let prev = I.opening(d, r), links = 0;
    used.add(prev);
    assert.ok(I.reach(d, prev, new Set(used), 4) >= 4);
    for (; links < 12; links++) {
      const c = I.choices(d, prev, used, r);
      if (!c) break;
      used.add(c.options[c.answer]);
      const a = I.answer(d, c.options[c.answer], used, r);
      if (!a) { links++; break; }
      used.add(a);
      prev = a;
    }
    total += links;
  }
  assert.ok(total / 30 >= 6, 'average links ' + total / 30);
});
