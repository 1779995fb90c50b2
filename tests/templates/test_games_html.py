"""Static and scripted checks for the game pages in templates/games/ (the classic ones; other groups test theirs).

A page is assembled as the app does it (templates/games/README.md, tests/games/game_support.page_html): the shared
runtime and the game's rules inlined at their placeholder comments, CONFIG as JSON with ``<``, ``>``, ``&``, U+2028
and U+2029 escaped.  Pages are embedded in Python ``r\"\"\"...\"\"\"`` strings and shown in a sandboxed iframe, so
they must be fully offline, must not break the raw string, and must survive without ``localStorage``.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from games.game_support import GAMES_DIR, RULES_DIR, RUNTIME, config_json, page_html
from support import unavailable

GAMES = ["snake", "memory", "g2048", "whack", "typing", "breakout", "tictactoe"]
PLACEHOLDER = "__FLASH_CONFIG__"
RUNTIME_PLACEHOLDER = "/*__FLASH_RUNTIME__*/"
LANGS = ("en", "zh-Hans", "zh-Hant")
# Params each game is documented to honour (read through FG.param / FG.option / FG.items).
EXPECTED_PARAMS = {
    "snake": {"items", "speed", "size", "target"},
    "memory": {"items", "size", "speed"},
    "g2048": {"size", "target", "speed"},
    "whack": {"items", "speed", "size", "duration_s", "target"},
    "typing": {"items", "duration_s"},
    "breakout": {"speed", "size", "lives"},
    "tictactoe": {"items", "players", "difficulty"},
}

EN = {
    "score": "Score", "best": "Best", "start": "Start", "restart": "Restart", "game_over": "Game over",
    "you_win": "You win!", "time_left": "Time", "moves": "Moves", "wpm": "WPM", "accuracy": "Accuracy",
    "pairs": "Pairs", "tap_to_start": "Tap to start", "level": "Level",
}  # fmt: skip
ZH = {
    "score": "得分", "best": "最佳", "start": "开始", "restart": "重新开始", "game_over": "游戏结束",
    "you_win": "你赢了！", "time_left": "剩余时间", "moves": "步数", "wpm": "每分钟字数", "accuracy": "准确率",
    "pairs": "配对", "tap_to_start": "点击开始", "level": "关卡",
}  # fmt: skip


def make_config(variant: str) -> dict:
    if variant == "en-default":
        params = {"items": [], "speed": "normal", "size": 4, "max_number": 100, "max_attempts": 3,
                  "duration_s": 30, "target": 2048, "players": 1, "difficulty": "normal"}  # fmt: skip
        return {
            "lang": "en",
            "title": "Fun game",
            "params": params,
            "strings": EN,
            "theme": {"primary": "#6c5ce7", "background": "#f4f1ff", "surface": "#ffffff", "text": "#1e1b2e"},
        }
    if variant == "zh-small":
        params = {"items": ["苹果", "香蕉", "🍒"], "speed": "slow", "size": 2, "max_number": 1, "max_attempts": 0,
                  "duration_s": 5, "target": 8, "players": 2, "difficulty": "easy", "lives": 1}  # fmt: skip
        return {
            "lang": "zh-Hans",
            "title": "小游戏 \"测试\" \\ '引号'",
            "params": params,
            "strings": ZH,
            "theme": {"primary": "#ffee00", "background": "#111111", "surface": "#222222", "text": "#fafafa"},
            "seed": 3,
        }
    # Hostile-ish: huge sizes, odd types, a title that tries to close the script tag, invalid colours.
    params = {"items": ["hello world", "👨‍👩‍👧", "x" * 400, None, {"a": 1}], "speed": "warp", "size": 10**9,
              "max_number": 10**6, "max_attempts": 99, "duration_s": -600, "target": "lots", "players": 7,
              "difficulty": ["hard"], "lives": 1e308, "sound": "yes"}  # fmt: skip
    return {
        "lang": "zh-Hant",
        "title": "</script><script>alert(1)</script> \u2028 & ok \u2029 /*__FLASH_RUNTIME__*/",
        "params": params,
        "strings": {"score": None, "best": 5, **EN},
        "theme": {"primary": "red", "background": "#abc", "surface": "", "text": "#GGGGGG"},
        "seed": "seven",
    }


VARIANTS = ["en-default", "zh-small", "hostile"]


def read(game: str) -> str:
    path = GAMES_DIR / f"{game}.html"
    assert path.is_file(), f"missing template {path}"
    return path.read_text(encoding="utf-8")


def inlined(game: str) -> list[tuple[str, str]]:
    """The texts a page carries besides its own: the runtime and, when there is one, its rules."""
    parts = [("runtime.js", RUNTIME.read_text(encoding="utf-8"))]
    rules = RULES_DIR / f"{game}.js"
    if rules.is_file():
        parts.append((rules.name, rules.read_text(encoding="utf-8")))
    return parts


def fill(game: str, config: dict) -> str:
    return page_html(game, config)


def script_body(html: str) -> str:
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script\s*>", html, flags=re.S | re.I)
    assert len(scripts) == 1, f"expected exactly one inline <script>, found {len(scripts)}"
    attrs, body = scripts[0]
    assert "src" not in attrs.lower(), "the script must be inline"
    return body


def node_or_skip() -> str:
    node = shutil.which("node")
    if node is None:
        unavailable("node is not installed (it checks the games' JavaScript)", "apt-get install -y nodejs")
    return node


@pytest.fixture(params=GAMES)
def game(request: pytest.FixtureRequest) -> str:
    return request.param


def test_is_complete_html_document(game: str) -> None:
    html = read(game)
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert html.rstrip().lower().endswith("</html>")
    assert len(re.findall(r"<style\b", html, flags=re.I)) <= 1
    assert '<meta name="viewport"' in html
    script_body(html)
    assert len(html.splitlines()) <= 400, "keep each game compact"


def test_placeholders_occur_once_config_first(game: str) -> None:
    html = read(game)
    assert html.count(PLACEHOLDER) == 1
    assert re.search(r"^\s*const CONFIG = __FLASH_CONFIG__;\s*$", html, flags=re.M)
    body = script_body(html)
    assert PLACEHOLDER in body and body.count(RUNTIME_PLACEHOLDER) == 1
    assert body.index(PLACEHOLDER) < body.index(RUNTIME_PLACEHOLDER), "the runtime reads CONFIG: it comes after"
    rules = RULES_DIR / f"{game}.js"
    assert body.count("/*__FLASH_RULES__*/") == (1 if rules.is_file() else 0)
    for name, text in inlined(game):
        assert PLACEHOLDER not in text and RUNTIME_PLACEHOLDER not in text, f"{name} holds a placeholder"


@pytest.mark.parametrize("variant", VARIANTS)
def test_embeddable_in_python_raw_triple_quoted_string(game: str, variant: str) -> None:
    for name, text in [(f"{game}.html", read(game)), *inlined(game), ("page", fill(game, make_config(variant)))]:
        assert '"""' not in text, name
        assert "\\\n" not in text, f"{name}: a backslash before a newline"
        assert not text.endswith("\\")
        # The real thing: the text must round-trip through r\"\"\"...\"\"\" unchanged.
        module = ast.parse('TEMPLATE = r"""' + text + ' """\n')
        value = module.body[0].value  # type: ignore[attr-defined]
        assert isinstance(value, ast.Constant)
        assert value.value == text + " ", name


