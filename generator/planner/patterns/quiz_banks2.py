"""Built-in question banks (English and simplified Chinese): US history, world capitals, animals, general knowledge."""

from __future__ import annotations

from generator.planner.patterns.quiz_banks import Bank, Q

__all__ = ["BANKS_B", "GENERAL"]

US_HISTORY = Bank(
    "us_history",
    ("American History", "美国历史"),
    {
        "american history": 12,
        "us history": 12,
        "u.s. history": 12,
        "united states": 6,
        "president": 5,
        "civil war": 8,
        "independence": 5,
        "美国历史": 12,
        "美国": 5,
        "独立战争": 8,
        "南北战争": 8,
    },
    "🇺🇸",
    (
        Q(
            "In which year was the Declaration of Independence signed?",
            "《独立宣言》是哪一年签署的？",
            ("1776", "1789", "1812", "1865"),
            ("1776", "1789", "1812", "1865"),
            0,
            "It was adopted on July 4, 1776.",
            "它于 1776 年 7 月 4 日通过。",
        ),
        Q(
            "Who was the first President of the United States?",
            "美国第一任总统是谁？",
            ("Thomas Jefferson", "George Washington", "Abraham Lincoln", "John Adams"),
            ("托马斯·杰斐逊", "乔治·华盛顿", "亚伯拉罕·林肯", "约翰·亚当斯"),
            1,
            "Washington served from 1789 to 1797.",
            "华盛顿在 1789 至 1797 年任职。",
        ),
        Q(
            "Which war was fought between the North and the South?",
            "哪场战争发生在美国北方和南方之间？",
            ("The Revolutionary War", "The War of 1812", "The Civil War", "World War I"),
            ("独立战争", "1812 年战争", "南北战争", "第一次世界大战"),
            2,
            "The Civil War lasted from 1861 to 1865.",
            "南北战争从 1861 年持续到 1865 年。",
        ),
        Q(
            "Who issued the Emancipation Proclamation?",
            "谁发布了《解放黑人奴隶宣言》？",
            ("Abraham Lincoln", "Ulysses S. Grant", "Andrew Jackson", "Theodore Roosevelt"),
            ("亚伯拉罕·林肯", "尤利西斯·格兰特", "安德鲁·杰克逊", "西奥多·罗斯福"),
            0,
            "Lincoln issued it in 1863.",
            "林肯在 1863 年发布了它。",
        ),
        Q(
            "Which purchase doubled the size of the US in 1803?",
            "1803 年哪次购地让美国领土扩大了一倍？",
            ("Alaska Purchase", "Louisiana Purchase", "Gadsden Purchase", "Oregon Treaty"),
            ("购买阿拉斯加", "路易斯安那购地", "加兹登购地", "俄勒冈条约"),
            1,
            "The US bought the Louisiana territory from France.",
            "美国从法国买下了路易斯安那地区。",
        ),
        Q(
            "In which year did women gain the right to vote nationwide (19th Amendment)?",
            "美国女性在哪一年获得全国投票权（第十九修正案）？",
            ("1865", "1920", "1945", "1964"),
            ("1865", "1920", "1945", "1964"),
            1,
            "The 19th Amendment was ratified in 1920.",
            "第十九修正案于 1920 年批准。",
        ),
    ),
)

CAPITALS = Bank(
    "capitals",
    ("World Capitals", "世界首都"),
    {"capital": 8, "countries": 5, "country": 4, "geography": 8, "首都": 10, "国家": 4, "地理": 8},
    "🗺️",
    (
        Q(
            "What is the capital of Japan?",
            "日本的首都是哪里？",
            ("Osaka", "Kyoto", "Tokyo", "Seoul"),
            ("大阪", "京都", "东京", "首尔"),
            2,
        ),
        Q(
            "What is the capital of Australia?",
            "澳大利亚的首都是哪里？",
            ("Sydney", "Canberra", "Melbourne", "Perth"),
            ("悉尼", "堪培拉", "墨尔本", "珀斯"),
            1,
            "Canberra was built as a compromise between Sydney and Melbourne.",
            "堪培拉是悉尼和墨尔本折中选出的首都。",
        ),
        Q(
            "What is the capital of Canada?",
            "加拿大的首都是哪里？",
            ("Toronto", "Vancouver", "Ottawa", "Montreal"),
            ("多伦多", "温哥华", "渥太华", "蒙特利尔"),
            2,
        ),
        Q(
            "What is the capital of France?",
            "法国的首都是哪里？",
            ("Paris", "Lyon", "Marseille", "Nice"),
            ("巴黎", "里昂", "马赛", "尼斯"),
            0,
        ),
        Q(
            "What is the capital of Brazil?",
            "巴西的首都是哪里？",
            ("Rio de Janeiro", "São Paulo", "Brasília", "Salvador"),
            ("里约热内卢", "圣保罗", "巴西利亚", "萨尔瓦多"),
            2,
            "Brasília became the capital in 1960.",
            "巴西利亚在 1960 年成为首都。",
        ),
        Q(
            "What is the capital of Egypt?",
            "埃及的首都是哪里？",
            ("Cairo", "Alexandria", "Giza", "Luxor"),
            ("开罗", "亚历山大", "吉萨", "卢克索"),
            0,
        ),
    ),
)

