"""Built-in question banks (English and simplified Chinese): science, photosynthesis, planets, math."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Bank", "Q", "BANKS_A"]


@dataclass(frozen=True)
class Q:
    en: str
    zh: str
    choices_en: tuple[str, ...]
    choices_zh: tuple[str, ...]
    answer: int
    why_en: str = ""
    why_zh: str = ""


@dataclass(frozen=True)
class Bank:
    name: str
    title: tuple[str, str]
    keywords: dict[str, float]
    icon: str
    questions: tuple[Q, ...]


SCIENCE = Bank(
    "science",
    ("General Science", "科学常识"),
    {"science": 6, "physics": 6, "chemistry": 6, "科学": 6, "物理": 6, "化学": 6},
    "🔬",
    (
        Q(
            "What is the chemical symbol for water?",
            "水的化学式是什么？",
            ("H2O", "CO2", "O2", "NaCl"),
            ("H2O", "CO2", "O2", "NaCl"),
            0,
            "Two hydrogen atoms and one oxygen atom.",
            "两个氢原子和一个氧原子。",
        ),
        Q(
            "Which gas do we breathe out?",
            "我们呼出的主要是哪种气体？",
            ("Oxygen", "Carbon dioxide", "Helium", "Nitrogen only"),
            ("氧气", "二氧化碳", "氦气", "只有氮气"),
            1,
            "Our cells turn oxygen and food into energy and carbon dioxide.",
            "细胞利用氧气和食物产生能量，并排出二氧化碳。",
        ),
        Q(
            "At what temperature does water boil at sea level?",
            "在海平面，水的沸点是多少？",
            ("50 °C", "90 °C", "100 °C", "120 °C"),
            ("50 °C", "90 °C", "100 °C", "120 °C"),
            2,
            "At normal air pressure water boils at 100 °C.",
            "在标准大气压下，水在 100 °C 沸腾。",
        ),
        Q(
            "What force pulls objects toward the Earth?",
            "是什么力把物体拉向地球？",
            ("Magnetism", "Friction", "Gravity", "Electricity"),
            ("磁力", "摩擦力", "重力", "电力"),
            2,
            "Gravity attracts masses to each other.",
            "重力使有质量的物体相互吸引。",
        ),
        Q(
            "What is the smallest unit of life?",
            "生命的最小单位是什么？",
            ("Atom", "Cell", "Organ", "Molecule"),
            ("原子", "细胞", "器官", "分子"),
            1,
            "All living things are made of cells.",
            "所有生物都由细胞构成。",
        ),
        Q(
            "Which of these is a conductor of electricity?",
            "下面哪种物质能导电？",
            ("Copper", "Rubber", "Wood", "Glass"),
            ("铜", "橡胶", "木头", "玻璃"),
            0,
            "Metals such as copper let electric current flow.",
            "铜等金属能让电流通过。",
        ),
    ),
)

PHOTOSYNTHESIS = Bank(
    "photosynthesis",
    ("Photosynthesis", "光合作用"),
    {
        "photosynthesis": 10,
        "chlorophyll": 8,
        "plant": 3,
        "biology": 4,
        "光合作用": 10,
        "叶绿素": 8,
        "植物": 3,
        "生物": 4,
    },
    "🌱",
    (
        Q(
            "What do plants make during photosynthesis?",
            "光合作用中植物制造了什么？",
            ("Glucose and oxygen", "Protein and water", "Salt and carbon", "Only heat"),
            ("葡萄糖和氧气", "蛋白质和水", "盐和碳", "只有热量"),
            0,
            "Light energy turns CO2 and water into glucose, releasing oxygen.",
            "光能把二氧化碳和水变成葡萄糖，同时释放氧气。",
        ),
        Q(
            "Which pigment captures light energy?",
            "哪种色素吸收光能？",
            ("Melanin", "Chlorophyll", "Hemoglobin", "Keratin"),
            ("黑色素", "叶绿素", "血红蛋白", "角蛋白"),
            1,
            "Chlorophyll in chloroplasts absorbs mostly red and blue light.",
            "叶绿体中的叶绿素主要吸收红光和蓝光。",
        ),
        Q(
            "Where in the cell does photosynthesis happen?",
            "光合作用在细胞的哪里进行？",
            ("Nucleus", "Mitochondria", "Chloroplast", "Cell wall"),
            ("细胞核", "线粒体", "叶绿体", "细胞壁"),
            2,
            "Chloroplasts hold the chlorophyll and the enzymes.",
            "叶绿体含有叶绿素和相关的酶。",
        ),
        Q(
            "Which gas do plants take in for photosynthesis?",
            "光合作用需要吸收哪种气体？",
            ("Oxygen", "Nitrogen", "Carbon dioxide", "Hydrogen"),
            ("氧气", "氮气", "二氧化碳", "氢气"),
            2,
            "CO2 enters through small pores in the leaves called stomata.",
            "二氧化碳从叶片上的气孔进入。",
        ),
        Q(
            "What else do plants need besides light and CO2?",
            "除了光和二氧化碳，还需要什么？",
            ("Water", "Sugar", "Salt", "Soil only"),
            ("水", "糖", "盐", "只要土壤"),
            0,
            "Roots take up water, which is split to release oxygen.",
            "根吸收水分，水被分解并释放出氧气。",
        ),
        Q(
            "Why are most leaves green?",
            "为什么大多数叶子是绿色的？",
            ("They absorb green light", "They reflect green light", "They are full of water", "They contain iron"),
            ("它们吸收绿光", "它们反射绿光", "它们充满水分", "它们含铁"),
            1,
            "Chlorophyll absorbs red and blue light and reflects green.",
            "叶绿素吸收红光和蓝光，反射绿光。",
        ),
    ),
)

PLANETS = Bank(
    "planets",
    ("The Solar System", "太阳系"),
    {
        "planet": 8,
        "solar system": 10,
        "space": 4,
        "astronomy": 8,
        "star": 3,
        "行星": 8,
        "太阳系": 10,
        "宇宙": 5,
        "天文": 8,
        "星球": 6,
    },
    "🪐",
    (
        Q(
            "Which planet is closest to the Sun?",
            "哪颗行星离太阳最近？",
            ("Venus", "Mercury", "Mars", "Earth"),
            ("金星", "水星", "火星", "地球"),
            1,
            "Mercury orbits the Sun in only 88 days.",
            "水星绕太阳一圈只要 88 天。",
        ),
        Q(
            "Which is the largest planet?",
            "最大的行星是哪颗？",
            ("Saturn", "Neptune", "Jupiter", "Earth"),
            ("土星", "海王星", "木星", "地球"),
            2,
            "Jupiter is more than 11 times as wide as Earth.",
            "木星的直径是地球的 11 倍多。",
        ),
        Q(
            "Which planet is known as the Red Planet?",
            "哪颗行星被称为“红色星球”？",
            ("Mars", "Venus", "Jupiter", "Uranus"),
            ("火星", "金星", "木星", "天王星"),
            0,
            "Iron oxide (rust) makes Mars look red.",
            "火星表面的氧化铁（铁锈）让它看起来是红色的。",
        ),
        Q(
            "How many planets are in the Solar System?",
            "太阳系有几颗行星？",
            ("7", "8", "9", "10"),
            ("7", "8", "9", "10"),
            1,
            "Since 2006 Pluto counts as a dwarf planet.",
            "自 2006 年起，冥王星被归为矮行星。",
        ),
        Q(
            "Which planet has the most famous rings?",
            "哪颗行星的光环最有名？",
            ("Mars", "Saturn", "Mercury", "Venus"),
            ("火星", "土星", "水星", "金星"),
            1,
            "Saturn's rings are made of ice and rock.",
            "土星环由冰和岩石组成。",
        ),
        Q(
            "What is the Sun?",
            "太阳是什么？",
            ("A planet", "A star", "A moon", "A comet"),
            ("行星", "恒星", "卫星", "彗星"),
            1,
            "The Sun is a medium-sized star.",
            "太阳是一颗中等大小的恒星。",
        ),
    ),
)


BANKS_A: tuple[Bank, ...] = (SCIENCE, PHOTOSYNTHESIS, PLANETS)
