"""Passphrases: N words from a reviewed list of plain, friendly English words, joined by the separator the idea
names, optionally capitalised and ended with a number."""

from __future__ import annotations

import math
import re

from generator.planner.patterns.base import Context
from generator.planner.patterns.calc_core import (
    Calc,
    CalcParts,
    calc_path,
    choice,
    draw,
    error_path,
    flag,
    fn,
    msg,
    num,
    out,
)
from generator.planner.patterns.calc_reading import count_of
from generator.planner.patterns.calc_secret import EXAMPLE_DRAW

__all__ = ["PHRASES", "WORDS"]

# Short everyday words: no names, no brands, nothing rude or sad; easy to spell and to type.
_WORD_TEXT = (
    "acorn actor album amber anchor angle apple apron arrow atlas attic autumn bacon badge bagel bakery balloon "
    "bamboo banjo barley basket beacon beaver berry bicycle biscuit blanket blossom bonnet border bottle bracket "
    "branch breeze brick bridge brook bubble bucket buffalo bugle bundle butter button cabin cactus camera camel "
    "candle canoe canyon carpet carrot castle cattle cedar cello chalk cherry chess chimney cider circle citrus "
    "clover cobalt cocoa comet compass copper coral cotton cousin coyote cradle crayon cricket crystal cupcake "
    "dahlia daisy dancer denim desert diamond dinner dolphin donkey dragon drawer dream drum eagle easel echo "
    "elbow ember engine falcon feather fence fern fiddle field fig flag flannel flute forest fossil fountain fox "
    "garden garlic gazelle geyser ginger glacier globe gopher granite grape gravel guitar hammock harbor harvest "
    "hazel hedge helmet heron hickory honey horizon island ivory jacket jasmine jelly jigsaw jungle kayak kettle "
    "kitten koala ladder lagoon lantern laurel lemon lentil library lilac lime linen lobster locket lotus magnet "
    "mango maple marble meadow melon mitten monkey mosaic muffin mural nectar noodle nutmeg oasis ocean olive "
    "onion orange orbit orchid otter oyster paddle pancake panda paper parrot pastel peach peanut pebble pelican "
    "pepper piano pickle pillow pine planet plum pocket polka pony poppy potato prairie pretzel puffin pumpkin "
    "puzzle quartz quilt rabbit radar radish rain raisin raven ribbon river robin rocket saddle saffron salmon "
    "sandal satin scarf shell sketch sleigh slipper snow sparrow spinach sponge spruce squash stamp station "
    "studio summer sunset swan table tango teapot thimble thistle ticket tiger timber toast tomato topaz tractor "
    "trumpet tulip tunnel turnip turtle umbrella valley velvet violin wagon walnut walrus whistle willow window "
    "winter wizard yogurt zebra zephyr zigzag"
)
WORDS = tuple(_WORD_TEXT.split())

_SEPARATORS = (
    ("-", r"dash|hyphen|横线|连字符|短横|减号", ("- (dash)", "-（横线）")),
    (" ", r"space|空格", ("space", "空格")),
    (".", r"\bdots?\b|period|full stop|点号|句点|用点|点隔|点连接|点分隔", (". (dot)", ".（点）")),
    ("_", r"underscore|下划线|底线", ("_ (underscore)", "_（下划线）")),
    ("", r"no separator|nothing between|不分隔|直接连", ("none", "不分隔")),
)


def _phrase(words: int, separator: str, capital: bool, digits: bool, draw: str) -> str:
    """What the app's logic computes for a given draw (kept here to write its examples): each two bytes of the
    draw below the largest multiple of the list's size pick a word (no bias); the last two pick the number."""
    limit = 65536 - 65536 % len(WORDS)
    values = [int(draw[at : at + 4], 16) for at in range(0, len(draw) - 3, 4)]
    chosen = [WORDS[v % len(WORDS)] for v in values[:-1] if v < limit][:words]
    if capital:
        chosen = [w.capitalize() for w in chosen]
    if digits:
        chosen.append(str(values[-1] % 90 + 10))
    return separator.join(chosen)


