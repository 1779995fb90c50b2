/* Word search rules: themed word lists, the grid generator (words in 8 directions, crossing only on equal letters,
   the rest filled at random), straight-line selection and matching. Plain JavaScript with no DOM access; node tests
   it (tests/games/js/wordsearch.test.js). Works for English letters and for Chinese characters alike. */
var WordsearchRules = (function () {
  'use strict';
  // [dr, dc]: right, down, down-right, up-right, then their reverses.
  const DIRS = [[0, 1], [1, 0], [1, 1], [-1, 1], [0, -1], [-1, 0], [-1, -1], [1, -1]];
  const MIN = 8, MAX = 14;
  const THEMES = {
    en: {
      animals: 'CAT DOG LION TIGER ZEBRA PANDA MONKEY RABBIT TURTLE PARROT GIRAFFE DOLPHIN PENGUIN ELEPHANT KANGAROO ' +
        'SQUIRREL BEAR WOLF FOX OWL HORSE SHEEP DUCK FROG',
      food: 'APPLE BANANA GRAPE MANGO LEMON CHERRY PEACH ORANGE BREAD RICE NOODLE CHEESE BUTTER HONEY PIZZA SALAD ' +
        'CARROT POTATO TOMATO ONION PEAR MELON COOKIE YOGURT',
      nature: 'SUN MOON STAR CLOUD RAIN SNOW WIND RIVER OCEAN FOREST MOUNTAIN ISLAND DESERT FLOWER TREE LEAF ' +
        'RAINBOW THUNDER VALLEY LAKE STONE SPRING SUMMER WINTER',
    },
    'zh-Hans': {
      animals: '熊猫 老虎 狮子 大象 长颈鹿 猴子 兔子 小狗 小猫 企鹅 海豚 鲸鱼 蝴蝶 蜜蜂 乌龟 斑马 骆驼 孔雀 松鼠 袋鼠 狐狸 青蛙 河马 鹦鹉',
      food: '苹果 香蕉 西瓜 葡萄 草莓 橙子 桃子 菠萝 面包 米饭 饺子 面条 鸡蛋 牛奶 蛋糕 包子 番茄 土豆 胡萝卜 玉米 南瓜 蘑菇 冰淇淋 巧克力',
      nature: '太阳 月亮 星星 白云 彩虹 大海 高山 河流 森林 花朵 小草 大树 雪花 雨水 闪电 沙漠 草原 湖泊 瀑布 岛屿 石头 春天 夏天 秋天',
    },
    'zh-Hant': {
      animals: '熊貓 老虎 獅子 大象 長頸鹿 猴子 兔子 小狗 小貓 企鵝 海豚 鯨魚 蝴蝶 蜜蜂 烏龜 斑馬 駱駝 孔雀 松鼠 袋鼠 狐狸 青蛙 河馬 鸚鵡',
      food: '蘋果 香蕉 西瓜 葡萄 草莓 橙子 桃子 菠蘿 麵包 米飯 餃子 麵條 雞蛋 牛奶 蛋糕 包子 番茄 土豆 胡蘿蔔 玉米 南瓜 蘑菇 冰淇淋 巧克力',
      nature: '太陽 月亮 星星 白雲 彩虹 大海 高山 河流 森林 花朵 小草 大樹 雪花 雨水 閃電 沙漠 草原 湖泊 瀑布 島嶼 石頭 春天 夏天 秋天',
    },
  };
  const LATIN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

  function theme(lang, name) {
    const t = THEMES[lang] || THEMES.en;
    return (t[name] || t.animals).split(' ');
  }

  /** The letters (or characters) of a word as they go into the grid: upper case, no spaces or punctuation. */
  function letters(word) {
    return Array.from(String(word == null ? '' : word).normalize('NFC').toUpperCase())
      .filter((ch) => !/[\s\-_'’"‘“”.,，、。:;!?！？()（）·]/.test(ch));
  }
  const isLatin = (ls) => ls.every((ch) => /^[A-Z]$/.test(ch));

  /** The words a grid can hold: 2 to `max` letters, each once (by its letters), at most `count`, in list order. */
  function prepare(items, max, count) {
    const out = [], seen = new Set();
    (Array.isArray(items) ? items : []).forEach((w) => {
      const ls = letters(w), key = ls.join('');
      if (ls.length < 2 || ls.length > max || seen.has(key) || out.length >= count) return;
      seen.add(key);
      out.push({ word: String(w).trim(), letters: ls });
    });
    return out;
  }

  /** A grid side that fits the words: at least the longest word, room for about twice their letters. */
  function autoSize(words) {
    let longest = 0, total = 0;
    words.forEach((w) => { longest = Math.max(longest, w.letters.length); total += w.letters.length; });
    return Math.max(MIN, Math.min(MAX, Math.max(longest, Math.ceil(Math.sqrt(total * 2.2)))));
  }

  function fits(grid, n, ls, r, c, d) {
    let overlap = 0;
    for (let i = 0; i < ls.length; i++) {
      const y = r + d[0] * i, x = c + d[1] * i;
      if (y < 0 || x < 0 || y >= n || x >= n) return -1;
      const g = grid[y][x];
      if (g !== null && g !== ls[i]) return -1;
      if (g !== null) overlap++;
    }
    return overlap === ls.length ? -1 : overlap; // lying wholly on other words is no placement
  }

  /** Places `words` (from prepare) in an n x n grid: longest first, each at a random fitting spot and direction
      (crossings preferred now and then), then fills the rest from the words' alphabet. Returns {size, grid (rows of
      one-letter strings), placed: [{word, letters, r, c, dr, dc, cells}], skipped: [word]}. */
  function generate(words, n, rng, opts) {
    opts = opts || {};
    n = Math.max(2, Math.min(MAX, Math.round(n) || MIN));
    const dirs = opts.dirs === 4 ? DIRS.slice(0, 4) : opts.dirs === 2 ? DIRS.slice(0, 2) : DIRS;
    const grid = [];
    for (let r = 0; r < n; r++) grid.push(new Array(n).fill(null));
    const order = words.map((w, i) => i).sort((a, b) => words[b].letters.length - words[a].letters.length || a - b);
    const placed = [], skipped = [];
    order.forEach((i) => {
      const w = words[i], ls = w.letters;
      const spots = [];
      let most = 0;
      for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) dirs.forEach((d) => {
        const o = fits(grid, n, ls, r, c, d);
        if (o >= 0) { spots.push([r, c, d, o]); most = Math.max(most, o); }
      });
      if (!spots.length) { skipped.push(w.word); return; }
      const pool = most > 0 && rng() < 0.5 ? spots.filter((s) => s[3] === most) : spots;
      const s = pool[Math.floor(rng() * pool.length)];
      const cells = [];
      for (let k = 0; k < ls.length; k++) {
        const y = s[0] + s[2][0] * k, x = s[1] + s[2][1] * k;
        grid[y][x] = ls[k];
        cells.push([y, x]);
      }
      placed.push({ index: i, word: w.word, letters: ls, r: s[0], c: s[1], dr: s[2][0], dc: s[2][1], cells });
    });
    placed.sort((a, b) => a.index - b.index);
    const all = [];
    words.forEach((w) => all.push(...w.letters));
    const alphabet = opts.alphabet || (isLatin(all) ? LATIN.split('') : Array.from(new Set(all.concat(opts.extra || []))));
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (grid[r][c] === null) grid[r][c] = alphabet[Math.floor(rng() * alphabet.length)];
    return { size: n, grid, placed, skipped };
  }

  /** The cells from a to b ([row, col]) when they lie on one of the 8 lines, else null. */
  function line(a, b) {
    const dr = b[0] - a[0], dc = b[1] - a[1];
    if (dr !== 0 && dc !== 0 && Math.abs(dr) !== Math.abs(dc)) return null;
    const len = Math.max(Math.abs(dr), Math.abs(dc));
    const sr = Math.sign(dr), sc = Math.sign(dc), out = [];
    for (let i = 0; i <= len; i++) out.push([a[0] + sr * i, a[1] + sc * i]);
    return out;
  }

  /** What the grid reads along cells. */
  function read(grid, cells) { return cells.map((p) => grid[p[0]][p[1]]).join(''); }

  /** The index of the word (from `words`, skipping those in `found`) that the selection a -> b spells, forwards or
      backwards (forwards first); -1 when none. */
  function match(grid, words, found, a, b) {
    const cells = line(a, b);
    if (!cells || cells.length < 2) return -1;
    const s = read(grid, cells), back = Array.from(s).reverse().join('');
    let hit = -1;
    for (let i = 0; i < words.length; i++) {
      if (found && found[i]) continue;
      const w = words[i].letters.join('');
      if (w === s) return i; // a forward reading first (TAN and NAT may both be hidden)
      if (w === back && hit < 0) hit = i;
    }
    return hit;
  }

  return { DIRS, MIN, MAX, THEMES, theme, letters, isLatin, prepare, autoSize, generate, line, read, match };
})();
if (typeof module !== 'undefined') module.exports = WordsearchRules;
