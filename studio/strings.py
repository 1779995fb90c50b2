"""Every string the studio shows, in English and Chinese."""

from __future__ import annotations

__all__ = ["EXAMPLES", "STEP_LABELS", "STRINGS", "text"]

_S = dict[str, dict[str, str]]

_COMMON: _S = {
    "tagline": {
        "en": "One sentence in, a small working app out — tested before you see it.",
        "zh": "一句话，生成一个能用的小应用——先测试，再交给你。",
    },
    "language": {"en": "Language", "zh": "界面语言"},
    "none_yet": {"en": "—", "zh": "—"},
    "unexpected": {
        "en": "Something went wrong on our side (reference {ref}). Try again; if it keeps happening, report it.",
        "zh": "我们这边出了点问题（编号 {ref}）。请再试一次；如果一直出现，请反馈给我们。",
    },
    "nav_create": {"en": "Create", "zh": "创建"},
    "nav_gallery": {"en": "Gallery", "zh": "作品广场"},
    "nav_app": {"en": "App", "zh": "应用"},
    "nav_mine": {"en": "My apps", "zh": "我的应用"},
    "nav_curate": {"en": "Curate", "zh": "审核"},
    "nav_settings": {"en": "Settings", "zh": "设置"},
    "nav_account": {"en": "Sign in", "zh": "登录"},
    "signed_in_as": {"en": "Signed in as **{name}**", "zh": "已登录：**{name}**"},
    "sign_out": {"en": "Sign out", "zh": "退出登录"},
    "not_signed_in": {"en": "Not signed in", "zh": "未登录"},
    "sign_in_to": {"en": "Sign in to {action}.", "zh": "请先登录，才能{action}。"},
    "open_new_tab": {"en": "Open in a new tab ↗", "zh": "在新标签页打开 ↗"},
    "live_app": {"en": "The app", "zh": "应用本身"},
}

