"""Games: guess the number, tic-tac-toe and canvas games (snake, memory, 2048, whack-a-mole, typing,
breakout), themed by the idea's words."""

from __future__ import annotations

from flashapps.spec import AppSpec, Brief, GameComponent, GameParams, KeyPath, Screen, TextComponent
from generator.planner.patterns.base import Context, Match, Pattern, expect, path, step
from generator.planner.patterns.decks import DECKS

__all__ = ["PATTERN"]

KEYWORDS = {
    "game": 6,
    "play": 3,
    "puzzle": 4,
    "arcade": 6,
    "high score": 5,
    "level": 1,
    "player": 2,
    "游戏": 8,
    "小游戏": 6,
    "玩": 3,
    "闯关": 6,
    "消除": 6,
}
_THEMES: tuple[tuple[tuple[str, ...], list[str]], ...] = (
    (("fruit", "水果"), ["🍎", "🍌", "🍇", "🍓", "🍊", "🍉", "🍒", "🍍", "🥝", "🍑"]),
    (("animal", "pet", "zoo", "动物", "宠物"), ["🐶", "🐱", "🐭", "🐹", "🐰", "🦊", "🐻", "🐼", "🐨", "🐯"]),
    (("bug", "insect", "虫"), ["🐞", "🐜", "🐝", "🦋", "🐛", "🦗", "🐌", "🪲", "🦂", "🕷️"]),
    (("space", "planet", "star", "太空", "星球", "宇宙"), ["🚀", "🪐", "⭐", "🌙", "☄️", "👽", "🛸", "🌍", "🌞", "🔭"]),
    (("ocean", "sea", "fish", "海洋", "大海", "鱼"), ["🐟", "🐠", "🐙", "🦀", "🐳", "🐬", "🦈", "🐚", "🦑", "🐡"]),
    (
        ("food", "snack", "dessert", "美食", "零食", "甜点"),
        ["🍕", "🍔", "🍟", "🌮", "🍣", "🍩", "🍪", "🍦", "🧁", "🥨"],
    ),
    (("sport", "ball", "运动", "球"), ["⚽", "🏀", "🏈", "⚾", "🎾", "🏐", "🏓", "🏸", "🥊", "⛳"]),
    (("christmas", "holiday", "圣诞", "节日"), ["🎄", "🎅", "🎁", "⭐", "🔔", "❄️", "⛄", "🦌", "🕯️", "🍪"]),
    (("flower", "garden", "spring", "花", "春天"), ["🌸", "🌻", "🌷", "🌹", "🌼", "💐", "🌺", "🍀", "🌱", "🦋"]),
    (("vehicle", "car", "transport", "汽车", "交通"), ["🚗", "🚕", "🚌", "🚓", "🚑", "🚒", "🚜", "🚲", "✈️", "🚂"]),
)
_DEFAULT_EMOJI = ["🍎", "🐶", "⭐", "🚀", "🎈", "🌸", "⚽", "🎵", "🍩", "🐳"]
_WORDS = [
    "apple",
    "river",
    "garden",
    "planet",
    "rocket",
    "yellow",
    "friend",
    "summer",
    "pencil",
    "music",
    "window",
    "dragon",
    "silver",
    "castle",
    "orange",
    "forest",
]
_HOW = {
    "guess_number": (
        "I think of a number from 1 to {max_number}; you have {max_attempts} tries and I tell you higher or lower.",
        "我想好一个 1 到 {max_number} 之间的数，你有 {max_attempts} 次机会，我会提示大了还是小了。",
    ),
    "tic_tac_toe": (
        "You are X and play first; the app answers as O at once. Three in a row wins.",
        "你执 X 先走，应用执 O 立即应对。三子连成一线获胜。",
    ),
    "snake": (
        "Steer with the arrow keys (or swipe); eat to grow and don't bite your tail.",
        "用方向键（或滑动）控制方向；吃到东西会变长，别咬到自己。",
    ),
    "memory": (
        "Flip two cards at a time and find every matching pair in as few moves as possible.",
        "每次翻两张牌，用尽量少的步数找出所有配对。",
    ),
    "g2048": ("Slide the tiles; equal numbers merge. Reach {target}!", "滑动方块，相同数字会合并。冲向 {target}！"),
    "whack": (
        "Tap each mole as it pops up before it hides again: {duration_s} seconds on the clock.",
        "地鼠冒出来就快点它！限时 {duration_s} 秒。",
    ),
    "typing": (
        "Type each word as it appears; speed and accuracy make your score.",
        "单词出现时尽快打出来；速度和准确率决定得分。",
    ),
    "breakout": ("Move the paddle, bounce the ball and clear every brick.", "移动挡板反弹小球，打掉所有砖块。"),
}
_TITLES = {
    "guess_number": ("Guess the Number", "猜数字"),
    "tic_tac_toe": ("Tic-Tac-Toe", "井字棋"),
    "snake": ("Snake", "贪吃蛇"),
    "memory": ("Memory Match", "翻牌记忆"),
    "g2048": ("2048", "2048"),
    "whack": ("Whack-a-Mole", "打地鼠"),
    "typing": ("Typing Practice", "打字练习"),
    "breakout": ("Breakout", "打砖块"),
}
_ICONS = {
    "guess_number": "🔢",
    "tic_tac_toe": "⭕",
    "snake": "🐍",
    "memory": "🃏",
    "g2048": "🧩",
    "whack": "🔨",
    "typing": "⌨️",
    "breakout": "🧱",
}

