"""Whose records an app keeps, once it is shared: each entity's ``scope`` and the brief's.

The sentence decides when it says so ("my own", "private", "students submit … I see all the
answers", "shared with the class", "每个人自己的", "全班一起看"); otherwise the kind of app does:
a tracker, a diary, a budget or a quiz is personal; a poll, a points board, a sign-up sheet, an
inventory or a shop's records are shared. ``submissions`` is for what visitors hand in to the
app's maker: each visitor adds and sees their own, and only the maker sees them all.
"""

from __future__ import annotations

import re

from flashapps.spec import AppSpec, Scope

__all__ = ["PERSONAL_PATTERNS", "SAID", "SCOPES", "SHARED_KINDS", "default_scope", "read_scope", "with_scope"]

SCOPES: tuple[Scope, ...] = ("personal", "shared", "submissions")

PERSONAL_PATTERNS = frozenset(
    {"tracker", "habit", "diet", "notes", "todo", "budget", "timer", "flashcards", "quiz", "drill", "calculator",
     "converter", "game", "compute"}
)  # fmt: skip
"""Kinds of app one person uses for themselves; the others keep one set for everyone."""

SAID: dict[str, tuple[str, str]] = {
    "personal": (
        "each visitor now keeps their own records, seen by nobody else",
        "每位访客的记录只属于自己，别人看不到",
    ),
    "shared": ("everyone now sees and changes one shared set of records", "所有人现在看到并共用同一份记录"),
    "submissions": (
        "each visitor now sends their own records, and only you see them all",
        "每位访客提交自己的记录，只有你能看到全部",
    ),
}
"""What a change of scope tells the maker, in English and Chinese."""

_SUBMISSIONS = re.compile(
    r"(?<![a-z])(?:submit\w*|submissions?|hand(?:s|ed)? in|turn(?:s|ed)? in|exit tickets?|homework|assignments?"
    r"|survey|questionnaire|feedback form|(?:i|teacher|we)\s+(?:can\s+)?(?:see|view|read|review|collect)\s+"
    r"(?:all|every|each|the)\b[^.!?]{0,30}(?:answers?|responses?|submissions?|entries|replies|votes?|tickets?)"
    r"|only (?:i|the teacher|the owner|the organi[sz]er) (?:can )?see)(?![a-z])"
    r"|收集|提交|交作业|交作業|问卷|問卷|调查表|調查表|作业|作業|出门条|出門條|回执|回執"
    r"|(?:只有|仅|僅)(?:我|老师|老師)(?:能|可以)?看|(?:我|老师|老師)(?:能|可以)?看到(?:所有|全部|每个|每個|大家)"
)
_SHARED = re.compile(
    r"(?<![a-z])(?:shared|share it with|for the (?:whole )?(?:class|team|family|group|office) to see"
    r"|everyone (?:can )?(?:sees?|edits?)|whole class sees|class[- ]wide|leaderboard|points board"
    r"|sign[- ]?up sheet|together)(?![a-z])"
    r"|共享|共用|大家都能看|全班(?:一起|都能|同学都|同學都|共用)|一起(?:看|用|编辑|編輯)|公开|公開|排行榜"
)
_PERSONAL = re.compile(
    r"(?<![a-z])(?:private|privately|personal|just (?:for )?me|only me|my own|for myself"
    r"|(?:each|every) (?:student|person|user|visitor|member|kid|child|player)\w* (?:has|gets|keeps|sees|tracks)"
    r" (?:their|his|her|its) own|their own (?:records?|data|list|log|diary|entries))(?![a-z])"
    r"|私人|私密|隐私|隱私|自己的|个人的|個人的|只给我|只給我|只有我自己|每(?:个|個)(?:人|学生|學生|同学|同學)(?:都)?(?:有|记|記|看)?自己的"
)


def read_scope(text: str) -> Scope | None:
    """What the sentence says of whose records they are; None when it says nothing.

    Handing in to the maker wins over the other two ("each student submits their own answers
    and I see them all" is submissions), then sharing, then keeping them personal."""
    lowered = text.casefold()
    for scope, words in (("submissions", _SUBMISSIONS), ("shared", _SHARED), ("personal", _PERSONAL)):
        if words.search(lowered):
            return scope  # type: ignore[return-value]
    return None


def default_scope(pattern: str) -> Scope:
    """The scope of a kind of app when the sentence does not say."""
    return "personal" if pattern in PERSONAL_PATTERNS else "shared"


SHARED_KINDS = frozenset({"booking", "seats", "calendar"})
"""Components whose records must be everyone's: a slot or a seat is taken for all visitors."""


def with_scope(spec: AppSpec, scope: Scope) -> AppSpec:
    """``spec`` whose every entity keeps its records in ``scope`` (but bookings and seats stay shared:
    a taken slot is taken for everyone); the app's own values (counters, progress) are kept per
    visitor unless the app is shared."""
    brief_scope: Scope = "shared" if scope == "shared" else "personal"
    booked = {getattr(c, "entity", None) for c in spec.components() if c.kind in SHARED_KINDS}
    entities = [e.model_copy(update={"scope": "shared" if e.name in booked else scope}) for e in spec.entities]
    brief = spec.brief.model_copy(update={"scope": brief_scope})
    return spec.model_copy(update={"entities": entities, "brief": brief})