_CREATE: _S = {
    "idea_label": {"en": "Your idea", "zh": "你的想法"},
    "idea_placeholder": {"en": "an app to track my daily water intake", "zh": "帮我做一个记录每天喝水量的应用"},
    "examples": {"en": "Try one:", "zh": "试试这些："},
    "create": {"en": "Create app", "zh": "生成应用"},
    "working": {"en": "Building your app…", "zh": "正在生成你的应用……"},
    "waiting_for": {"en": "Next: {stage}", "zh": "下一步：{stage}"},
    "why": {"en": "How it was planned", "zh": "规划说明"},
    "card_title": {"en": "What was built", "zh": "生成了什么"},
    "card_value": {"en": "What it is for", "zh": "用途"},
    "card_metrics": {"en": "Core metrics", "zh": "核心指标"},
    "card_data": {"en": "What it keeps", "zh": "保存的数据"},
    "card_feedback": {"en": "What it shows you", "zh": "给你的反馈"},
    "card_screens": {"en": "Screens", "zh": "页面"},
    "card_left_out": {
        "en": "Not included: this part of your request cannot be built here",
        "zh": "未包含：你的要求中这部分在这里无法实现",
    },
    "card_paths": {"en": "Key paths (tested)", "zh": "关键路径（已写成测试）"},
    "verified": {"en": "Verified in the sandbox: {summary}", "zh": "已在沙箱中验证：{summary}"},
    "not_verified": {
        "en": "The check did not pass ({summary}). Describe a change below to fix it, or undo.",
        "zh": "检查未通过（{summary}）。可以在下方用一句话修改来修正，或撤销。",
    },
    "not_checked": {"en": "This version has not been checked yet.", "zh": "这个版本还没有检查。"},
    "follow_up": {"en": "Change it with a sentence", "zh": "用一句话修改"},
    "follow_up_placeholder": {
        "en": "make the goal 3 litres and add a weekly chart",
        "zh": "目标改成3升，加一个按周的图表",
    },
    "apply": {"en": "Apply change", "zh": "应用修改"},
    "empty_change": {"en": "Type the change first, then apply it.", "zh": "请先输入要修改的内容，再点应用。"},
    "changes_made": {"en": "Changed in v{n}:", "zh": "v{n} 改动了："},
    "changes_not_made": {
        "en": "Not done — your sentence is still in the box to rephrase:",
        "zh": "没有做到——你的句子还在输入框里，可以换个说法：",
    },
    "change_refused": {
        "en": "The app was not changed; your sentence is still in the box to rephrase.",
        "zh": "应用没有改动；你的句子还在输入框里，可以换个说法。",
    },
    "undo": {"en": "Undo the last change", "zh": "撤销上一次修改"},
    "versions": {"en": "Versions", "zh": "版本"},
    "version_label": {"en": "v{n} · {change}", "zh": "v{n} · {change}"},
    "first_version": {"en": "first version", "zh": "第一个版本"},
    "current": {"en": "(current)", "zh": "（当前）"},
    "undo_to": {"en": "Go back to v{n}", "zh": "回到 v{n}"},
    "job_failed": {"en": "It did not work: {message}", "zh": "没有成功：{message}"},
    "stages_title": {"en": "Steps", "zh": "步骤"},
    "new_app": {"en": "Start a new app", "zh": "新建应用"},
    "publish_title": {"en": "Publish to the gallery", "zh": "发布到作品广场"},
    "publish_as": {"en": "Title", "zh": "标题"},
    "publish_description": {"en": "One line about it", "zh": "一句话介绍"},
    "publish": {"en": "Publish", "zh": "发布"},
    "publish_update": {"en": "Publish as a new version of {slug}", "zh": "作为 {slug} 的新版本发布"},
    "publish_privacy": {
        "en": "This app collects personal data ({what}). I confirm it is needed and its users agree.",
        "zh": "这个应用会收集个人信息（{what}）。我确认确有必要，且使用者知情同意。",
    },
    "published": {"en": "Published. Share this link:", "zh": "已发布。分享这个链接："},
    "open_app_page": {"en": "Open its page", "zh": "打开应用页面"},
    "publish_unverified": {
        "en": "Only a version whose check passed can be published: fix it with a change first.",
        "zh": "只有检查通过的版本才能发布：请先用一句话修改修正它。",
    },
    "remix_of": {"en": "Remix of {slug} v{n}", "zh": "改编自 {slug} v{n}"},
    "action_publish": {"en": "publish", "zh": "发布"},
    "records_whose": {"en": "Whose records, once shared", "zh": "分享后，记录归谁"},
    "records_personal": {"en": "Each visitor their own", "zh": "每位访客各自的"},
    "records_shared": {"en": "One set for everyone", "zh": "大家共用一份"},
    "records_submissions": {"en": "Visitors hand in, I see all", "zh": "访客提交，只有我看全部"},
    "records_help": {
        "en": "Each visitor: a diary or tracker, private to each person. One set: a points board, a poll, a "
        "sign-up sheet. Hand in: exit tickets, homework, votes; only you (signed in) see them all. Records already "
        "kept stay; changing this makes a new version.",
        "zh": "各自的：日记、打卡，每个人只看到自己的。共用一份：积分榜、投票、报名表。提交：课堂小结、作业、投票，"
        "只有你（登录后）能看到全部。已有的记录不会丢；修改会生成一个新版本。",
    },
    "upload_title": {"en": "Use my own list (CSV or Excel)", "zh": "用我自己的名单（CSV 或 Excel）"},
    "upload_help": {
        "en": "A file fills this app's quiz, flashcards or picker as a new version. First row: the headers "
        "word (or question, or name), answer, and optionally choices (split by |) and explanation; then one item "
        "a row.",
        "zh": "上传的文件会填充这个应用的测验、卡片或随机抽取，生成一个新版本。第一行写表头：单词（或题目、名字）、"
        "答案，可选：选项（用 | 分隔）、解析；之后每行一项。",
    },
    "upload_label": {"en": "Your file", "zh": "你的文件"},
    "upload_apply": {"en": "Fill the app from this file", "zh": "用这个文件填充应用"},
    "upload_rows": {"en": "{n} rows read, for example: {first}", "zh": "读到 {n} 行，例如：{first}"},
}

