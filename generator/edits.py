"""Follow-up sentences as changes to an existing spec, recognised offline.

A follow-up is cut into its clauses (and / then / commas; 并且 / 然后 / 再 / 、 / ，) and each clause is read on
its own, in English, simplified or traditional Chinese: a field, page, option, word, question or item added or
removed; a goal, limit, range, time, step, count or pass mark changed; a new title or a field or page renamed;
a colour, dark or light mode, a font or a chart; the language (the app is planned again from its idea); and a
game's settings (read as the planner reads a new idea). Every clause's change is validated as a whole spec
before it is kept; what changed and what could not be done come back as short lists in the user's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from flashapps.errors import UserError
from flashapps.spec import AppSpec
from generator.edit_base import Clause, Refused, clause, split_clauses
from generator.edit_basic import chart, colour, mode, rename, title
from generator.edit_fields import add_field, field_range, options, remove_field
from generator.edit_items import add_items, remove_items, replace_items
from generator.edit_numbers import calculator, counter, goal, picker, quiz_rules, timer
from generator.edit_pages import add_page, remove_page, remove_part
from generator.edit_scope import scope
from generator.edit_script import in_app_script, read_in_app_script
from generator.edit_units import units
from generator.planner.content import keep_lines
from generator.planner.patterns.game_edit import follow_up

if TYPE_CHECKING:
    from flashapps.events import StageEvent
    from generator.providers import Provider

__all__ = ["EditResult", "apply_edit", "offline_edit"]


class EditResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    spec: AppSpec
    understood: bool
    changes: list[str]
    not_done: list[str] = Field(default_factory=list, description="what was asked but not made, and why")
    replan_language: str | None = None


def _game(spec: AppSpec, c: Clause) -> list[str]:
    return follow_up(spec, c.text)


Reader = Callable[[AppSpec, Clause], list[str]]
_READERS: list[Reader] = [
    scope, rename, title, add_field, add_page, remove_page, remove_part, remove_field, options, field_range, timer,
    picker, counter, quiz_rules, calculator, goal, units, replace_items, add_items, remove_items, mode, colour, chart,
    _game,
]  # fmt: skip
"""In order: the first reader that understands a clause makes its change."""


_LANGUAGE_NAMES = {"en": ("English", "英文"), "zh-Hans": ("Simplified Chinese", "简体中文"),
                   "zh-Hant": ("Traditional Chinese", "繁体中文")}  # fmt: skip


def _language(text: str) -> str | None:
    lowered = text.lower()
    if any(w in lowered for w in ("英文", "英语", "英語", "in english", "to english")):
        return "en"
    if any(w in lowered for w in ("繁体", "繁體", "traditional chinese")):
        return "zh-Hant"
    if any(w in lowered for w in ("中文", "简体", "簡體", "in chinese", "to chinese")):
        return "zh-Hans"
    return None


_FILLER = re.compile(
    r"(?:please|pls|thanks|thank you|ok(?:ay)?|also|and|then|can you|could you|"
    r"请|請|谢谢|謝謝|麻烦了|麻煩了|好的)[.!。！]?",
    re.I,
)
"""A clause that asks for nothing (“please”, “谢谢”)."""
_LEADS = re.compile(
    r"(?:add|include|insert|remove|delete|drop|hide|加上|添加|增加|新增|加|删除|删掉|去掉|移除|刪除|刪掉)", re.I
)
"""The verb a clause starts with, lent to the clauses after it that have none of their own."""


def _read(spec: AppSpec, c: Clause) -> list[str]:
    """The changes one clause makes to ``spec`` (in place); Refused when it cannot, [] when not understood."""
    for reader in _READERS:
        said = read_in_app_script(spec, c, reader)
        if said:
            return said
    return []


def apply_edit(spec: AppSpec, sentence: str) -> EditResult:
    """The spec after ``sentence``, what changed, what could not be done and whether anything was made."""
    first, *pasted = keep_lines(sentence).split("\n")
    text = " ".join(sentence.split())
    t = clause(text, text, spec.brief.language).t
    parts = split_clauses(first)  # a pasted list (the lines after the first) belongs to the last clause
    parts = [*parts[:-1], "\n".join(parts[-1:] + pasted)] if pasted else parts
    wanted = [_language(p) for p in parts]
    language = next((w for w in wanted if w), None)
    if language is not None:
        if language == spec.brief.language:
            return EditResult(
                spec=spec, understood=True, changes=[t("the app is already in that language", "应用已经是这种语言了")]
            )
        rest = [p for p, w in zip(parts, wanted, strict=True) if not w]
        later = [t(f"“{p}”: say it again after the language change", f"“{p}”：请在换完语言后再说一次") for p in rest]
        en, zh = _LANGUAGE_NAMES[language]
        what = t(f"language set to {en}", f"语言改为{zh}")
        return EditResult(spec=spec, understood=True, changes=[what], not_done=later, replan_language=language)
    current, changes, not_done, verb = spec, [], [], ""
    for part in [p for p in parts if not _FILLER.fullmatch(p)]:
        try:
            draft = current.model_copy(deep=True)
            said = _read(draft, clause(part, text, spec.brief.language))
            if not said and verb and not _LEADS.match(part):  # “add a column for A and a field for B”
                draft = current.model_copy(deep=True)
                said = _read(draft, clause(f"{verb} {part}", text, spec.brief.language))
            if said:
                current = AppSpec.model_validate(draft.model_dump())
                changes += [line for line in said if line not in changes]  # two clauses, one change
            else:
                not_done.append(t(f"“{part}”: not understood", f"“{part}”：没看懂"))
        except Refused as refused:
            not_done.append(f"“{part}”: {refused.reason}" if not t.zh else f"“{part}”：{refused.reason}")
        except (ValidationError, ValueError):
            not_done.append(t(f"“{part}”: this change would break the app", f"“{part}”：这样改会让应用出错"))
        lead = _LEADS.match(part)
        verb = lead.group(0) if lead else verb
    current = in_app_script(current) if changes else current  # a zh-Hant app stays in traditional characters
    return EditResult(spec=current, understood=bool(changes), changes=changes, not_done=not_done)


_HELP = (
    "Offline I can add or remove a field, a page, an option, words, questions or items; change a goal, limit, "
    "range, time or count; rename; change the colour, dark or light mode, or add a chart (for example: call it "
    "Hydro, make it green and add a field for the date). Rephrase, or set a model provider.",
    "离线模式可以：添加或删除字段、页面、选项、单词、题目或项目；修改目标、上限、范围、时长或数量；改名；"
    "换颜色、深色或浅色模式，或加一个图表（例如：改名为喝水打卡，换成绿色，再加一个日期字段）。请换个说法，或者配置一个模型。",
)


def refusal(result: EditResult) -> UserError:
    """The error for a follow-up of which nothing could be made: why, per clause, and what does work."""
    reasons = "".join(f"\n- {line}" for line in result.not_done)
    return UserError(f"The app was not changed:{reasons}\n\n{_HELP[0]}", f"应用没有改动：{reasons}\n\n{_HELP[1]}")


def offline_edit(
    spec: AppSpec,
    idea: str,
    sentence: str,
    *,
    provider: Provider,
    on_event: Callable[[StageEvent], None] | None = None,
) -> EditResult:
    """A follow-up made offline: the edit, or the idea planned again in another language; a UserError that says
    why when nothing of it could be made (the app stays as it was)."""
    result = apply_edit(spec, sentence)
    if result.replan_language:
        from generator.generate import generate

        fresh = generate(idea, provider=provider, language=result.replan_language, on_event=on_event)  # type: ignore[arg-type]
        return result.model_copy(update={"spec": fresh.spec})
    if not result.understood:
        raise refusal(result)
    return result
