"""Unit families for the converter: units with factors (and offsets), sample conversions and notes."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["U", "Family", "FAMILIES", "UNIT_NOTES"]


U = tuple[str, str, str, float, float]  # name, English label, Chinese label, factor, offset


@dataclass(frozen=True)
class Family:
    name: str
    keywords: dict[str, float]
    title: tuple[str, str]
    icon: str
    theme: str
    units: tuple[U, ...]
    sample: tuple[float, str, str, float]  # value, from, to, expected
    decimals: int = 4


FAMILIES: tuple[Family, ...] = (
    Family(
        "length",
        {
            "length": 6,
            "distance": 5,
            "meter": 4,
            "inch": 6,
            "feet": 6,
            "mile": 5,
            "长度": 8,
            "距离": 6,
            "英寸": 8,
            "英尺": 8,
        },
        ("Length Converter", "长度换算"),
        "📏",
        "blue",
        (
            ("m", "Metres", "米", 1, 0),
            ("km", "Kilometres", "公里", 1000, 0),
            ("cm", "Centimetres", "厘米", 0.01, 0),
            ("mm", "Millimetres", "毫米", 0.001, 0),
            ("inch", "Inches", "英寸", 0.0254, 0),
            ("ft", "Feet", "英尺", 0.3048, 0),
            ("yd", "Yards", "码", 0.9144, 0),
            ("mi", "Miles", "英里", 1609.344, 0),
        ),
        (5, "km", "mi", 3.1069),
    ),
    Family(
        "weight",
        {"weight": 4, "mass": 6, "pound": 6, "ounce": 6, "kilogram": 6, "重量": 8, "磅": 6, "公斤": 4, "斤": 4},
        ("Weight Converter", "重量换算"),
        "⚖️",
        "teal",
        (
            ("kg", "Kilograms", "公斤", 1, 0),
            ("g", "Grams", "克", 0.001, 0),
            ("jin", "Jin (500 g)", "斤", 0.5, 0),
            ("lb", "Pounds", "磅", 0.45359237, 0),
            ("oz", "Ounces", "盎司", 0.028349523, 0),
            ("t", "Tonnes", "吨", 1000, 0),
        ),
        (10, "kg", "lb", 22.0462),
    ),
    Family(
        "temperature",
        {"temperature": 3, "celsius": 10, "fahrenheit": 10, "kelvin": 10, "温度": 8, "摄氏": 10, "华氏": 10},
        ("Temperature Converter", "温度换算"),
        "🌡️",
        "red",
        (
            ("c", "Celsius (°C)", "摄氏度（°C）", 1, 0),
            ("f", "Fahrenheit (°F)", "华氏度（°F）", 5 / 9, -32),
            ("k", "Kelvin (K)", "开尔文（K）", 1, -273.15),
        ),
        (100, "c", "f", 212.0),
        2,
    ),
    Family(
        "volume",
        {"volume": 8, "litre": 6, "liter": 6, "gallon": 8, "cup": 3, "fl oz": 6, "容量": 8, "体积": 8, "毫升": 5},
        ("Volume Converter", "容量换算"),
        "🧪",
        "sky",
        (
            ("ml", "Millilitres", "毫升", 1, 0),
            ("l", "Litres", "升", 1000, 0),
            ("cup", "Cups", "杯", 240, 0),
            ("floz", "US fl oz", "美制液体盎司", 29.5735, 0),
            ("gal", "US gallons", "美制加仑", 3785.41, 0),
            ("tbsp", "Tablespoons", "汤匙", 14.7868, 0),
            ("tsp", "Teaspoons", "茶匙", 4.92892, 0),
        ),
        (2, "cup", "ml", 480.0),
    ),
    Family(
        "area",
        {"area": 8, "square": 5, "acre": 8, "hectare": 8, "面积": 8, "平方": 6, "亩": 8},
        ("Area Converter", "面积换算"),
        "🗺️",
        "green",
        (
            ("m2", "Square metres", "平方米", 1, 0),
            ("km2", "Square kilometres", "平方公里", 1e6, 0),
            ("ha", "Hectares", "公顷", 1e4, 0),
            ("acre", "Acres", "英亩", 4046.8564, 0),
            ("ft2", "Square feet", "平方英尺", 0.09290304, 0),
            ("mu", "Mu", "亩", 666.6667, 0),
        ),
        (1, "ha", "m2", 10000.0),
    ),
    Family(
        "speed",
        {"speed": 8, "km/h": 8, "mph": 8, "knot": 8, "速度": 8, "时速": 8},
        ("Speed Converter", "速度换算"),
        "🏎️",
        "orange",
        (
            ("kmh", "km/h", "公里/小时", 1, 0),
            ("ms", "m/s", "米/秒", 3.6, 0),
            ("mph", "mph", "英里/小时", 1.609344, 0),
            ("kn", "Knots", "节", 1.852, 0),
        ),
        (100, "kmh", "mph", 62.1371),
    ),
    Family(
        "time",
        {"seconds": 5, "minutes": 3, "hours": 3, "time unit": 8, "时间换算": 10, "秒": 3},
        ("Time Converter", "时间换算"),
        "⏱️",
        "purple",
        (
            ("s", "Seconds", "秒", 1, 0),
            ("min", "Minutes", "分钟", 60, 0),
            ("h", "Hours", "小时", 3600, 0),
            ("d", "Days", "天", 86400, 0),
            ("wk", "Weeks", "周", 604800, 0),
        ),
        (2, "h", "min", 120.0),
    ),
    Family(
        "data",
        {
            "byte": 8,
            "megabyte": 10,
            "gigabyte": 10,
            "data size": 10,
            "file size": 8,
            "mb": 4,
            "gb": 4,
            "字节": 10,
            "存储": 5,
        },
        ("Data Size Converter", "数据大小换算"),
        "💾",
        "slate",
        (
            ("b", "Bytes", "字节", 1, 0),
            ("kb", "Kilobytes (KB)", "千字节（KB）", 1024, 0),
            ("mb", "Megabytes (MB)", "兆字节（MB）", 1024**2, 0),
            ("gb", "Gigabytes (GB)", "吉字节（GB）", 1024**3, 0),
            ("tb", "Terabytes (TB)", "太字节（TB）", 1024**4, 0),
        ),
        (2, "gb", "mb", 2048.0),
    ),
    Family(
        "currency",
        {
            "currency": 10,
            "exchange": 8,
            "dollar": 3,
            "euro": 6,
            "yen": 6,
            "rmb": 6,
            "汇率": 10,
            "货币": 10,
            "换汇": 10,
            "美元": 5,
            "人民币": 5,
        },
        ("Currency Converter", "货币换算"),
        "💱",
        "green",
        (
            ("usd", "US dollar (USD)", "美元（USD）", 1, 0),
            ("eur", "Euro (EUR)", "欧元（EUR）", 1.08, 0),
            ("gbp", "British pound (GBP)", "英镑（GBP）", 1.27, 0),
            ("cny", "Chinese yuan (CNY)", "人民币（CNY）", 0.138, 0),
            ("jpy", "Japanese yen (JPY)", "日元（JPY）", 0.0067, 0),
            ("hkd", "Hong Kong dollar (HKD)", "港币（HKD）", 0.128, 0),
            ("twd", "New Taiwan dollar (TWD)", "新台币（TWD）", 0.031, 0),
            ("cad", "Canadian dollar (CAD)", "加元（CAD）", 0.73, 0),
            ("aud", "Australian dollar (AUD)", "澳元（AUD）", 0.66, 0),
            ("inr", "Indian rupee (INR)", "印度卢比（INR）", 0.012, 0),
        ),
        (100, "usd", "cny", 724.64),
        2,
    ),
    Family(
        "timezone",
        {"time zone": 10, "timezone": 10, "utc": 6, "gmt": 6, "时区": 10},
        ("Time Zone Converter", "时区换算"),
        "🌍",
        "indigo",
        (
            ("utc", "UTC", "协调世界时（UTC）", 1, 0),
            ("ny", "New York (UTC−5)", "纽约（UTC−5）", 1, 5),
            ("la", "Los Angeles (UTC−8)", "洛杉矶（UTC−8）", 1, 8),
            ("london", "London (UTC+0)", "伦敦（UTC+0）", 1, 0),
            ("paris", "Paris (UTC+1)", "巴黎（UTC+1）", 1, -1),
            ("delhi", "New Delhi (UTC+5:30)", "新德里（UTC+5:30）", 1, -5.5),
            ("beijing", "Beijing (UTC+8)", "北京（UTC+8）", 1, -8),
            ("tokyo", "Tokyo (UTC+9)", "东京（UTC+9）", 1, -9),
            ("sydney", "Sydney (UTC+10)", "悉尼（UTC+10）", 1, -10),
        ),
        (9, "beijing", "ny", -4.0),
        2,
    ),
)


UNIT_NOTES = {
    "currency": (
        "These rates are fixed examples (1 unit in US dollars), not today's rates: the app cannot fetch live rates, "
        "so check the current rate before relying on a result, and change the rates in the app's spec.",
        "这些汇率是固定的示例值（1 单位折合美元），不是今天的汇率：应用无法获取实时汇率，"
        "用结果之前请先核对当前汇率，并在应用的 spec 中修改。",
    ),
    "timezone": (
        "Type an hour (e.g. 9 or 14.5) in one city to see the same moment elsewhere; below 0 means the day before, "
        "24 or more the day after. Daylight saving time is not applied.",
        "输入一个城市的钟点（如 9 或 14.5），即可看到其他城市的同一时刻；小于 0 表示前一天，24 以上表示后一天。"
        "未计夏令时。",
    ),
    "temperature": ("°F = °C × 9/5 + 32 · K = °C + 273.15", "°F = °C × 9/5 + 32 · K = °C + 273.15"),
}