def _passphrase(ctx: Context) -> CalcParts:
    t = ctx.t
    count = count_of(ctx.idea, r"words", "个单词|个词|单词|个字") or 4
    count = max(2, min(count, 12))
    found = next((i for i, (_, words, _) in enumerate(_SEPARATORS) if re.search(words, ctx.text)), 0)
    labels = [t(*label) for _, _, label in _SEPARATORS]
    marks = {label: mark for label, (mark, _, _) in zip(labels, _SEPARATORS, strict=True)}
    digits = bool(re.search(r"\bnumbers?\b|\bdigits?\b|数字", ctx.text)) or not ctx.text
    capital = bool(re.search(r"capital|uppercase|大写", ctx.text))
    bad = msg(t, "Choose between 2 and 12 words.", "请选择 2 到 12 个单词。")
    again = msg(t, "Press New passphrase again.", "请再点一次“换一个”。")
    head = (
        f"if not 2 <= words <= 12:\n    raise ValueError({bad})\n"
        f"mark = {marks!r}.get(separator, separator)\n"
        f"pool = {list(WORDS)!r}\n"
        "limit = 65536 - 65536 % len(pool)\n"
        "values = [int(draw[at : at + 4], 16) for at in range(0, len(draw) - 3, 4)]\n"
        "chosen = [pool[v % len(pool)] for v in values[:-1] if v < limit][:words]\n"
        f"if len(chosen) < words:\n    raise ValueError({again})\n"
    )
    body = (
        head + "if capital:\n    chosen = [w.capitalize() for w in chosen]\n"
        "if digits:\n    chosen.append(str(values[-1] % 90 + 10))\n"
        "return mark.join(chosen)"
    )
    params = "words:int, separator:str, capital:bool, digits:bool, draw:str"
    sample = {"words": count, "separator": labels[found], "capital": capital, "digits": digits, "draw": EXAMPLE_DRAW}
    other = {**sample, "words": 3, "separator": labels[0], "capital": True, "digits": True, "draw": EXAMPLE_DRAW[::-1]}
    phrase = fn(
        "phrase",
        t(
            "A passphrase of random words from the app's secret draw; New passphrase makes another.",
            "由应用的秘密随机数抽取单词组成的密码短语；点“换一个”再生成。",
        ),
        params,
        "str",
        body,
        [
            (sample, _phrase(count, _SEPARATORS[found][0], capital, digits, EXAMPLE_DRAW)),
            (other, _phrase(3, "-", True, True, EXAMPLE_DRAW[::-1])),
        ],
    )
    bits = fn(
        "strength",
        t("Entropy in bits (higher is stronger).", "熵值（位数越高越安全）。"),
        "words:int, digits:bool",
        "int",
        f"if not 2 <= words <= 12:\n    raise ValueError({bad})\n"
        f"return round(words * math.log2({len(WORDS)}) + (math.log2(90) if digits else 0))",
        [({"words": 4, "digits": False}, 32), ({"words": 5, "digits": True}, 47)],
    )
    return CalcParts(
        t("Passphrase Generator", "密码短语生成器"),
        t(
            f"Memorable passphrases of {count} random words.",
            f"由 {count} 个随机单词组成、好记又安全的密码短语。",
        ),
        "🔐",
        "slate",
        [
            num("words", t("Words", "单词数"), count, "", 1),
            choice("separator", t("Between words", "分隔符"), labels, labels[found]),
            flag("capital", t("Capitalise each word", "首字母大写"), capital),
            flag("digits", t("Add a number at the end", "末尾加数字"), digits),
            draw("draw", t("New passphrase", "换一个")),
        ],
        [out("phrase", t("Passphrase", "密码短语")), out("strength", t("Strength", "强度"), t("bits", "位"), 0)],
        [phrase, bits],
        [
            calc_path(
                "sample_phrase",
                t(f"{count} words joined the chosen way.", f"{count} 个单词按所选方式连接。"),
                {key: value for key, value in sample.items() if key != "draw"},  # the draw stays the app's secret
                {"strength": round(count * math.log2(len(WORDS)) + (math.log2(90) if digits else 0))},
            ),
            error_path("one_word", t("A single word is refused.", "只有 1 个单词会被拒绝。"), {"words": 1}),
        ],
        t(
            f"Words come from a list of {len(WORDS)} plain English words; every word adds about 8 bits. "
            "Press New passphrase for another; nobody else gets the same one by choosing the same settings.",
            f"单词取自 {len(WORDS)} 个常用英文单词；每多一个单词增加约 8 位强度。点“换一个”即可得到新的密码短语，"
            "别人选同样的设置也得不到同一个。",
        ),
    )


PHRASES: tuple[Calc, ...] = (
    Calc.reading(
        "passphrase",
        {
            "passphrase": 12,
            "pass phrase": 12,
            "diceware": 12,
            "random words": 8,
            "words joined": 8,
            "密码短语": 14,
            "口令短语": 14,
            "单词密码": 12,
        },
        _passphrase,
    ),
)
