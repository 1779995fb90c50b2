"""What an idea asks for that cannot be built here is said, plainly and in the idea's language and script
(brief.left_out), and what it declines or types itself is not."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flashapps.spec import LeftOut
from generator.planner import plan
from generator.planner.hanzi import SIMPLIFIED_ONLY, TRADITIONAL_ONLY
from generator.planner.honesty import DATA, MAX_LEFT_OUT, NO_KIND_PART, find_left_out, with_left_out
from generator.planner.lang import LANGUAGES, detect_language, has_cjk
from generator.planner.patterns.base import Context

CAPABILITIES = {entry["key"]: entry for entry in json.loads(DATA.read_text(encoding="utf-8"))["capabilities"]}
FLASHAPPS = Path(sys.executable).with_name("flashapps")

ASKS: dict[str, tuple[str, ...]] = {
    "live_weather": (
        "A beach day planner that shows the weather forecast for the weekend",
        "Garden journal that pulls in the current weather for my town each morning",
        "出门穿衣助手：根据今天的天气推荐穿什么",
        "做一个钓鱼记录，自动显示当地天气",
        "露營清單，順便顯示明天的天氣",
        "晨跑紀錄，要能查天氣",
    ),
    "live_prices": (
        "Track my stock portfolio with live prices",
        "Show what my silver coins are worth at the current price",
        "我的基金和股票，显示实时股价算盈亏",
        "比特币价格看板",
        "顯示即時金價的首飾估價工具",
        "看我的股票今天的股價漲跌",
    ),
    "live_rates": (
        "Travel budget that converts my spending with the real-time exchange rate",
        "Currency app that always uses the latest exchange rates",
        "出国购物计算器，用最新汇率换算成人民币",
        "日幣換算台幣，要抓即時匯率",
    ),
    "live_news": (
        "A morning dashboard with the latest news headlines",
        "RSS reader for tech blogs",
        "每天早上看热点新闻的小工具",
        "整理今日新聞的重點",
    ),
    "maps": (
        "Delivery planner that finds the fastest route between my stops",
        "Show all my favourite cafés on a map",
        "跑腿路线规划：输入几个地址，给出最短路线",
        "把我去过的城市标在地图上",
        "外送路線規劃，顯示即時路況",
        "在地圖上標出我去過的餐廳",
    ),
    "live_transit": (
        "Pick-up helper that tracks my mum's flight and shows if it is delayed",
        "Commute board with live train departures",
        "接机助手：查航班动态",
        "显示公交到站时间",
        "接機小幫手，看航班動態",
        "顯示公車到站時間",
    ),
    "online_lookup": (
        "Book log: I enter the title and it fetches the cover and page count",
        "Recipe box that scrapes recipes from food blogs",
        "读书记录，输入书名就自动获取作者和页数",
        "从网上抓取电影评分",
        "追劇清單，自動抓取集數",
        "輸入地址就上網查郵遞區號",
    ),
    "sms": (
        "Dentist reminders that text patients the day before",
        "Send an SMS to the winner of the raffle",
        "快递到了给我发短信",
        "会员生日当天发短信祝福",
        "預約成功後傳簡訊給客人",
    ),
    "email": (
        "Homework tracker that emails parents when work is missing",
        "Send a weekly summary email to my team",
        "考试成绩出来后给每个家长发邮件",
        "每週寄信給訂閱的客人",
    ),
    "notifications": (
        "Plant watering app that sends me push notifications",
        "Medicine list that notifies me when it's time for a pill",
        "背单词，每天晚上九点提醒我",
        "缴费期限前三天提醒我",
        "繳費期限前三天提醒我",
        "用推播通知告訴我要喝水",
    ),
    "chat_apps": (
        "Post the daily standup summary to our Slack channel",
        "WhatsApp the shopping list to my husband",
        "把值日表发到微信群",
        "把班級公告傳到LINE群組",
    ),
    "payments": (
        "Bake sale page where buyers pay by credit card",
        "Ticket shop that accepts payments through PayPal",
        "奶茶店点单，顾客可以微信支付",
        "活动报名要能在线付费",
        "線上付款的便當訂購表",
        "課程報名可以用LINE Pay",
    ),
    "camera": (
        "Library app where I scan the ISBN barcode with my phone",
        "Receipt keeper that takes a photo of each receipt",
        "扫码入库的仓库管理",
        "拍照记录每天的早餐",
        "用相機掃描發票記帳",
        "拍照記錄植物生長",
    ),
    "image_recognition": (
        "Identify birds from a photo",
        "Grab the text from a screenshot and save it",
        "人脸识别签到",
        "识别照片里的植物叫什么",
        "辨識圖片裡的文字",
        "人臉辨識打卡",
    ),
    "microphone": (
        "A clap counter that listens through the microphone",
        "Baby monitor that shows how loud the room is",
        "课堂分贝仪，太吵就变红",
        "录音日记",
        "噪音計：教室太吵就變紅",
        "錄音筆記",
    ),
    "speech": (
        "Dictate my journal entries with speech-to-text",
        "Transcribe my lecture recordings",
        "用语音输入记账",
        "英语口语评分",
        "語音轉文字的會議紀錄",
        "幫小孩的英文發音評分",
    ),
    "location": (
        "Running log that records my route with GPS",
        "Let my family see my live location",
        "老人防走失，实时位置共享",
        "显示孩子现在在哪",
        "上下班打卡要用定位確認",
    ),
    "wearables": (
        "Sleep log that imports data from my Fitbit",
        "Heart rate chart synced from my smartwatch",
        "从小米手环读取睡眠数据",
        "微信运动步数排行",
        "同步智慧手錶的步數",
        "運動紀錄連動Apple Watch",
    ),
    "smart_home": (
        "An app to control the lights in my bedroom",
        "Philips Hue scenes for movie night",
        "手机控制家里的空调",
        "米家设备一键关闭",
        "用手機控制客廳的冷氣",
        "智慧家電的排程",
    ),
    "hardware": (
        "Print order tickets on my thermal printer",
        "Read the temperature from an Arduino sensor",
        "连接蓝牙体重秤记录体重",
        "用打印机打印小票",
        "用藍牙連接血壓計",
        "出單機列印訂單",
    ),
    "live_between_phones": (
        "Family grocery list that syncs between our phones",
        "Quiz night where teams buzz in from their own phones",
        "全家人的购物清单，多台手机实时同步",
        "比賽計分，每個裁判在自己的手機上同時打分",
    ),
    "live_chat": (
        "Tutoring site where students can chat with a tutor",
        "Group chat for our hiking club",
        "宠物店网站，客户可以在线咨询",
        "班级聊天室",
        "房仲網站，看房的人可以跟經紀人聊天",
        "社團群聊",
    ),
    "social_posting": (
        "Share my workout results to Instagram",
        "Auto-post new blog entries on Facebook",
        "把今天的打卡分享到朋友圈",
        "一键发微博",
        "把作品上傳到IG",
        "打卡後自動PO到臉書",
    ),
    "sign_in": (
        "Recipe site where users log in with Google",
        "Members area with user accounts and passwords",
        "用微信登录的打卡小程序",
        "做一个有用户注册和登录的记账本",
        "用LINE登入的集點卡",
        "會員註冊後才能看課表",
    ),
    "grocery_orders": (
        "Weekly meal planner that orders the groceries online for me",
        "一周菜单规划，自动在网上下单买菜",
        "幫我排一週晚餐，用熊貓超市送菜到府",
    ),
    "outside_services": (
        "Pull my orders from Etsy",
        "Budget that syncs with my bank account",
        "自动同步淘宝订单",
        "连接我的银行账户自动记账",
        "串接蝦皮訂單",
        "綁定我的信用卡帳戶",
    ),
    "ai_generation": (
        "Bedtime story maker powered by ChatGPT",
        "An app that writes product descriptions for my shop",
        "用AI生成每日文案",
        "人工智能帮我改作文",
        "用ChatGPT幫我寫週報",
        "人工智慧推薦穿搭",
    ),
    "translation": (
        "Translate my emails into German",
        "A menu translator for tourists",
        "把说明书翻译成英文",
        "中英互译的小工具",
        "把菜單翻譯成日文",
        "自動翻譯客人的留言",
    ),
    "schedule": (
        "Automatically send the rota to staff every Sunday",
        "Back up my notes in the background",
        "每天早上8点定时发送日报",
        "每天晚上自動備份到雲端",
    ),
}
"""Per capability, ideas that ask for it (English, simplified and traditional Chinese)."""

NOT_ASKED = (
    "Track my weight and body fat every morning",
    "Payday countdown: how many days until the 25th",
    "A chat log where I paste notes from my study group",
    "I write down today's weather in my garden diary",
    "A currency converter for my trip",
    "Word counter for the text I paste",
    "Mortgage payment calculator",
    "Rent tracker: who has paid this month and who is late",
    "A bedtime checklist: brush teeth, turn off the lights, read a book",
    "Spelling quiz where kids translate ten French words",
    "Emoji translator for group messages",
    "Mind map of my project ideas",
    "A quiz about AI history",
    "Landing page for our AI startup",
    "A class vote that shows the results live",
    "A pomodoro timer that rings when time is up",
    "Inventory that warns me when stock drops below 5",
    "Contact list with name, email and phone",
    "Mailing list signup form for my band",
    "Text case converter",
    "No login needed: a simple habit tracker",
    "A shop stock list, without payments or barcode scanning",
    "An offline flashcards app with Spanish words; don't use AI",
    "A recipe book that doesn't need to sync with Google Drive",
    "Expense log, no bank connection, no online payment",
    "I type today's exchange rate and it converts my receipts",
    "记录每天的体重变化",
    "发工资倒计时",
    "不需要联网的记账本",
    "不用登录，也不要在线支付的点餐记录",
    "记录今天的天气和心情",
    "库存低于10件就提醒补货",
    "思维导图整理读书笔记",
    "品牌定位分析表",
    "英语单词翻译练习",
    "班级投票，即时显示票数",
    "記錄每天的體重",
    "不需要登入的記帳本",
    "免登入的點名表",
    "補習班繳費紀錄，列出誰還沒繳",
    "我自己輸入今天的匯率來換算",
    "產品定位分析",
)
"""Ideas whose words look like a capability but are not one, decline it, or type the data themselves."""


def _left_out(key: str, language: str) -> LeftOut:
    entry = CAPABILITIES[key]
    return LeftOut(part=entry["part"][language], reason=entry["reason"][language])


def _in_script(text: str, language: str) -> bool:
    if language == "en":
        return not has_cjk(text)
    other = SIMPLIFIED_ONLY if language == "zh-Hant" else TRADITIONAL_ONLY
    return has_cjk(text) and not set(text) & other


@pytest.mark.parametrize("key", sorted(CAPABILITIES))
def test_every_capability_says_what_and_why_in_each_language(key: str) -> None:
    entry = CAPABILITIES[key]
    assert set(entry["words"]) == set(LANGUAGES) and all(entry["words"].values())
    for language in LANGUAGES:
        item = _left_out(key, language)  # within the spec's limits
        assert _in_script(item.part + item.reason, language), (language, item)
        if language != "en":
            assert _in_script("".join(entry["words"][language]).replace("LINE", ""), language)
    assert {detect_language(idea) for idea in ASKS[key]} == set(LANGUAGES), "asks in en, zh-Hans and zh-Hant"


@pytest.mark.parametrize(("key", "idea"), [(key, idea) for key, ideas in ASKS.items() for idea in ideas])
def test_an_idea_that_asks_for_it_is_told_what_is_left_out(key: str, idea: str) -> None:
    planned = plan(idea)
    assert planned.spec.brief.kind == "app"
    assert _left_out(key, planned.language) in planned.spec.brief.left_out
    for item in planned.spec.brief.left_out:
        assert _in_script(item.part + item.reason, planned.language), item


@pytest.mark.parametrize("idea", NOT_ASKED)
def test_look_alikes_negations_and_typed_data_leave_nothing_out(idea: str) -> None:
    spec = plan(idea).spec
    stand_in = NO_KIND_PART[spec.brief.language]  # that no kind of app fits is said apart (test_no_kind_fits.py)
    assert [item for item in spec.brief.left_out if item.part != stand_in] == []


def test_the_chosen_language_sets_the_script_of_what_is_left_out() -> None:
    told = plan("A run log that shows the weather forecast before I go", language="zh-Hant").spec.brief.left_out
    assert told == [_left_out("live_weather", "zh-Hant")]
    told = plan("晨跑记录，出门前看天气预报", language="en").spec.brief.left_out
    assert told == [_left_out("live_weather", "en")]


def test_left_out_follows_the_order_of_the_idea_and_stops_at_eight() -> None:
    idea = (
        "A shop helper that shows the weather forecast, texts everyone the specials, takes card payments, "
        "scans barcodes with the camera, tracks my location with GPS, reads my Fitbit, controls the lights, "
        "posts to Instagram, translates the menu and lets staff log in with Google."
    )
    told = plan(idea).spec.brief.left_out
    assert len(told) == MAX_LEFT_OUT == len({item.part for item in told})
    assert told[:3] == [_left_out("live_weather", "en"), _left_out("sms", "en"), _left_out("payments", "en")]


def test_what_a_pattern_already_says_is_kept_first_and_not_repeated() -> None:
    spec = plan("A tip splitter where friends pay online").spec
    [payments] = spec.brief.left_out
    extra = [_left_out(key, "en") for key in ("sms", "email", "camera", "maps", "speech", "hardware", "ai_generation")]
    merged = with_left_out(spec, [payments, *extra, _left_out("translation", "en")]).brief.left_out
    assert merged == [payments, *extra]
    assert with_left_out(spec, [payments]) is spec


def test_a_game_says_itself_what_it_leaves_out() -> None:
    idea = "A real-time chess game to play with friends, each on their own phone"
    assert _left_out("live_between_phones", "en") in find_left_out(Context(idea, "en"))  # what an app would say
    planned = plan(idea)
    assert planned.spec.brief.kind == "game"
    ours = {entry["part"][planned.language] for entry in CAPABILITIES.values()}
    assert not ours & {item.part for item in planned.spec.brief.left_out}


@pytest.mark.parametrize("idea", ["A currency converter", "货币换算", "貨幣換算工具"])
def test_the_currency_converter_takes_a_typed_rate_and_says_it_cannot_fetch_one(idea: str) -> None:
    spec = plan(idea).spec
    notes = " ".join(getattr(c, "body", "") for c in spec.components())
    assert "cannot fetch live" in notes or "无法获取实时汇率" in notes or "無法獲取實時匯率" in notes
    calc = next(c for c in spec.components() if c.kind == "calculator")
    assert "rate" in {i.name for i in calc.inputs}  # the user's own rate, never an invented one


def test_the_command_line_lists_what_was_left_out(tmp_path: Path) -> None:
    env = {**os.environ, "FLASHAPPS_HOME": str(tmp_path)}
    idea = "社區管理費紀錄，住戶可以線上刷卡繳費，繳完傳簡訊通知"
    command = [str(FLASHAPPS), "new", idea, "--json", "--no-verify"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    expected = [_left_out("payments", "zh-Hant"), _left_out("sms", "zh-Hant")]
    assert result["left_out"] == [item.model_dump() for item in expected]
    assert result["spec"]["brief"]["left_out"] == result["left_out"]