ANIMALS = Bank(
    "animals",
    ("Amazing Animals", "神奇的动物"),
    {"animal": 8, "wildlife": 8, "llama": 6, "alpaca": 6, "zoo": 6, "mammal": 6, "动物": 8, "羊驼": 6, "动物园": 6},
    "🦙",
    (
        Q(
            "Where do llamas originally come from?",
            "羊驼（大羊驼）原产于哪里？",
            ("The Andes of South America", "Central Africa", "Australia", "Mongolia"),
            ("南美洲安第斯山脉", "非洲中部", "澳大利亚", "蒙古"),
            0,
            "Llamas were domesticated in the Andes thousands of years ago.",
            "大羊驼在数千年前于安第斯山脉被驯化。",
        ),
        Q(
            "What is the largest animal that has ever lived?",
            "有史以来最大的动物是什么？",
            ("African elephant", "Blue whale", "T. rex", "Giraffe"),
            ("非洲象", "蓝鲸", "霸王龙", "长颈鹿"),
            1,
            "Blue whales can be 30 m long.",
            "蓝鲸可以长达 30 米。",
        ),
        Q(
            "Which animal is a mammal?",
            "下面哪种动物是哺乳动物？",
            ("Shark", "Penguin", "Dolphin", "Frog"),
            ("鲨鱼", "企鹅", "海豚", "青蛙"),
            2,
            "Dolphins breathe air and feed their young with milk.",
            "海豚用肺呼吸，并用乳汁哺育幼崽。",
        ),
        Q(
            "How many legs does a spider have?",
            "蜘蛛有几条腿？",
            ("6", "8", "10", "12"),
            ("6", "8", "10", "12"),
            1,
            "Spiders are arachnids, not insects.",
            "蜘蛛是蛛形纲动物，不是昆虫。",
        ),
        Q(
            "What do pandas mostly eat?",
            "大熊猫主要吃什么？",
            ("Fish", "Bamboo", "Fruit", "Insects"),
            ("鱼", "竹子", "水果", "昆虫"),
            1,
            "Bamboo makes up about 99% of a panda's diet.",
            "竹子约占大熊猫食物的 99%。",
        ),
        Q(
            "Which bird cannot fly?",
            "哪种鸟不会飞？",
            ("Eagle", "Ostrich", "Parrot", "Swallow"),
            ("鹰", "鸵鸟", "鹦鹉", "燕子"),
            1,
            "Ostriches run up to 70 km/h instead.",
            "鸵鸟不会飞，但奔跑时速可达 70 公里。",
        ),
    ),
)

GENERAL = Bank(
    "general",
    ("General Knowledge", "综合知识"),
    {"general knowledge": 10, "trivia": 10, "常识": 10, "知识竞赛": 10},
    "🧠",
    (
        Q("How many continents are there?", "世界上有几个大洲？", ("5", "6", "7", "8"), ("5", "6", "7", "8"), 2),
        Q(
            "Which ocean is the largest?",
            "最大的大洋是哪个？",
            ("Atlantic", "Indian", "Arctic", "Pacific"),
            ("大西洋", "印度洋", "北冰洋", "太平洋"),
            3,
        ),
        Q(
            "How many days are in a leap year?",
            "闰年有多少天？",
            ("364", "365", "366", "367"),
            ("364", "365", "366", "367"),
            2,
        ),
        Q(
            "Which planet do we live on?",
            "我们住在哪颗行星上？",
            ("Mars", "Earth", "Venus", "Jupiter"),
            ("火星", "地球", "金星", "木星"),
            1,
        ),
        Q(
            "What is frozen water called?",
            "冻住的水叫什么？",
            ("Steam", "Ice", "Fog", "Dew"),
            ("水蒸气", "冰", "雾", "露水"),
            1,
        ),
        Q(
            "How many minutes are in an hour?",
            "一小时有多少分钟？",
            ("30", "60", "90", "100"),
            ("30", "60", "90", "100"),
            1,
        ),
    ),
)

BANKS_B: tuple[Bank, ...] = (US_HISTORY, CAPITALS, ANIMALS, GENERAL)