_GALLERY: _S = {
    "search": {"en": "Search", "zh": "搜索"},
    "search_placeholder": {"en": "water, quiz, 单词…", "zh": "喝水、测验、单词……"},
    "filter_language": {"en": "Language", "zh": "语言"},
    "filter_kind": {"en": "Kind", "zh": "类型"},
    "filter_category": {"en": "Category", "zh": "分类"},
    "sort": {"en": "Sort by", "zh": "排序"},
    "sort_new": {"en": "Newest", "zh": "最新"},
    "sort_popular": {"en": "Most liked", "zh": "最多点赞"},
    "sort_featured": {"en": "Featured first", "zh": "精选优先"},
    "sort_relevance": {"en": "Best match", "zh": "最相关"},
    "any": {"en": "Any", "zh": "全部"},
    "kind_app": {"en": "App", "zh": "应用"},
    "kind_game": {"en": "Game", "zh": "游戏"},
    "lang_en": {"en": "English", "zh": "英文"},
    "lang_zh-Hans": {"en": "Chinese (simplified)", "zh": "简体中文"},
    "lang_zh-Hant": {"en": "Chinese (traditional)", "zh": "繁體中文"},
    "featured": {"en": "★ Featured", "zh": "★ 精选"},
    "likes": {"en": "♥ {n}", "zh": "♥ {n}"},
    "remixes": {"en": "⑂ {n} remixes", "zh": "⑂ {n} 次改编"},
    "open": {"en": "Open", "zh": "打开"},
    "found": {"en": "{total} apps · page {page} of {pages}", "zh": "共 {total} 个应用 · 第 {page}/{pages} 页"},
    "nothing_found": {
        "en": "No app matches. Try fewer or other words, or clear the filters.",
        "zh": "没有匹配的应用。试试更少或别的词，或清除筛选条件。",
    },
    "previous": {"en": "← Previous", "zh": "← 上一页"},
    "next": {"en": "Next →", "zh": "下一页 →"},
}

_APP: _S = {
    "by": {"en": "by {author} · v{n} · {language}", "zh": "作者 {author} · v{n} · {language}"},
    "no_app": {
        "en": "Open an app from the gallery, or use a share link.",
        "zh": "请从作品广场打开一个应用，或使用分享链接。",
    },
    "share": {"en": "Share link", "zh": "分享链接"},
    "qr_caption": {"en": "Scan to open on a phone", "zh": "手机扫码打开"},
    "version": {"en": "Version", "zh": "版本"},
    "like": {"en": "♥ Like ({n})", "zh": "♥ 点赞（{n}）"},
    "liked": {"en": "Thanks — liked.", "zh": "已点赞，谢谢！"},
    "remix": {"en": "Remix this app", "zh": "改编这个应用"},
    "download_zip": {"en": "Download (zip)", "zh": "下载（zip）"},
    "report_reason": {"en": "What is wrong with it?", "zh": "这个应用有什么问题？"},
    "report": {"en": "Report", "zh": "举报"},
    "reported": {"en": "Thanks — the maintainers will look at it.", "zh": "谢谢，维护者会处理。"},
    "report_title": {"en": "Report a problem", "zh": "举报问题"},
    "state_note": {
        "en": "This app is {state}: only you and the maintainers see it.",
        "zh": "这个应用当前状态为 {state}：只有你和维护者能看到。",
    },
    "reject_reason": {"en": "Reason: {reason}", "zh": "理由：{reason}"},
    "remixed_from": {"en": "Remix of", "zh": "改编自"},
    "action_like": {"en": "like apps", "zh": "点赞"},
    "checked": {"en": "Checked: {summary}", "zh": "检查结果：{summary}"},
}

_MINE: _S = {
    "mine_published": {"en": "Published", "zh": "已发布"},
    "mine_drafts": {"en": "Drafts", "zh": "草稿"},
    "mine_none": {"en": "Nothing yet — create an app first.", "zh": "还没有作品——先去创建一个应用吧。"},
    "mine_state": {"en": "state: {state}", "zh": "状态：{state}"},
    "continue": {"en": "Continue", "zh": "继续编辑"},
    "action_mine": {"en": "see your apps", "zh": "查看你的应用"},
}