def test_config_json_cannot_end_the_script() -> None:
    text = config_json(make_config("hostile"))
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in text
    assert json.loads(text) == make_config("hostile")


def test_no_external_resources_or_network(game: str) -> None:
    html = fill(game, make_config("en-default"))
    lower = html.lower()
    for needle in ("http://", "https://", "//cdn", "@import", "<link", "<img", "<iframe", "fetch(",
                   "xmlhttprequest", "websocket", "eventsource", "sendbeacon", "import(", "<base"):  # fmt: skip
        assert needle not in lower, f"{game}: found {needle!r}"
    for attr in re.findall(r"\b(?:src|href|srcset|poster|action)\s*=\s*['\"]?([^'\"\s>]*)", html, flags=re.I):
        assert attr.startswith(("data:", "#")), f"{game}: external reference {attr!r}"
    for url in re.findall(r"url\(\s*['\"]?([^'\")]*)", html, flags=re.I):
        assert url.startswith(("data:", "#")), f"{game}: external url({url!r})"


def test_no_dynamic_code_and_no_unseeded_randomness(game: str) -> None:
    body = script_body(fill(game, make_config("en-default")))
    assert not re.search(r"\beval\s*\(", body)
    assert not re.search(r"\bnew\s+Function\b", body)
    assert not re.search(r"\bFunction\s*\(", body)
    assert not re.search(r"\bset(?:Timeout|Interval)\s*\(\s*['\"`]", body), "string timers are eval"
    assert "document.write" not in body
    assert "Math.random" not in body, "random choices go through FG.rng so that CONFIG.seed fixes them"


