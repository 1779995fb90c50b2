/* FG: the shared game runtime, inlined where a game page has its runtime placeholder comment (after CONFIG).
   A game page is `<body>` + one `<script>`: CONFIG, the runtime, the game's rules, then the game's own code:
     FG.strings({en: {hint: 'Tap'}, 'zh-Hans': {hint: '点击'}, 'zh-Hant': {hint: '點擊'}});
     const v = FG.mount({name: 'snake', hud: ['score', 'best'], controls: 'dpad', board: 'canvas', aspect: 1});
     FG.fit((w, h) => { cell = w / N; draw(); });        // CSS pixels; v.ctx is already scaled for the screen
     FG.onKey({ArrowLeft: () => turn(-1), ' ': jump});   // on-screen control buttons call the same handlers
     FG.onSwipe((dir) => turn(dir)); FG.onTap(v.canvas, (x, y) => hit(x, y));
     FG.onRestart(reset); FG.loop((dt) => step(dt), draw); // step(dt in ms) runs only while playing
     FG.score(n); FG.win(); FG.lose(); FG.draw(); FG.expose({board: () => grid, move: (i) => play(i)});
   FG.onKeyUp(map) for held keys (on-screen buttons send it on release); FG.win/lose/draw(title?, line?) where line
   replaces the end card's 'Score n · Best m'; FG.msg(text) the footer line; FG.overlay(title, line, button, fn).
   Input handlers run only while the game is ready (the first one starts it) or playing; pass {always: true}
   to FG.onTap for taps that must work in any state. mount options: name (best-score key), hud (chip names),
   controls ('dpad' | 'none' | [{key, label}]), board ('canvas' | 'dom'), aspect (height / width, canvas),
   maxWidth (px), intro (a start card over the stage), best ('high' | 'low': low keeps the smallest winning score),
   score (the string key the score is shown under: its HUD chip and the end card; default 'score').
   CONFIG.best (a number) is the visitor's best as the app keeps it; CONFIG.bridge (a token) makes every game end
   post {flashGame: {token, status, score, low}} to the app around the page, which keeps the visitor's best.
   Test hooks: window.__game (status, score, best + FG.expose), buttons [data-fg=pause|restart|sound], chips
   [data-hud=name] b, the card over the stage [data-fg=overlay] (hidden: class hide) with its [data-fg=ov-button]. */