_CURATE: _S = {
    "curate_only": {
        "en": "Only maintainers can curate. Sign in with a maintainer account.",
        "zh": "只有维护者可以审核。请用维护者账号登录。",
    },
    "queue": {"en": "Review queue", "zh": "待审核"},
    "queue_empty": {"en": "Nothing waits for review.", "zh": "没有待审核的应用。"},
    "reports": {"en": "Open reports", "zh": "待处理的举报"},
    "reports_empty": {"en": "No open reports.", "zh": "没有待处理的举报。"},
    "review": {"en": "Review", "zh": "审核"},
    "find_app": {"en": "Any app by slug or link", "zh": "按标识或链接查找应用"},
    "inspect": {"en": "Inspect", "zh": "查看"},
    "spec": {"en": "Spec", "zh": "规格"},
    "code": {"en": "Code", "zh": "代码"},
    "verify_report": {"en": "Verify report", "zh": "验证报告"},
    "privacy": {"en": "Privacy findings", "zh": "隐私检查"},
    "privacy_none": {"en": "No personal data found.", "zh": "没有发现个人信息。"},
    "app_reports": {"en": "Reports about this app", "zh": "针对该应用的举报"},
    "reason": {"en": "Reason (the author sees it when rejected)", "zh": "理由（拒绝时作者可见）"},
    "act_approve": {"en": "Approve", "zh": "通过"},
    "act_feature": {"en": "Feature", "zh": "设为精选"},
    "act_unfeature": {"en": "Unfeature", "zh": "取消精选"},
    "act_hide": {"en": "Hide", "zh": "隐藏"},
    "act_reject": {"en": "Reject", "zh": "拒绝"},
    "act_delete": {"en": "Delete", "zh": "删除"},
    "act_close": {"en": "Close report", "zh": "关闭举报"},
    "done_action": {"en": "Done: {slug} is now {state}.", "zh": "完成：{slug} 现在的状态是 {state}。"},
    "deleted": {"en": "Deleted {slug}.", "zh": "已删除 {slug}。"},
    "closed": {"en": "Report closed.", "zh": "举报已关闭。"},
    "audit": {"en": "Audit log", "zh": "操作记录"},
}

_SETTINGS: _S = {
    "provider": {"en": "Who writes the apps", "zh": "由谁生成应用"},
    "provider_offline": {"en": "Offline planner (no key)", "zh": "离线规划器（无需密钥）"},
    "provider_openai": {"en": "An OpenAI-compatible model", "zh": "兼容 OpenAI 的模型"},
    "provider_local": {"en": "A local model on this machine", "zh": "本机上的本地模型"},
    "preset": {"en": "Preset", "zh": "预设"},
    "preset_none": {"en": "(none)", "zh": "（无）"},
    "base_url": {"en": "Base URL", "zh": "接口地址（Base URL）"},
    "model": {"en": "Model", "zh": "模型"},
    "api_key": {"en": "API key", "zh": "API 密钥"},
    "key_is_set": {
        "en": "A key is set. Leave the box empty to keep it.",
        "zh": "已设置密钥。留空则保持不变。",
    },
    "key_not_set": {"en": "No key is set.", "zh": "尚未设置密钥。"},
    "clear_key": {"en": "Forget the saved key", "zh": "删除已保存的密钥"},
    "save": {"en": "Save", "zh": "保存"},
    "saved": {"en": "Saved.", "zh": "已保存。"},
    "test_connection": {"en": "Test connection", "zh": "测试连接"},
    "settings_only": {
        "en": "Only a maintainer can change these settings; they apply to everyone here.",
        "zh": "只有维护者可以修改这些设置；它们对这里的所有人生效。",
    },
    "env_wins": {
        "en": "FLASHAPPS_PROVIDER is set in the environment ({name}); it wins over what is saved here.",
        "zh": "环境变量 FLASHAPPS_PROVIDER 已设置（{name}），它优先于这里保存的设置。",
    },
    "current_provider": {"en": "Apps are written by: {name}", "zh": "当前生成方式：{name}"},
    "local_model": {"en": "Local model", "zh": "本地模型"},
    "local_installed": {"en": "installed", "zh": "已安装"},
    "local_not_installed": {"en": "not installed; install it with:", "zh": "未安装；用这条命令安装："},
}