def test_strings_come_from_the_runtime(game: str) -> None:
    body = script_body(read(game))
    assert "CONFIG.strings" not in body, f"{game}: read strings with FG.t(key)"
    assert "CONFIG.params" not in body, f"{game}: read params with FG.param / FG.option / FG.items"


def test_no_hard_coded_visible_text(game: str) -> None:
    html = read(game)
    body_markup = re.search(r"<body[^>]*>(.*)</body>", html, flags=re.S | re.I)
    assert body_markup
    markup = re.sub(r"<script\b.*?</script\s*>", "", body_markup.group(1), flags=re.S | re.I)
    visible = re.sub(r"<[^>]+>", " ", markup)
    assert not re.search(r"[A-Za-z]{2,}", visible), f"{game}: static text {visible.split()!r}"
    script = script_body(html)
    literal = re.findall(r"(?:textContent|innerText|innerHTML|placeholder)\s*=\s*['\"`]\s*[A-Za-z]{2,}", script)
    assert not literal, f"{game}: hard-coded UI text {literal}"
    assert not re.search(r"fillText\(\s*['\"`][A-Za-z]{2,}", script), f"{game}: hard-coded canvas text"
    made = re.findall(r"FG\.el\(\s*'[a-z0-9]+'\s*,\s*[^,]+,\s*['\"`]\s*[A-Za-z]{2,}", script)
    assert not made, f"{game}: hard-coded element text {made}"
    assert not re.search(r"FG\.(?:win|lose|draw|msg)\(\s*['\"`][A-Za-z]{2,}", script), f"{game}: hard-coded message"


def test_uses_theme_params_and_storage(game: str) -> None:
    runtime = RUNTIME.read_text(encoding="utf-8")
    for key in ("primary", "background", "surface", "text"):
        assert re.search(rf"TH\.{key}\b", runtime), f"runtime: theme.{key} unused"
    assert "localStorage" in runtime and runtime.count("try {") >= 2, "storage access must be wrapped in try/catch"
    body = script_body(read(game))
    assert "FG.mount(" in body, f"{game}: the page is built by FG.mount"
    for param in EXPECTED_PARAMS[game]:
        pattern = r"FG\.items\(" if param == "items" else rf"FG\.(?:param|option)\(\s*'{param}'"
        assert re.search(pattern, body), f"{game}: param {param} unused"


