"""What people keep collections of: books, recipes, movies, podcasts, bookmarks, contacts, jobs, profiles,
charities and reviews."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["F", "Kind", "_STATUS", "KINDS"]


F = tuple[str, str, str, str, tuple[list[str], list[str]] | None]  # name, type, English label, Chinese label, options


@dataclass(frozen=True)
class Kind:
    key: str
    words: dict[str, float]
    title: tuple[str, str]
    thing: tuple[str, str]
    icon: str
    theme: str
    fields: tuple[F, ...]
    category: str
    sample: str


_STATUS = (["To read", "Reading", "Read"], ["想读", "在读", "读完"])


KINDS: tuple[Kind, ...] = (
    Kind(
        "books",
        {"book": 6, "library": 5, "reading list": 8, "author": 4, "图书": 8, "书单": 8, "藏书": 8, "书籍": 8},
        ("My Library", "我的书架"),
        ("Book", "书"),
        "📚",
        "brown",
        (
            ("title", "text", "Title", "书名", None),
            ("author", "text", "Author", "作者", None),
            (
                "genre",
                "choice",
                "Genre",
                "类型",
                (
                    ["Novel", "Science", "History", "Biography", "Children", "Other"],
                    ["小说", "科普", "历史", "传记", "童书", "其他"],
                ),
            ),
            ("status", "choice", "Status", "状态", _STATUS),
            ("rating", "rating", "Rating", "评分", None),
        ),
        "status",
        "The Hobbit",
    ),
    Kind(
        "recipes",
        {"recipe": 8, "cook": 5, "ingredient": 6, "菜谱": 10, "食谱": 10, "做菜": 6},
        ("Recipe Book", "菜谱本"),
        ("Recipe", "菜谱"),
        "🍳",
        "orange",
        (
            ("title", "text", "Dish", "菜名", None),
            (
                "course",
                "choice",
                "Category",
                "分类",
                (
                    ["Breakfast", "Main", "Soup", "Dessert", "Snack", "Drink"],
                    ["早餐", "主菜", "汤", "甜点", "小吃", "饮品"],
                ),
            ),
            ("minutes", "int", "Minutes", "用时（分钟）", None),
            ("ingredients", "long_text", "Ingredients", "食材", None),
            ("steps", "long_text", "Instructions", "做法", None),
            ("rating", "rating", "Rating", "评分", None),
        ),
        "course",
        "Tomato soup",
    ),
    Kind(
        "movies",
        {"movie": 10, "film": 10, "watchlist": 8, "actor": 5, "电影": 10, "影单": 10, "观影": 8},
        ("Movie Watchlist", "观影清单"),
        ("Movie", "电影"),
        "🎬",
        "indigo",
        (
            ("title", "text", "Title", "片名", None),
            (
                "genre",
                "choice",
                "Genre",
                "类型",
                (
                    ["Drama", "Comedy", "Action", "Sci-fi", "Animation", "Documentary"],
                    ["剧情", "喜剧", "动作", "科幻", "动画", "纪录片"],
                ),
            ),
            ("year", "int", "Year", "年份", None),
            ("watched", "bool", "Watched", "已看", None),
            ("rating", "rating", "Rating", "评分", None),
        ),
        "genre",
        "Spirited Away",
    ),
    Kind(
        "podcasts",
        {"podcast": 10, "episode": 5, "播客": 10},
        ("Podcast Library", "播客收藏"),
        ("Podcast", "播客"),
        "🎧",
        "purple",
        (
            ("title", "text", "Podcast", "节目", None),
            ("host", "text", "Host", "主播", None),
            (
                "topic",
                "choice",
                "Topic",
                "主题",
                (
                    ["Tech", "News", "Comedy", "Education", "Business", "Other"],
                    ["科技", "新闻", "喜剧", "教育", "商业", "其他"],
                ),
            ),
            ("link", "text", "Link", "链接", None),
            ("rating", "rating", "Rating", "评分", None),
        ),
        "topic",
        "Radiolab",
    ),
    Kind(
        "bookmarks",
        {"bookmark": 10, "links": 5, "url": 5, "书签": 10, "收藏夹": 10, "网址": 8},
        ("Bookmarks", "书签管理"),
        ("Bookmark", "书签"),
        "🔖",
        "blue",
        (
            ("title", "text", "Title", "标题", None),
            ("link", "text", "URL", "网址", None),
            (
                "folder",
                "choice",
                "Collection",
                "收藏夹",
                (["Reading", "Work", "Tools", "Fun", "Other"], ["阅读", "工作", "工具", "娱乐", "其他"]),
            ),
            (
                "tags",
                "multi_choice",
                "Tags",
                "标签",
                (["important", "later", "reference", "tutorial"], ["重要", "稍后", "参考", "教程"]),
            ),
        ),
        "folder",
        "Python docs",
    ),
    Kind(
        "contacts",
        {"contact": 10, "address book": 10, "phone book": 8, "通讯录": 10, "联系人": 10},
        ("Contacts", "通讯录"),
        ("Contact", "联系人"),
        "📇",
        "teal",
        (
            ("title", "text", "Name", "姓名", None),
            ("phone", "text", "Phone", "电话", None),
            ("email", "text", "Email", "邮箱", None),
            (
                "group",
                "choice",
                "Group",
                "分组",
                (["Family", "Friends", "Work", "Other"], ["家人", "朋友", "同事", "其他"]),
            ),
        ),
        "group",
        "Ana Silva",
    ),
    Kind(
        "jobs",
        {"job": 8, "career": 6, "hiring": 8, "vacanc": 8, "招聘": 10, "职位": 10, "求职": 8},
        ("Job Board", "招聘看板"),
        ("Job", "职位"),
        "💼",
        "slate",
        (
            ("title", "text", "Job title", "职位", None),
            ("company", "text", "Company", "公司", None),
            (
                "discipline",
                "choice",
                "Discipline",
                "方向",
                (
                    ["Software", "Mechanical", "Electrical", "Civil", "Chemical", "Other"],
                    ["软件", "机械", "电气", "土木", "化工", "其他"],
                ),
            ),
            ("location", "text", "Location", "地点", None),
            ("salary", "int", "Salary", "薪资", None),
        ),
        "discipline",
        "Embedded engineer",
    ),
    Kind(
        "profiles",
        {"partner": 5, "profile": 6, "skill level": 8, "players": 3, "members": 3, "找搭子": 10, "球友": 10, "档案": 6},
        ("Player Finder", "找球友"),
        ("Player", "球友"),
        "🎾",
        "green",
        (
            ("title", "text", "Name", "名字", None),
            (
                "level",
                "choice",
                "Skill level",
                "水平",
                (["Beginner", "Intermediate", "Advanced", "Pro"], ["入门", "中级", "高级", "专业"]),
            ),
            ("location", "text", "Location", "地点", None),
            ("availability", "text", "Availability", "空闲时间", None),
        ),
        "level",
        "Sam",
    ),
    Kind(
        "charities",
        {"charity": 10, "charities": 10, "nonprofit": 8, "慈善": 10, "公益": 8},
        ("Charity Finder", "公益机构名录"),
        ("Charity", "机构"),
        "💝",
        "pink",
        (
            ("title", "text", "Charity", "机构", None),
            (
                "cause",
                "choice",
                "Cause",
                "领域",
                (
                    ["Education", "Health", "Environment", "Animals", "Poverty", "Disaster relief"],
                    ["教育", "医疗", "环保", "动物", "扶贫", "救灾"],
                ),
            ),
            ("country", "text", "Country", "国家/地区", None),
            ("link", "text", "Website", "网站", None),
            ("rating", "rating", "Rating", "评分", None),
        ),
        "cause",
        "Water for All",
    ),
    Kind(
        "reviews",
        {"review": 8, "peripheral": 6, "rating": 3, "测评": 10, "评测": 10, "点评": 8},
        ("Reviews", "测评合集"),
        ("Review", "测评"),
        "⭐",
        "amber",
        (
            ("title", "text", "Product", "产品", None),
            (
                "kind",
                "choice",
                "Category",
                "类别",
                (["Mice", "Keyboards", "Headsets", "Monitors", "Other"], ["鼠标", "键盘", "耳机", "显示器", "其他"]),
            ),
            ("price", "float", "Price", "价格", None),
            ("rating", "rating", "Score", "评分", None),
            ("verdict", "long_text", "Verdict", "结论", None),
        ),
        "kind",
        "Budget mouse X1",
    ),
)