_ACCOUNT: _S = {
    "sign_in": {"en": "Sign in", "zh": "登录"},
    "sign_up": {"en": "Create an account", "zh": "注册账号"},
    "username": {"en": "Username", "zh": "用户名"},
    "password": {"en": "Password", "zh": "密码"},
    "welcome": {"en": "Welcome, {name}.", "zh": "欢迎，{name}。"},
    "signed_out": {"en": "Signed out.", "zh": "已退出登录。"},
    "signing_in": {"en": "Signing you in…", "zh": "正在登录……"},
    "continue_link": {"en": "Continue", "zh": "继续"},
}

_VISIT: _S = {
    "visit_by": {"en": "by {author}", "zh": "作者 {author}"},
    "visit_remix": {"en": "Remix", "zh": "改编"},
    "visit_report": {"en": "Report", "zh": "举报"},
    "visit_missing": {"en": "This app is not here (any more).", "zh": "这个应用不在这里（或已下架）。"},
    "board_scan": {"en": "Scan with a phone camera to open the app", "zh": "用手机相机扫码打开应用"},
    "projector": {"en": "Show on a projector", "zh": "投影到大屏幕"},
    "visitor_page": {"en": "Open as a visitor sees it", "zh": "以访客身份打开"},
    "serve_class": {"en": "Serving a class", "zh": "给全班使用"},
    "serve_lan": {
        "en": "Phones on this network open {url} (links and QR codes use it).",
        "zh": "同一网络中的手机打开 {url} 即可（链接和二维码都用这个地址）。",
    },
    "serve_public": {"en": "Links and QR codes use {url}.", "zh": "链接和二维码使用 {url}。"},
    "serve_how": {
        "en": "To serve a class from this computer, start the studio with make run HOST=0.0.0.0: it then listens "
        "on the network and shows the address to share here. Behind a proxy, set FLASHAPPS_PUBLIC_URL.",
        "zh": "要在这台电脑上给全班使用，请用 make run HOST=0.0.0.0 启动工作室：它会在局域网中监听，"
        "并在这里显示要分享的地址。如果放在反向代理后面，请设置 FLASHAPPS_PUBLIC_URL。",
    },
}

