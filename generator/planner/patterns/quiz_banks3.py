"""Built-in question bank (English and simplified Chinese): basic math."""

from __future__ import annotations

from generator.planner.patterns.quiz_banks import Bank, Q

__all__ = ["MATH"]


MATH = Bank(
    "math",
    ("Basic Math", "基础数学"),
    {
        "math": 8,
        "arithmetic": 8,
        "multiplication": 8,
        "times table": 8,
        "fraction": 6,
        "数学": 8,
        "乘法": 8,
        "口算": 8,
        "算术": 8,
        "分数": 4,
    },
    "➗",
    (
        Q(
            "What is 7 × 8?",
            "7 × 8 等于多少？",
            ("54", "56", "64", "48"),
            ("54", "56", "64", "48"),
            1,
            "7 × 8 = 56.",
            "7 × 8 = 56。",
        ),
        Q(
            "What is 144 ÷ 12?",
            "144 ÷ 12 等于多少？",
            ("11", "12", "13", "14"),
            ("11", "12", "13", "14"),
            1,
            "12 × 12 = 144.",
            "12 × 12 = 144。",
        ),
        Q(
            "What is half of 3/4?",
            "3/4 的一半是多少？",
            ("3/8", "3/2", "1/4", "6/8"),
            ("3/8", "3/2", "1/4", "6/8"),
            0,
            "Halving multiplies the denominator by 2.",
            "取一半就是分母乘以 2。",
        ),
        Q(
            "What is 25% of 80?",
            "80 的 25% 是多少？",
            ("15", "20", "25", "40"),
            ("15", "20", "25", "40"),
            1,
            "25% is a quarter: 80 ÷ 4 = 20.",
            "25% 就是四分之一：80 ÷ 4 = 20。",
        ),
        Q(
            "Which number is prime?",
            "下面哪个数是质数？",
            ("21", "27", "29", "33"),
            ("21", "27", "29", "33"),
            2,
            "29 can only be divided by 1 and itself.",
            "29 只能被 1 和它本身整除。",
        ),
        Q(
            "What is 15 + 27?",
            "15 + 27 等于多少？",
            ("32", "42", "41", "52"),
            ("32", "42", "41", "52"),
            1,
            "15 + 27 = 42.",
            "15 + 27 = 42。",
        ),
    ),
)