var FG = (function () {
  'use strict';
  let cfg = {};
  try { cfg = CONFIG || {}; } catch (e) { cfg = {}; }
  if (typeof cfg !== 'object' || Array.isArray(cfg)) cfg = {};
  const P = cfg.params && typeof cfg.params === 'object' ? cfg.params : {};
  const OVR = cfg.strings && typeof cfg.strings === 'object' ? cfg.strings : {};
  const txt = (v) => (v == null ? '' : String(v));
  const lang0 = txt(cfg.lang).toLowerCase();
  const LANG = /^zh-(hant|tw|hk|mo)/.test(lang0) ? 'zh-Hant' : lang0.startsWith('zh') ? 'zh-Hans' : 'en';
  const TABLE = { en: {}, 'zh-Hans': {}, 'zh-Hant': {} };
  const fg = { config: cfg, params: P, lang: LANG, texts: TABLE };
  const clamp = (v, a, b) => Math.max(a, Math.min(b, v));

  /* ---------- strings ---------- */
  fg.strings = function (table) {
    Object.keys(TABLE).forEach((l) => Object.assign(TABLE[l], (table && table[l]) || {}));
  };
  fg.strings({
    en: { score: 'Score', best: 'Best', pause: 'Pause', resume: 'Resume', restart: 'Restart', start: 'Start',
      you_win: 'You win!', you_lose: 'You lose', game_over: 'Game over', draw: 'Draw', your_turn: 'Your turn',
      computer_turn: "Computer's turn", player_1: 'Player 1', player_2: 'Player 2', level: 'Level', lives: 'Lives',
      time: 'Time', moves: 'Moves', sound: 'Sound', paused: 'Paused', tap_to_start: 'Tap Start or press a key' },
    'zh-Hans': { score: '得分', best: '最佳', pause: '暂停', resume: '继续', restart: '重新开始', start: '开始',
      you_win: '你赢了！', you_lose: '你输了', game_over: '游戏结束', draw: '平局', your_turn: '轮到你了',
      computer_turn: '电脑思考中', player_1: '玩家一', player_2: '玩家二', level: '关卡', lives: '生命',
      time: '时间', moves: '步数', sound: '声音', paused: '已暂停', tap_to_start: '点击开始或按任意键' },
    'zh-Hant': { score: '得分', best: '最佳', pause: '暫停', resume: '繼續', restart: '重新開始', start: '開始',
      you_win: '你贏了！', you_lose: '你輸了', game_over: '遊戲結束', draw: '平手', your_turn: '輪到你了',
      computer_turn: '電腦思考中', player_1: '玩家一', player_2: '玩家二', level: '關卡', lives: '生命',
      time: '時間', moves: '步數', sound: '聲音', paused: '已暫停', tap_to_start: '點擊開始或按任意鍵' },
  });
  fg.t = function (key) {
    let s = typeof OVR[key] === 'string' && OVR[key] ? OVR[key] : TABLE[LANG][key] != null ? TABLE[LANG][key] : TABLE.en[key];
    s = s == null ? txt(key) : txt(s);
    for (let i = 1; i < arguments.length; i++) s = s.split('{' + (i - 1) + '}').join(txt(arguments[i]));
    return s;
  };

  /* ---------- params ---------- */
  fg.param = function (name, def, min, max) {
    const raw = P[name], v = Number(raw);
    if (raw === null || raw === '' || typeof raw === 'boolean' || !Number.isFinite(v)) return def;
    const c = clamp(v, min == null ? -Infinity : min, max == null ? Infinity : max);
    return Number.isInteger(def) ? Math.round(c) : c;
  };
  fg.option = (name, options, def) => (options.indexOf(P[name]) >= 0 ? P[name] : def);
  fg.items = function (defaults) {
    const got = Array.isArray(P.items) ? P.items.filter((s) => typeof s === 'string' || typeof s === 'number')
      .map((s) => txt(s).trim().slice(0, 80)).filter(Boolean).slice(0, 500) : [];
    return got.length ? got : (defaults || []).slice();
  };

  /* ---------- random (mulberry32) ---------- */
  let seed = Number.isFinite(Number(cfg.seed)) && cfg.seed !== null && cfg.seed !== '' ? Number(cfg.seed) >>> 0 : (Date.now() ^ (performance.now() * 1000)) >>> 0;
  fg.rng = function () {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  fg.int = (a, b) => a + Math.floor(fg.rng() * (b - a + 1));
  fg.pick = (list) => list[Math.floor(fg.rng() * list.length)];
  fg.shuffle = function (list) {
    const a = Array.from(list);
    for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(fg.rng() * (i + 1)); const t = a[i]; a[i] = a[j]; a[j] = t; }
    return a;
  };

  /* ---------- colours ---------- */
  function hex(c, d) {
    c = txt(c).trim();
    if (/^#[0-9a-f]{3}$/i.test(c)) c = '#' + c[1] + c[1] + c[2] + c[2] + c[3] + c[3];
    return /^#[0-9a-f]{6}$/i.test(c) ? c.toLowerCase() : d;
  }
  const rgb = (h) => { const n = parseInt(h.slice(1), 16); return [(n >> 16) & 255, (n >> 8) & 255, n & 255]; };
  fg.mix = (a, b, t) => { const x = rgb(a), y = rgb(b); return '#' + x.map((v, i) => Math.round(v + (y[i] - v) * t).toString(16).padStart(2, '0')).join(''); };
  fg.rgba = (h, a) => 'rgba(' + rgb(h).join(',') + ',' + a + ')';
  fg.lum = (h) => { const c = rgb(h); return (0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]) / 255; };
  const TH = cfg.theme && typeof cfg.theme === 'object' ? cfg.theme : {};
  const C = { primary: hex(TH.primary, '#6d28d9'), background: hex(TH.background, '#f5f3ff'), surface: hex(TH.surface, '#ffffff') };
  C.text = hex(TH.text, fg.lum(C.surface) > 0.5 ? '#1f1235' : '#f5f5f5');
  if (Math.abs(fg.lum(C.text) - fg.lum(C.surface)) < 0.4) C.text = fg.lum(C.surface) > 0.5 ? '#111111' : '#f5f5f5';
  C.on = fg.lum(C.primary) > 0.62 ? '#111111' : '#ffffff';
  C.soft = fg.mix(C.surface, C.primary, 0.1);
  C.line = fg.rgba(C.text, 0.14);
  fg.colors = C;
  // FG.font puts emoji first (pictures, items); FG.textFont is for words and numbers (an emoji font's digits are wide)
  fg.font = '"Apple Color Emoji","Segoe UI Emoji","Noto Color Emoji",system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif';
  fg.textFont = 'system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif';

  /* ---------- state, score, best ---------- */
  let status = 'ready', score = 0, best = 0, bestKey = '', bestMode = 'high', scoreName = 'score', sound = P.sound === true, audio = null;
  const mem = {}, restartFns = [], startFns = [], fitFns = [], els = {};
  function store(k, v) {
    try { if (v === undefined) return window.localStorage.getItem(k); window.localStorage.setItem(k, v); } catch (e) { /* no storage */ }
    if (v === undefined) return mem[k] == null ? null : mem[k];
    mem[k] = v; return null;
  }
  const game = {};
  Object.defineProperty(game, 'status', { get: () => status, enumerable: true });
  Object.defineProperty(game, 'score', { get: () => score, enumerable: true });
  Object.defineProperty(game, 'best', { get: () => best, enumerable: true });
  game.lang = LANG;
  window.__game = game;
  fg.expose = (obj) => Object.assign(game, obj || {});
  fg.status = () => status;
  fg.best = () => best;
  fg.getScore = () => score;
  function chip(name, value) { const b = els.chips && els.chips[name]; if (b) b.textContent = txt(value); }
  fg.hud = chip;
  function saveBest(n) { best = n; if (!cfg.bridge) store(bestKey, String(n)); chip('best', n || (bestMode === 'low' ? '–' : 0)); }
  fg.score = function (n) {
    score = Number(n) || 0; chip(scoreName, score);
    if (bestMode === 'high' && score > best) saveBest(score);
  };

  /* ---------- DOM ---------- */
  fg.el = function (tag, cls, text, parent) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = txt(text);
    if (parent) parent.appendChild(e);
    return e;
  };
  const CSS = '*{box-sizing:border-box;margin:0;padding:0}html,body{height:100%}' +
    'body{background:var(--bg);color:var(--tx);font:15px/1.35 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;display:flex;justify-content:center;align-items:flex-start;overflow:hidden;user-select:none;-webkit-user-select:none;-webkit-tap-highlight-color:transparent}' +
    '.fg{width:100%;max-width:var(--maxw);padding:8px;display:flex;flex-direction:column;gap:8px}' +
    '.fg-head{display:flex;align-items:center;gap:6px;background:var(--sf);border-radius:14px;padding:7px 10px;box-shadow:0 2px 10px var(--sh)}' +
    '.fg-head h1{font-size:16px;font-weight:750;flex:1;min-width:0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}' +
    '.fg-head.many{flex-wrap:wrap}.fg-head.many h1{flex-basis:100%}.fg-head.many .fg-chip{flex:1;min-width:0}' +
    '.fg-chip{background:var(--soft);border-radius:10px;padding:2px 8px;text-align:center;min-width:50px}' +
    '.fg-chip small{display:block;font-size:10px;opacity:.72;letter-spacing:.03em;white-space:nowrap}.fg-chip b{font-size:15px;font-variant-numeric:tabular-nums}' +
    '.fg-stage{position:relative;margin:0 auto;border-radius:16px;overflow:hidden;background:var(--sf);touch-action:none;box-shadow:0 2px 10px var(--sh)}' +
    '.fg-stage canvas{display:block}.fg-board{position:relative;width:100%;height:100%}' +
    '.fg-ov{position:absolute;inset:0;display:flex;align-items:center;justify-content:center;background:var(--veil);padding:14px;z-index:5}.fg-ov.hide{display:none}' +
    '.fg-ov.peek{background:none}.fg-ov.peek .fg-card{opacity:0;pointer-events:none}' +
    '.fg-card{background:var(--sf);border-radius:16px;padding:16px 20px;display:flex;flex-direction:column;align-items:center;gap:9px;text-align:center;box-shadow:0 6px 24px var(--sh);max-width:92%}' +
    '.fg-card .big{font-size:25px;font-weight:800;color:var(--pt)}.fg-card .sub{font-size:15px;opacity:.85}' +
    '.fg-ctl{display:flex;justify-content:center;gap:8px;flex-wrap:wrap}.fg-ctl.hide{display:none}' +
    '.fg-pad{display:grid;grid-template-columns:repeat(3,58px);grid-template-rows:repeat(2,50px);gap:6px}' +
    '.fg-ctl button{min-width:58px;min-height:48px;font-size:20px;padding:4px 12px;touch-action:manipulation}' +
    '.fg-foot{display:flex;align-items:center;gap:8px;padding:0 2px}.fg-msg{flex:1;font-size:13px;opacity:.8;min-width:0}' +
    'button{font:inherit;font-weight:700;border:0;border-radius:12px;padding:8px 16px;background:var(--p);color:var(--on);cursor:pointer;box-shadow:0 2px 8px var(--sh)}' +
    'button.alt{background:var(--soft);color:var(--tx)}button:active{transform:translateY(1px)}button:disabled{opacity:.45;cursor:default}';

  fg.mount = function (opts) {
    opts = opts || {};
    const name = txt(opts.name || 'game');
    bestMode = opts.best === 'low' ? 'low' : 'high';
    scoreName = txt(opts.score || 'score');
    bestKey = 'flash-best:' + name + ':' + txt(cfg.title);
    /* the app's own record of this visitor's best comes first; localStorage when the page runs alone */
    const kept = typeof cfg.best === 'number' && isFinite(cfg.best) && cfg.best >= 0 ? cfg.best : 0;
    best = cfg.bridge ? kept : Number(store(bestKey)) || 0;
    const rs = document.documentElement.style;
    const pt = Math.abs(fg.lum(C.primary) - fg.lum(C.surface)) > 0.25 ? C.primary : C.text;
    [['--p', C.primary], ['--bg', C.background], ['--sf', C.surface], ['--tx', C.text], ['--on', C.on], ['--pt', pt],
      ['--soft', C.soft], ['--line', C.line], ['--sh', fg.rgba(C.text, 0.12)], ['--veil', fg.rgba(C.surface, 0.55)],
      ['--maxw', Math.round(clamp(Number(opts.maxWidth) || 480, 240, 1200)) + 'px']].forEach((kv) => rs.setProperty(kv[0], kv[1]));
    document.documentElement.lang = LANG;
    document.title = txt(cfg.title);
    fg.el('style', '', CSS, document.head);
    const app = fg.el('div', 'fg', null, document.body);
    app.id = 'fg';
    const head = fg.el('header', 'fg-head', null, app);
    fg.el('h1', '', cfg.title, head);
    els.chips = {};
    const hud = Array.isArray(opts.hud) ? opts.hud : ['score', 'best'];
    head.classList.toggle('many', hud.length > 3);
    hud.forEach((h) => {
      const c = fg.el('div', 'fg-chip', null, head);
      c.dataset.hud = h;
      fg.el('small', '', fg.t(h), c);
      els.chips[h] = fg.el('b', '', h === 'best' ? (best || (bestMode === 'low' ? '–' : 0)) : 0, c);
    });
    const stage = fg.el('div', 'fg-stage', null, app);
    const view = { stage, canvas: null, ctx: null, size: { w: 300, h: 300 } };
    if (opts.board === 'dom') view.board = fg.el('div', 'fg-board', null, stage);
    else { view.canvas = fg.el('canvas', '', null, stage); view.ctx = view.canvas.getContext('2d'); }
    const ov = fg.el('div', 'fg-ov hide', null, stage);
    ov.dataset.fg = 'overlay';
    const card = fg.el('div', 'fg-card', null, ov);
    els.ov = ov; els.ovT = fg.el('div', 'big', '', card); els.ovS = fg.el('div', 'sub', '', card);
    els.ovB = fg.el('button', '', '', card);
    els.ovB.dataset.fg = 'ov-button';
    els.ovB.addEventListener('click', () => { if (els.ovAct) els.ovAct(); });
    ov.addEventListener('click', (e) => { if (e.target === ov && /^(won|lost|draw)$/.test(status)) ov.classList.toggle('peek'); });  // a look at the board
    const ctl = fg.el('div', 'fg-ctl', null, app);
    const list = opts.controls === 'dpad' ? [{ key: 'ArrowUp', label: '▲', at: 2 }, { key: 'ArrowLeft', label: '◀', at: 4 },
      { key: 'ArrowDown', label: '▼', at: 5 }, { key: 'ArrowRight', label: '▶', at: 6 }] : Array.isArray(opts.controls) ? opts.controls : [];
    const holder = opts.controls === 'dpad' ? fg.el('div', 'fg-pad', null, ctl) : ctl;
    list.forEach((c) => {
      const b = fg.el('button', 'alt', TABLE.en[c.label] != null ? fg.t(c.label) : c.label, holder);
      b.dataset.key = txt(c.key);
      if (c.at) b.style.gridArea = (c.at < 4 ? 1 : 2) + '/' + ((c.at - 1) % 3 + 1);
      b.addEventListener('pointerdown', (e) => { e.preventDefault(); keyDown(c.key, e); });
      ['pointerup', 'pointercancel', 'pointerleave'].forEach((t) => b.addEventListener(t, () => keyUp(c.key)));
    });
    ctl.classList.toggle('hide', !list.length);
    const foot = fg.el('footer', 'fg-foot', null, app);
    els.msg = fg.el('span', 'fg-msg', '', foot);
    els.snd = fg.el('button', 'alt', '', foot); els.snd.dataset.fg = 'sound';
    els.pause = fg.el('button', 'alt', fg.t('pause'), foot); els.pause.dataset.fg = 'pause';
    els.restart = fg.el('button', '', fg.t('restart'), foot); els.restart.dataset.fg = 'restart';
    els.snd.addEventListener('click', () => { sound = !sound; paintButtons(); if (sound) fg.beep(660, 60); });
    els.pause.addEventListener('click', () => (status === 'paused' ? fg.resume() : fg.pause()));
    els.restart.addEventListener('click', () => fg.restart());
    els.aspect = Number(opts.aspect) > 0 ? clamp(Number(opts.aspect), 0.3, 3) : opts.board === 'dom' ? 0 : 1;
    els.view = view; els.app = app;
    paintButtons();
    window.addEventListener('resize', layout);
    document.addEventListener('visibilitychange', () => { if (document.hidden) fg.pause(); });
    if (opts.intro) overlay(cfg.title, fg.t('tap_to_start'), fg.t('start'), () => fg.start());
    layout();
    setTimeout(layout, 0);
    return view;
  };
  function paintButtons() {
    if (!els.snd) return;
    els.snd.textContent = (sound ? '🔊 ' : '🔇 ') + fg.t('sound');
    els.snd.setAttribute('aria-pressed', String(sound));
    els.pause.textContent = fg.t(status === 'paused' ? 'resume' : 'pause');
    els.pause.disabled = status !== 'playing' && status !== 'paused';
  }
  function overlay(title, sub, label, act) {
    els.ovT.textContent = txt(title); els.ovS.textContent = txt(sub); els.ovB.textContent = txt(label);
    els.ovAct = act; els.ov.classList.remove('hide', 'peek');
  }
  fg.overlay = overlay;
  fg.hideOverlay = () => els.ov && els.ov.classList.add('hide');
  fg.msg = (s) => { if (els.msg) els.msg.textContent = txt(s); };
  function layout() {
    const v = els.view;
    if (!v) return;
    const used = els.app.offsetHeight - v.stage.offsetHeight + 4;
    const availH = Math.max(160, (window.innerHeight || 600) - used);
    const availW = Math.max(160, els.app.clientWidth - 16);
    let w = availW, h = availH;
    if (els.aspect) { w = Math.floor(Math.min(availW, availH / els.aspect)); h = Math.floor(w * els.aspect); }
    v.stage.style.width = w + 'px';
    if (els.aspect) v.stage.style.height = h + 'px';
    if (v.canvas) {
      const dpr = Math.min(3, window.devicePixelRatio || 1);
      v.canvas.width = Math.round(w * dpr); v.canvas.height = Math.round(h * dpr);
      v.canvas.style.width = w + 'px'; v.canvas.style.height = h + 'px';
      v.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    }
    v.size.w = w; v.size.h = h;
    fitFns.forEach((f) => f(w, h));
  }
  fg.fit = (cb) => { fitFns.push(cb); if (els.view) cb(els.view.size.w, els.view.size.h); };
  fg.layout = layout;

  /* ---------- flow ---------- */
  const live = () => status === 'ready' || status === 'playing';
  fg.onRestart = (fn) => restartFns.push(fn);
  fg.onStart = (fn) => startFns.push(fn);
  fg.start = function () {
    if (status !== 'ready') return;
    status = 'playing'; fg.hideOverlay(); paintButtons();
    startFns.forEach((f) => f());
  };
  fg.pause = function () {
    if (status !== 'playing') return;
    status = 'paused'; paintButtons();
    overlay(fg.t('paused'), fg.t(scoreName) + ' ' + score, fg.t('resume'), () => fg.resume());
  };
  fg.resume = function () {
    if (status !== 'paused') return;
    status = 'playing'; fg.hideOverlay(); paintButtons(); lastT = 0;
  };
  fg.restart = function () {
    status = 'ready'; fg.hideOverlay(); fg.score(0);
    restartFns.forEach((f) => f());
    fg.start();
  };
  /* tells the app around the page how a game ended, so it keeps the visitor's best (config.bridge: its token) */
  function report(st) {
    if (!cfg.bridge || window.parent === window) return;
    try { window.parent.postMessage({ flashGame: { token: txt(cfg.bridge), status: st, score: score, low: bestMode === 'low' } }, '*'); } catch (e) { /* no parent */ }
  }
  function end(st, title, sub) {
    if (status === 'won' || status === 'lost' || status === 'draw') return;
    status = st; paintButtons();
    if (bestMode === 'low' && st === 'won' && (!best || score < best)) saveBest(score);
    sub = sub != null ? sub : fg.t(scoreName) + ' ' + score + ' · ' + fg.t('best') + ' ' + (best || (bestMode === 'low' ? '–' : 0));
    overlay(title, sub, fg.t('restart'), () => fg.restart());
    report(st);
    fg.beep(st === 'won' ? 880 : st === 'lost' ? 220 : 440, 180);
  }
  fg.win = (text, sub) => end('won', text || fg.t('you_win'), sub);
  fg.lose = (text, sub) => end('lost', text || fg.t('game_over'), sub);
  fg.draw = (text, sub) => end('draw', text || fg.t('draw'), sub);

  /* ---------- input ---------- */
  const keyMap = {};
  function keyDown(key, e) {
    const fn = keyMap[key] || keyMap[txt(key).toLowerCase()];
    if (!fn) return false;
    if (status === 'ready') fg.start();
    if (status === 'playing') fn(e);
    return true;
  }
  document.addEventListener('keydown', (e) => {
    const tag = e.target && e.target.tagName;
    if (e.ctrlKey || e.metaKey || e.altKey || tag === 'INPUT' || tag === 'TEXTAREA' || !els.app) return;
    if (e.key === 'Escape') { e.preventDefault(); if (status === 'paused') fg.resume(); else fg.pause(); return; }
    if (e.key === 'Enter' && !live() && status !== 'paused') { e.preventDefault(); fg.restart(); return; }
    if ((e.key === 'Enter' || e.key === ' ') && status === 'ready') { e.preventDefault(); fg.start(); }
    if (keyDown(e.key, e)) e.preventDefault();
  });
  fg.onKey = (map) => Object.assign(keyMap, map || {});
  fg.key = keyDown;
  const upMap = {};
  function keyUp(key) { const fn = upMap[key] || upMap[txt(key).toLowerCase()]; if (fn) fn(); }
  fg.onKeyUp = function (map) {
    if (!Object.keys(upMap).length) document.addEventListener('keyup', (e) => keyUp(e.key));
    Object.assign(upMap, map || {});
  };
  fg.onSwipe = function (fn, el) {
    el = el || (els.view && els.view.stage) || document.body;
    let sx = 0, sy = 0, down = false;
    el.addEventListener('pointerdown', (e) => { down = true; sx = e.clientX; sy = e.clientY; });
    el.addEventListener('pointerup', (e) => {
      if (!down) return;
      down = false;
      const dx = e.clientX - sx, dy = e.clientY - sy;
      if (Math.max(Math.abs(dx), Math.abs(dy)) < 24 || !live()) return;
      if (status === 'ready') fg.start();
      fn(Math.abs(dx) > Math.abs(dy) ? (dx > 0 ? 'right' : 'left') : (dy > 0 ? 'down' : 'up'));
    });
  };
  fg.onTap = function (el, fn, opt) {
    opt = opt || {};
    let sx = 0, sy = 0;
    const fire = (e) => {
      if (!opt.always && !live()) return;
      if (!opt.always && status === 'ready') fg.start();
      const r = el.getBoundingClientRect();
      fn(e.clientX - r.left, e.clientY - r.top, e);
    };
    el.addEventListener('pointerdown', (e) => { sx = e.clientX; sy = e.clientY; if (opt.down) fire(e); });
    if (!opt.down) el.addEventListener('pointerup', (e) => { if (Math.abs(e.clientX - sx) + Math.abs(e.clientY - sy) < 16) fire(e); });
  };

  /* ---------- loop and sound ---------- */
  let lastT = 0;
  fg.loop = function (step, draw, hz) {
    const dt = 1000 / (hz || 60);
    let acc = 0;
    function frame(t) {
      if (status === 'playing') {
        acc += lastT ? clamp(t - lastT, 0, 250) : 0;
        while (acc >= dt && status === 'playing') { acc -= dt; if (step) step(dt); }
      } else acc = 0;
      lastT = status === 'playing' ? t : 0;
      if (draw) draw(t);
      window.requestAnimationFrame(frame);
    }
    window.requestAnimationFrame(frame);
  };
  fg.sound = () => sound;
  fg.beep = function (freq, ms) {
    if (!sound) return;
    try {
      const AC = window.AudioContext || window.webkitAudioContext;
      if (!AC) return;
      audio = audio || new AC();
      const o = audio.createOscillator(), g = audio.createGain(), t0 = audio.currentTime;
      o.frequency.value = freq || 440; g.gain.setValueAtTime(0.08, t0);
      g.gain.exponentialRampToValueAtTime(0.0001, t0 + (ms || 90) / 1000);
      o.connect(g); g.connect(audio.destination); o.start(t0); o.stop(t0 + (ms || 90) / 1000);
    } catch (e) { /* no audio */ }
  };
  return fg;
})();