_CURATION: _S = {
    "act_unhide": {"en": "Unhide", "zh": "取消隐藏"},
    "cur_all": {"en": "All apps", "zh": "全部应用"},
    "cur_search": {"en": "Search title, author or tags", "zh": "搜索标题、作者或标签"},
    "cur_state": {"en": "State", "zh": "状态"},
    "cur_reported": {"en": "Reports", "zh": "举报"},
    "cur_reported_yes": {"en": "Reported", "zh": "有举报"},
    "cur_reported_no": {"en": "Not reported", "zh": "无举报"},
    "cur_language": {"en": "Language", "zh": "语言"},
    "cur_kind": {"en": "Kind", "zh": "类型"},
    "cur_any": {"en": "Any", "zh": "全部"},
    "kind_app": {"en": "App", "zh": "应用"},
    "kind_game": {"en": "Game", "zh": "游戏"},
    "cur_none": {"en": "No app matches.", "zh": "没有符合条件的应用。"},
    "cur_page": {"en": "Page {page} of {pages} · {total} apps", "zh": "第 {page}/{pages} 页 · 共 {total} 个应用"},
    "cur_prev": {"en": "Previous", "zh": "上一页"},
    "cur_next": {"en": "Next", "zh": "下一页"},
    "cur_reason_code": {"en": "Reason (required)", "zh": "理由（必选）"},
    "cur_reason_pick": {"en": "Choose a reason…", "zh": "请选择理由……"},
    "cur_note": {"en": "In a few words (the author sees it)", "zh": "简单说明（作者可见）"},
    "state_pending": {"en": "waiting for review", "zh": "待审核"},
    "state_published": {"en": "published", "zh": "已发布"},
    "state_featured": {"en": "featured", "zh": "精选"},
    "state_hidden": {"en": "hidden", "zh": "已隐藏"},
    "state_rejected": {"en": "rejected", "zh": "未通过"},
    "state_class": {"en": "shared with a class", "zh": "仅班级可见"},
    "author_reason": {"en": "Why (from a maintainer): {reason}", "zh": "原因（来自维护者）：{reason}"},
    "hidden_no_share": {
        "en": "Its links say it is unavailable while it is hidden, so there is no link to share. Fix what the "
        "reason says and publish a new version: it goes to the maintainers for review.",
        "zh": "隐藏期间它的链接会显示“暂时无法使用”，所以这里不提供分享链接。"
        "请按原因修改后发布新版本，它会交给维护者审核。",
    },
    "audit_line": {"en": "{when} · {who} {what} “{title}” ({slug})", "zh": "{when} · {who} {what}“{title}”（{slug}）"},
    "audit_reason": {"en": "Reason: {reason}", "zh": "理由：{reason}"},
    "audit_app.publish": {"en": "published", "zh": "发布了"},
    "audit_app.new_version": {"en": "added a version to", "zh": "更新了"},
    "audit_app.approve": {"en": "approved", "zh": "通过了"},
    "audit_app.feature": {"en": "featured", "zh": "设为精选："},
    "audit_app.unfeature": {"en": "unfeatured", "zh": "取消精选："},
    "audit_app.hide": {"en": "hid", "zh": "隐藏了"},
    "audit_app.unhide": {"en": "unhid", "zh": "取消隐藏了"},
    "audit_app.reject": {"en": "rejected", "zh": "拒绝了"},
    "audit_app.delete": {"en": "deleted", "zh": "删除了"},
    "audit_report.close": {"en": "closed a report on", "zh": "关闭了举报："},
    "audit_account.register": {"en": "created the account", "zh": "注册了账号"},
    "audit_account.create_maintainer": {"en": "created the maintainer account", "zh": "创建了维护者账号"},
    "audit_account.login": {"en": "signed in as", "zh": "登录了"},
    "audit_account.login_failed": {"en": "failed to sign in as", "zh": "登录失败："},
    "audit_account.logout": {"en": "signed out of", "zh": "退出了"},
    "audit_account.set_role": {"en": "changed the role of", "zh": "更改了角色："},
    "audit_other": {"en": "changed", "zh": "更改了"},
    "audit_all": {"en": "Audit log: everything, newest first", "zh": "全部操作记录（最新在前）"},
    "audit_plain": {"en": "{when} · {who} {what} {title}", "zh": "{when} · {who} {what}{title}"},
}

_QUEUE: _S = {
    "queue_position": {
        "en": "Many apps are being made right now. You are number {n} in the queue, please wait: it starts by itself.",
        "zh": "现在有很多应用正在制作。你在队列中排第 {n} 位，请稍候：轮到时会自动开始。",
    },
    "queue_cancel": {"en": "Cancel", "zh": "取消"},
    "job_cancelled": {"en": "This was cancelled. You can start again below.", "zh": "已取消。你可以在下面重新开始。"},
    "nav_jobs": {"en": "Failed jobs", "zh": "失败的任务"},
    "jobs_only": {
        "en": "Only maintainers can see failed jobs. Sign in with a maintainer account.",
        "zh": "只有维护者可以查看失败的任务。请用维护者账号登录。",
    },
    "jobs_intro": {
        "en": "Jobs that failed for good (after their retries), newest first, with the message the maker saw.",
        "zh": "最终失败（重试之后仍失败）的任务，最新在前，附上制作者看到的提示。",
    },
    "jobs_none": {"en": "No job has failed.", "zh": "没有失败的任务。"},
    "jobs_when": {"en": "When", "zh": "时间"},
    "jobs_kind": {"en": "What", "zh": "内容"},
    "jobs_asked": {"en": "What was asked", "zh": "请求内容"},
    "jobs_message": {"en": "Message", "zh": "提示"},
    "jobs_maker": {"en": "Maker", "zh": "制作者"},
    "jobs_retries": {"en": "Retries", "zh": "重试次数"},
    "jobs_anonymous": {"en": "anonymous", "zh": "匿名"},
    "job_kind_create": {"en": "new app", "zh": "新建应用"},
    "job_kind_edit": {"en": "change", "zh": "修改"},
    "job_kind_scope": {"en": "records switch", "zh": "记录方式"},
    "job_kind_undo": {"en": "undo", "zh": "撤销"},
    "job_kind_remix": {"en": "remix", "zh": "改编"},
    "job_kind_upload": {"en": "content upload", "zh": "上传内容"},
}

