"""Secret-keeping tools: the Vigenère cipher and a password generator."""

from __future__ import annotations

import string

from generator.planner.lang import Tr
from generator.planner.patterns.base import expect, path, step
from generator.planner.patterns.calc_core import (
    Calc,
    CalcParts,
    calc_path,
    draw,
    error_path,
    flag,
    fn,
    msg,
    num,
    out,
    text,
)

__all__ = ["SECRETS"]


def _cipher(t: Tr) -> CalcParts:
    bad = msg(t, "The key needs at least one letter from a to z.", "密钥至少要有一个 a–z 的字母。")
    body = (
        "shifts = [ord(c) - 97 for c in key.lower() if c.isascii() and c.isalpha()]\n"
        f"if not shifts:\n    raise ValueError({bad})\nout, i = [], 0\nfor c in message:\n    if c.isascii() and "
        f"c.isalpha():\n"
        "        base = 65 if c.isupper() else 97\n        out.append(chr((ord(c) - base + SIGN * shifts[i % "
        "len(shifts)]) % 26 + base))\n"
        '        i += 1\n    else:\n        out.append(c)\nreturn "".join(out)'
    )
    enc = fn(
        "encrypted",
        t("The message encrypted with the Vigenère cipher.", "用维吉尼亚密码加密后的信息。"),
        "message:str, key:str",
        "str",
        body.replace("SIGN", "1"),
        [({"message": "ATTACKATDAWN", "key": "LEMON"}, "LXFOPVEFRNHR"), ({"message": "abc", "key": "d"}, "def")],
    )
    dec = fn(
        "decrypted",
        t("The message decrypted with the same key.", "用同一密钥解密后的信息。"),
        "message:str, key:str",
        "str",
        body.replace("SIGN * ", "-"),
        [({"message": "LXFOPVEFRNHR", "key": "LEMON"}, "ATTACKATDAWN")],
    )
    return CalcParts(
        t("Vigenère Cipher", "维吉尼亚密码"),
        t("Encrypt and decrypt secret messages with a keyword.", "用关键词加密和解密秘密信息。"),
        "🔐",
        "slate",
        [text("message", t("Message", "信息"), "ATTACK AT DAWN"), text("key", t("Key", "密钥"), "LEMON")],
        [out("encrypted", t("Encrypted", "密文")), out("decrypted", t("Decrypted", "解密"))],
        [enc, dec],
        [
            calc_path(
                "encrypt",
                t("ATTACKATDAWN with key LEMON becomes LXFOPVEFRNHR.", "ATTACKATDAWN 用 LEMON 加密得到 LXFOPVEFRNHR。"),
                {"message": "ATTACKATDAWN", "key": "LEMON"},
                {"encrypted": "LXFOPVEFRNHR"},
            ),
            error_path("no_key", t("A key without letters is refused.", "没有字母的密钥会被拒绝。"), {"key": "123"}),
        ],
        t(
            "Each letter is shifted by the matching letter of the key (A = 0, B = 1 …); a one-letter key is a Caesar "
            "cipher.",
            "每个字母按密钥中对应字母移位（A = 0、B = 1 …）；只有一个字母的密钥就是凯撒密码。",
        ),
    )


EXAMPLE_DRAW = "".join(f"{(n * 37 + 11) % 256:02x}" for n in range(128))
"""A fixed draw for the logic's examples; the app's own draws are ``secrets.token_hex(128)``."""


def _example_password(length: int, symbols: bool, draw: str) -> str:
    """What the app's logic computes for a given draw (kept here to write its example): each byte of the draw
    below the largest multiple of the pool's size picks one character (no bias), the rest are skipped."""
    pool = string.ascii_letters + string.digits + ("!@#$%^&*?" if symbols else "")
    limit = 256 - 256 % len(pool)
    values = [int(draw[at : at + 2], 16) for at in range(0, len(draw) - 1, 2)]
    return "".join(pool[v % len(pool)] for v in values if v < limit)[:length]


def _password(t: Tr) -> CalcParts:
    bad = msg(t, "Length must be between 4 and 64.", "长度必须在 4 到 64 之间。")
    again = msg(t, "Press New password again.", "请再点一次“换一个密码”。")
    head = (
        f"if not 4 <= length <= 64:\n    raise ValueError({bad})\n"
        'pool = string.ascii_letters + string.digits + ("!@#$%^&*?" if symbols else "")\n'
    )
    make = fn(
        "password",
        t(
            "A random password drawn from the app's secret draw; New password makes another.",
            "由应用的秘密随机数生成的密码；点“换一个密码”再生成。",
        ),
        "length:int, symbols:bool, draw:str",
        "str",
        head + "limit = 256 - 256 % len(pool)\n"
        "values = [int(draw[at : at + 2], 16) for at in range(0, len(draw) - 1, 2)]\n"
        'chosen = "".join(pool[v % len(pool)] for v in values if v < limit)\n'
        f"if len(chosen) < length:\n    raise ValueError({again})\n"
        "return chosen[:length]",
        [({"length": 12, "symbols": True, "draw": EXAMPLE_DRAW}, _example_password(12, True, EXAMPLE_DRAW))],
    )
    bits = fn(
        "strength",
        t("Entropy in bits (higher is stronger).", "熵值（位数越高越安全）。"),
        "length:int, symbols:bool",
        "int",
        head + "return round(length * math.log2(len(pool)))",
        [({"length": 12, "symbols": True}, 74), ({"length": 8, "symbols": False}, 48)],
    )
    return CalcParts(
        t("Password Generator", "密码生成器"),
        t("Make strong random passwords and see how strong they are.", "生成高强度随机密码，并显示安全强度。"),
        "🔑",
        "slate",
        [
            num("length", t("Length", "长度"), 12, "", 1),
            flag("symbols", t("Include symbols", "包含符号"), True),
            draw("draw", t("New password", "换一个密码")),
        ],
        [out("password", t("Password", "密码")), out("strength", t("Strength", "强度"), "bits", 0)],
        [make, bits],
        [
            path(
                "strong",
                t(
                    "A 12-character password with symbols is 12 long and has 74 bits.",
                    "12 位含符号密码长 12 位、强度 74 位。",
                ),
                [step("set", "calc__length", 12)],
                [expect("calc.password", 12, "len_eq"), expect("calc.strength", 74)],
            ),
            error_path("too_short", t("A 2-character password is refused.", "2 位密码会被拒绝。"), {"length": 2}),
        ],
    )


SECRETS: tuple[Calc, ...] = (
    Calc(
        "cipher",
        {
            "cipher": 10,
            "cypher": 10,
            "vigenere": 10,
            "caesar": 10,
            "encrypt": 8,
            "decrypt": 8,
            "加密": 10,
            "解密": 10,
            "密文": 10,
        },
        _cipher,
    ),
    Calc("password", {"password": 10, "密码生成": 10, "生成密码": 10, "随机密码": 10}, _password),
)