_KINDS: dict[str, dict[str, float]] = {
    "memory": {
        "memory": 8,
        "memoriz": 8,
        "memoris": 8,
        "match": 5,
        "pairs": 6,
        "concentration": 6,
        "card game": 4,
        "记忆": 8,
        "翻牌": 10,
        "配对": 8,
        "连连看": 8,
    },
    "guess_number": {"guess": 8, "higher or lower": 10, "number game": 6, "shell": 4, "猜数": 10, "猜": 4},
    "tic_tac_toe": {
        "tic tac toe": 10,
        "tic-tac-toe": 10,
        "noughts": 10,
        "battleship": 4,
        "board game": 4,
        "井字": 10,
        "三子棋": 10,
        "五子棋": 6,
    },
    "snake": {"snake": 10, "贪吃蛇": 10},
    "g2048": {"2048": 10, "merge": 4, "tiles": 4, "sliding": 4, "合成": 6},
    "whack": {
        "whack": 10,
        "mole": 10,
        "reaction": 6,
        "reflex": 6,
        "tap": 3,
        "strength": 3,
        "strongman": 8,
        "carnival": 4,
        "打地鼠": 10,
        "反应": 6,
    },
    "typing": {"typing": 10, "type fast": 8, "keyboard": 4, "spell": 6, "words per minute": 8, "打字": 10, "拼写": 8},
    "breakout": {"breakout": 10, "brick": 8, "pong": 6, "paddle": 6, "打砖块": 10, "弹球": 6},
}


def _emoji(ctx: Context) -> list[str]:
    for words, emoji in _THEMES:
        if ctx.has(*words):
            return emoji
    return _DEFAULT_EMOJI


def _params(ctx: Context, game: str) -> GameParams:
    speed = (
        "slow"
        if ctx.has("slow", "easy", "kids", "children", "简单", "慢", "儿童", "小朋友")
        else ("fast" if ctx.has("fast", "hard", "challenging", "困难", "快") else "normal")
    )
    items: list[str] = []
    if game in ("memory", "whack", "snake"):
        items = _emoji(ctx)
    elif game == "typing":
        deck = next((d for d in DECKS if d.name == "vocabulary"), None)
        items = [c[0] for c in deck.cards] if deck and ctx.has("vocab", "word", "单词", "词汇", "spell") else _WORDS
    size = {"memory": 8, "g2048": 4, "snake": 16, "whack": 3}.get(game, 4)
    return GameParams(items=items, speed=speed, size=size)


def _paths(ctx: Context, game: str) -> list[KeyPath]:
    t = ctx.t
    if game == "guess_number":
        return [
            path(
                "first_guess",
                t("I make a guess and it counts as an attempt.", "我猜一次，次数加一。"),
                [step("set", "game__guess", 50), step("click", "game__try")],
                [expect("game.attempts", 1), expect("game.status", ["playing", "won"], "in")],
            ),
            path(
                "new_round",
                t("A new round starts with no attempts.", "新一局从零次开始。"),
                [step("click", "game__new")],
                [expect("game.attempts", 0), expect("game.status", "playing")],
            ),
        ]
    if game == "tic_tac_toe":
        return [
            path(
                "centre_move",
                t("I take the centre and the app answers in a corner.", "我下在中间，应用下在角上。"),
                [step("click", "game__cell4")],
                [expect("game.moves", 2), expect("game.board", "O...X...."), expect("game.status", "playing")],
            ),
            path(
                "new_game",
                t("New game clears the board.", "新游戏清空棋盘。"),
                [step("click", "game__cell0"), step("click", "game__new")],
                [expect("game.moves", 0)],
            ),
        ]
    return [
        path(
            "record_score",
            t("I record a score of 120 and it becomes the best.", "我记录 120 分，它成为最高分。"),
            [step("set", "game__player", "Ana"), step("set", "game__score", 120), step("click", "game__save")],
            [expect("game.best", 120), expect("game.plays", 1)],
        ),
        path(
            "best_stays",
            t("A lower score does not replace the best one.", "更低的分数不会替换最高分。"),
            [
                step("set", "game__score", 90),
                step("click", "game__save"),
                step("set", "game__score", 40),
                step("click", "game__save"),
            ],
            [expect("game.best", 90), expect("game.plays", 2)],
        ),
    ]


def build(ctx: Context) -> AppSpec:
    t = ctx.t
    name, found = _pick(ctx)
    name = name if found.score else "memory"
    params = _params(ctx, name)
    title = t(*_TITLES[name])
    component = GameComponent(id="game", title=title, game=name, params=params)
    values = params.model_dump()
    how = t(*_HOW[name]).format(**values)
    screen = Screen(
        name="play",
        title=t("Play", "开始玩"),
        icon=_ICONS[name],
        components=[component, TextComponent(id="how", body=how)],
    )
    brief = Brief(
        title=title,
        value=how.split(";")[0].split("；")[0].rstrip("。.") + t(".", "。"),
        audience=t("Players of all ages", "所有年龄的玩家"),
        language=ctx.language,
        icon=_ICONS[name],
        kind="game",
        category="game",
        inputs=[t("moves", "操作")],
        feedback=[t("score and best score", "得分和最高分")],
        theme=ctx.theme("purple"),
    )
    return AppSpec(brief=brief, screens=[screen], key_paths=_paths(ctx, name))


def _pick(ctx: Context) -> tuple[str, Match]:
    """The game whose words fit best (memory on a tie at zero)."""
    scored = [(ctx.match(words), name) for name, words in _KINDS.items()]
    found, name = max(scored, key=lambda s: s[0].score)
    return name, found


def score(ctx: Context) -> Match:
    _, found = _pick(ctx)
    return ctx.match(KEYWORDS) + Match(found.score * 0.8, found.words)


PATTERN = Pattern(
    name="game", label_en="game", label_zh="小游戏", score=score, build=build, hint_en="game", hint_zh="游戏"
)