@pytest.mark.parametrize("variant", VARIANTS)
def test_script_parses_with_node_after_substitution(game: str, variant: str, tmp_path: Path) -> None:
    node = node_or_skip()
    html = fill(game, make_config(variant))
    assert html.lower().count("</script") == read(game).lower().count("</script"), "config escaped the script tag"
    js = tmp_path / f"{game}.js"
    js.write_text(script_body(html), encoding="utf-8")
    proc = subprocess.run([node, "--check", str(js)], capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr


# A tiny fake browser for node's vm: every DOM object is a permissive stub, timers and animation frames
# are driven by a fake clock, and listeners are fired with synthetic events.  Real defects (undefined
# names, calling methods on undefined config data, unguarded localStorage, console.error, infinite loops)
# surface as errors.  Events fire during the first quarter of the run; the quiet rest lets timed rounds end.
HARNESS = r"""
const vm = require('vm');
const fs = require('fs');
const [, , gamePath, storageMode] = process.argv;
const prelude = `
var __errors = [], __listeners = [], __timers = [], __raf = [], __now = 1000, __seq = 0, __storageKeys = [];
function __record(where, e) {
  __errors.push(where + ': ' + (e && e.name) + ': ' + (e && e.message) + ' @ ' +
    String((e && e.stack) || '').split('\\n').slice(1, 3).join(' / '));
}
function __stub(name) {
  const store = {}, calls = {};
  const fn = function () {};
  const proxy = new Proxy(fn, {
    get(t, k) {
      if (k === Symbol.toPrimitive) return (hint) => (hint === 'string' ? '' : 0);
      if (k === Symbol.iterator) return function* () {};
      if (k === 'then') return undefined;
      if (k === 'length') return 0;
      if (k === 'toString' || k === 'valueOf') return () => '';
      if (k === 'addEventListener') return (type, cb) => { if (typeof cb === 'function') __listeners.push([type, cb]); };
      if (k in store) return store[k];
      store[k] = __stub(name + '.' + String(k));
      return store[k];
    },
    set(t, k, v) { store[k] = v; return true; },
    has() { return true; },
    apply(t, self, args) {
      const key = String(args[0]);
      if (!(key in calls)) calls[key] = __stub(name + '()');
      return calls[key];
    },
    construct() { return __stub(name + ' instance'); },
  });
  return proxy;
}
globalThis.window = globalThis;
globalThis.self = globalThis;
globalThis.innerWidth = 360; globalThis.innerHeight = 520; globalThis.devicePixelRatio = 2;
globalThis.document = __stub('document');
for (const n of ['navigator', 'location', 'screen', 'getComputedStyle', 'matchMedia', 'ResizeObserver',
  'MutationObserver', 'Image', 'Audio', 'AudioContext', 'webkitAudioContext', 'Event', 'KeyboardEvent',
  'PointerEvent', 'CustomEvent', 'HTMLElement', 'Path2D', 'DOMRect', 'getSelection', 'focus', 'blur',
  'scrollTo']) globalThis[n] = __stub(n);
globalThis.performance = { now: () => __now };
globalThis.addEventListener = (type, cb) => { if (typeof cb === 'function') __listeners.push([type, cb]); };
globalThis.removeEventListener = () => {};
globalThis.console = { log() {}, info() {}, debug() {}, warn() {},
  error(...a) { __record('console.error', { name: 'ConsoleError', message: a.join(' ') }); } };
function __timer(fn, ms, every) {
  if (typeof fn !== 'function') { __record('timer', { name: 'TypeError', message: 'non-function timer' }); return 0; }
  const t = { id: ++__seq, at: __now + (Number(ms) || 0), fn, every: every ? Math.max(1, Number(ms) || 0) : null };
  __timers.push(t); return t.id;
}
function __clear(id) { __timers = __timers.filter((t) => t.id !== id); }
globalThis.setTimeout = (fn, ms) => __timer(fn, ms, false);
globalThis.setInterval = (fn, ms) => __timer(fn, ms, true);
globalThis.clearTimeout = __clear; globalThis.clearInterval = __clear;
globalThis.requestAnimationFrame = (fn) => { __raf.push(fn); return ++__seq; };
globalThis.cancelAnimationFrame = () => {};
var __mem = {}, __storageHits = 0;
const __storage = {
  getItem(k) { __storageKeys.push(String(k)); return k in __mem ? __mem[k] : null; },
  setItem(k, v) { __mem[k] = String(v); }, removeItem(k) { delete __mem[k]; },
};
for (const n of ['localStorage', 'sessionStorage']) {
  Object.defineProperty(globalThis, n, { get() {
    __storageHits++;
    if (STORAGE_MODE === 'throws') { const e = new Error('The document is sandboxed'); e.name = 'SecurityError'; throw e; }
    return __storage;
  } });
}
const KEYS = ['ArrowUp', 'ArrowLeft', 'ArrowDown', 'ArrowRight', ' ', 'Enter', 'a', 'd', 'w', 's', '1', '5', 'x'];
function __event(i) {
  const base = { key: KEYS[i % KEYS.length], clientX: 40 + (i * 37) % 280, clientY: 60 + (i * 53) % 300,
    isComposing: false, button: 0, pointerType: 'touch', preventDefault() {}, stopPropagation() {},
    target: __stub('target'), currentTarget: __stub('target') };
  base.touches = [{ clientX: base.clientX, clientY: base.clientY }];
  base.changedTouches = base.touches;
  return new Proxy(base, { get(t, k) { return k in t ? t[k] : __stub('event.' + String(k)); } });
}
function __fire(type, ev) {
  for (const [t, cb] of __listeners.slice()) {
    if (t !== type) continue;
    try { cb.call(ev.target, ev); } catch (e) { __record('event ' + type, e); }
  }
}
const TYPES = ['click', 'pointerdown', 'mousedown', 'touchstart', 'keydown', 'input', 'pointermove', 'mousemove',
  'touchmove', 'keyup', 'compositionstart', 'compositionend', 'resize', 'blur', 'focus'];
function __drive(rounds) {
  for (let r = 0; r < rounds; r++) {
    __now += 50;
    for (const t of __timers.filter((x) => x.at <= __now)) {
      if (!__timers.includes(t)) continue;
      if (t.every !== null) t.at = __now + t.every; else __clear(t.id);
      try { t.fn(); } catch (e) { __record('timer', e); }
    }
    const frames = __raf; __raf = [];
    for (const f of frames) { try { f(__now); } catch (e) { __record('animation frame', e); } }
    if (r < rounds / 4 && r % 5 === 2) {
      TYPES.forEach((type, j) => __fire(type, __event(r + j)));
      ['pointerup', 'mouseup', 'touchend'].forEach((type) => __fire(type, __event(r + 7)));
    }
    if (__listeners.length > 20000) { __record('listeners', { name: 'Leak', message: 'too many listeners' }); return; }
  }
}
`;
const ctx = vm.createContext({ STORAGE_MODE: storageMode });
vm.runInContext(prelude, ctx, { filename: 'prelude.js', timeout: 5000 });
try {
  vm.runInContext(fs.readFileSync(gamePath, 'utf8'), ctx, { filename: 'game.js', timeout: 5000 });
} catch (e) { ctx.__record('top-level', e); }
try { vm.runInContext('__drive(1400)', ctx, { timeout: 15000 }); } catch (e) { ctx.__record('drive', e); }
const types = Array.from(new Set(ctx.__listeners.map((l) => l[0])));
const texts = {};
if (ctx.FG && ctx.FG.texts) for (const l of Object.keys(ctx.FG.texts)) texts[l] = Object.keys(ctx.FG.texts[l]);
console.log(JSON.stringify({ errors: ctx.__errors, types, storageHits: ctx.__storageHits,
  storageKeys: ctx.__storageKeys, rafPending: ctx.__raf.length, texts, hasGame: !!ctx.__game }));
"""


@pytest.mark.parametrize(
    ("variant", "storage"), [("en-default", "throws"), ("zh-small", "works"), ("hostile", "throws")]
)
def test_runs_in_fake_browser_without_errors(game: str, variant: str, storage: str, tmp_path: Path) -> None:
    node = node_or_skip()
    config = make_config(variant)
    js = tmp_path / f"{game}.js"
    js.write_text(script_body(fill(game, config)), encoding="utf-8")
    harness = tmp_path / "harness.js"
    harness.write_text(HARNESS, encoding="utf-8")
    proc = subprocess.run([node, str(harness), str(js), storage], capture_output=True, text=True, timeout=120,
                          check=False)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["errors"] == [], "\n".join(result["errors"])
    assert result["storageHits"] > 0, "best score is never read from localStorage"
    if storage == "works":
        assert any(config["title"] in key for key in result["storageKeys"]), "best-score key must include the title"
    types = set(result["types"])
    assert "click" in types or "pointerdown" in types, f"{game}: no click/tap handling"
    if game in {"snake", "g2048", "breakout"}:
        assert "keydown" in types, f"{game}: no keyboard controls"
        assert "pointerdown" in types or "touchstart" in types, f"{game}: no touch controls"
    if game == "typing":
        assert "input" in types, "typing: no text input handling"
    assert result["hasGame"], f"{game}: window.__game is missing"
    script = script_body(read(game))
    used = set(re.findall(r"FG\.t\(\s*'([A-Za-z_0-9]+)'", script))
    for listed in re.findall(r"hud:\s*(?:[^\[\n]*\?\s*)?\[([^\]]*)\](?:\s*:\s*\[([^\]]*)\])?", script):
        used |= set(re.findall(r"'([A-Za-z_0-9]+)'", " ".join(listed)))
    used |= set(re.findall(r"\bscore:\s*'([A-Za-z_0-9]+)'", script))
    assert used, f"{game}: no strings found"
    for lang in LANGS:
        missing = used - set(result["texts"].get(lang, []))
        assert not missing, f"{game}: no {lang} text for {sorted(missing)}"