STRINGS: _S = _COMMON | _CREATE | _GALLERY | _APP | _MINE | _CURATE | _SETTINGS | _ACCOUNT | _VISIT | _CURATION | _QUEUE

STEP_LABELS: _S = {
    "value": {"en": "Value", "zh": "价值"},
    "data": {"en": "Data", "zh": "数据"},
    "feedback": {"en": "Feedback", "zh": "反馈"},
    "screens": {"en": "Screens", "zh": "界面"},
    "logic": {"en": "Logic", "zh": "逻辑"},
    "key_paths": {"en": "Key paths", "zh": "关键路径"},
    "render": {"en": "Files", "zh": "生成文件"},
    "verify": {"en": "Verify", "zh": "验证"},
}

EXAMPLES = {
    "en": [
        "an app to track my daily water intake",
        "a pomodoro timer with a daily count",
        "a quiz on photosynthesis for my class",
        "a random student picker",
        "a snake game with fruit",
    ],
    "zh": [
        "帮我做一个背单词的小游戏",
        "幫我設計一個日常監督飲食攝入的應用",
        "记账本，按类别统计每月花费",
        "BMI 计算器",
        "随机点名器",
    ],
}


_CLASSES: _S = {
    "nav_classes": {"en": "My classes", "zh": "我的班级"},
    "action_classes": {"en": "make a class", "zh": "创建班级"},
    "state_class": {"en": "shared with a class", "zh": "仅班级可见"},
    "cls_new": {"en": "New class", "zh": "新建班级"},
    "cls_name": {"en": "Class name", "zh": "班级名称"},
    "cls_retention": {"en": "Keep the class's data for", "zh": "班级数据保留"},
    "cls_days": {"en": "{n} days", "zh": "{n} 天"},
    "cls_create": {"en": "Create class", "zh": "创建班级"},
    "cls_created": {"en": "Class made. Its code is {code}.", "zh": "班级已创建，代码是 {code}。"},
    "cls_none": {"en": "No class yet: make one above.", "zh": "还没有班级：在上面创建一个。"},
    "cls_pick": {"en": "Class", "zh": "班级"},
    "cls_tab_join": {"en": "Join", "zh": "加入方式"},
    "cls_tab_apps": {"en": "Apps and results", "zh": "应用与结果"},
    "cls_tab_members": {"en": "Students and data", "zh": "学生与数据"},
    "cls_code_is": {"en": "Students open the join page and type this code:", "zh": "学生打开加入页面，输入这个代码："},
    "cls_or_link": {"en": "or open this link, or scan the QR code:", "zh": "或者打开这个链接，或扫描二维码："},
    "cls_qr": {"en": "Scan to join", "zh": "扫码加入"},
    "cls_members": {"en": "{n} students joined", "zh": "已加入 {n} 名学生"},
    "cls_retention_saved": {"en": "The class's data is now kept {n} days.", "zh": "班级数据现在保留 {n} 天。"},
    "cls_retention_note": {
        "en": "A student's nickname and everything they submitted are deleted this many days after they joined.",
        "zh": "学生加入满这么多天后，其昵称和提交的所有内容都会被删除。",
    },
    "cls_delete_sure": {
        "en": "I want to delete every student and everything they submitted",
        "zh": "我要删除所有学生及其提交的全部内容",
    },
    "cls_delete": {"en": "Delete all class data", "zh": "删除全部班级数据"},
    "cls_deleted": {"en": "Deleted: {n} students and what they submitted.", "zh": "已删除 {n} 名学生及其提交的内容。"},
    "cls_nothing_to_share": {
        "en": "Publish an app first; then share it with this class.",
        "zh": "请先发布一个应用，再把它分享给这个班级。",
    },
    "cls_share_pick": {"en": "App to share with this class only", "zh": "只分享给这个班级的应用"},
    "cls_share": {"en": "Share with this class only", "zh": "仅分享给这个班级"},
    "cls_shared": {
        "en": "Shared: only this class's students (and you) can open it now.",
        "zh": "已分享：现在只有这个班级的学生（和你）可以打开它。",
    },
    "cls_unshare": {"en": "Put it back in the gallery", "zh": "放回作品广场"},
    "cls_app_pick": {"en": "App", "zh": "应用"},
    "cls_open_app": {"en": "Open the app", "zh": "打开应用"},
    "cls_nobody_yet": {"en": "No student has opened this app yet.", "zh": "还没有学生打开过这个应用。"},
    "cls_used_by": {"en": "Used by {n} students:", "zh": "共有 {n} 名学生使用过："},
    "cls_student": {"en": "Student", "zh": "学生"},
    "cls_part": {"en": "Part", "zh": "项目"},
    "cls_answer": {"en": "Answer", "zh": "提交内容"},
    "cls_when": {"en": "When", "zh": "时间"},
    "cls_export": {"en": "Download as CSV", "zh": "下载 CSV"},
    "cls_no_apps_yet": {"en": "No app shared with this class yet.", "zh": "这个班级还没有分享的应用。"},
    "cls_join_title": {"en": "Join your class", "zh": "加入班级"},
    "cls_join_intro": {
        "en": "Type the code your teacher gave you and a nickname. No e-mail or password needed.",
        "zh": "输入老师给你的代码和一个昵称。不需要邮箱，也不需要密码。",
    },
    "cls_join_code": {"en": "Class code", "zh": "班级代码"},
    "cls_join_nickname": {"en": "Your nickname", "zh": "你的昵称"},
    "cls_join_button": {"en": "Join", "zh": "加入"},
    "cls_join_privacy": {
        "en": "Your teacher sees your nickname and what you submit in the class's apps. "
        "This browser remembers that you joined.",
        "zh": "老师能看到你的昵称和你在班级应用里提交的内容。这个浏览器会记住你已加入。",
    },
    "cls_you_are": {"en": "You are {name} in {klass}.", "zh": "你在「{klass}」里的昵称是 {name}。"},
    "cls_join_another": {"en": "Join another class", "zh": "加入另一个班级"},
    "cls_for_class_title": {"en": "This app is for a class", "zh": "这个应用只对一个班级开放"},
    "cls_for_class_named": {
        "en": "Only the students of “{name}” and their teacher can open it.",
        "zh": "只有「{name}」的学生和老师可以打开它。",
    },
    "cls_for_class": {
        "en": "Only the students of one class and their teacher can open it.",
        "zh": "只有一个班级的学生和老师可以打开它。",
    },
    "cls_for_class_how": {
        "en": "If you are in this class, join it with the code your teacher gave you, then open the app again.",
        "zh": "如果你是这个班的学生，请用老师给的代码加入班级，然后再打开这个应用。",
    },
}
STRINGS.update(_CLASSES)

_SECRETS: _S = {
    "key_new_address": {
        "en": "The address changed, so the saved key is not sent to it. Type the key again to use it with this "
        "address; saving without it forgets the saved key.",
        "zh": "地址已更改，已保存的密钥不会发送到新地址。如需在这个地址使用，请重新输入密钥；"
        "不输入就保存会删除已保存的密钥。",
    },
}
STRINGS.update(_SECRETS)


_DRAFTS: _S = {
    "keeping_draft": {
        "en": "Remembering in this browser that you made this draft…",
        "zh": "正在让这个浏览器记住这个草稿是你做的……",
    },
    "draft_view_only": {
        "en": "You are looking at someone else's draft: only the person who made it can change or publish it. "
        "Remix it to make a copy of your own.",
        "zh": "你正在看别人的草稿：只有做它的人才能修改或发布。改编一份，就能做成你自己的。",
    },
    "draft_remix": {"en": "Remix this draft", "zh": "改编这个草稿"},
    "mine_browser_drafts": {"en": "Made in this browser without an account", "zh": "在这个浏览器里未登录时做的"},
}
STRINGS.update(_DRAFTS)


def text(key: str, lang: str, **values: object) -> str:
    entry = STRINGS[key]
    return entry.get(lang, entry["en"]).format(**values)
