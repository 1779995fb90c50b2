"""My classes: a teacher makes a class (students join with its code or QR code and a nickname), shares
apps with it alone, sees who used each app and what they submitted (quiz scores, votes, sign-ups) with a
CSV export, and chooses how long the class's data is kept (or deletes it all at once)."""

from __future__ import annotations

import streamlit as st

from gallery import UserView
from gallery.class_report import usage, usage_csv
from gallery.classes import RETENTION_CHOICES, ClassView
from studio import services
from studio.web.ui import esc, lang, need_user, t

__all__ = ["page"]


def _join_link(code: str) -> str:
    return f"{services.public_base(st.context.headers)}/join?code={code}"


def _new_class(teacher: UserView) -> None:
    expanded = not services.gallery().classes.mine(teacher)
    with st.expander(t("cls_new"), expanded=expanded), st.form("cls_new_form", clear_on_submit=True):
        name = st.text_input(t("cls_name"), key="cls_new_name", max_chars=80)
        days = st.selectbox(t("cls_retention"), RETENTION_CHOICES, index=1, key="cls_new_days",
                            format_func=lambda d: t("cls_days", n=d))  # fmt: skip
        if st.form_submit_button(t("cls_create"), key="cls_create"):
            made = services.gallery().classes.create(teacher, name, retention_days=int(days))
            st.session_state["cls_pick"] = made.code
            st.toast(t("cls_created", code=made.code), icon="✅")


def _join_card(found: ClassView) -> None:
    link = _join_link(found.code)
    columns = st.columns([3, 2])
    columns[0].markdown(t("cls_code_is"))
    columns[0].code(found.code, language=None)
    columns[0].markdown(t("cls_or_link"))
    columns[0].code(link, language=None)
    columns[0].caption(t("cls_members", n=found.members))
    columns[1].image(services.qr_png(link), caption=t("cls_qr"), width=180)


def _members_and_data(teacher: UserView, found: ClassView) -> None:
    classes = services.gallery().classes
    members = classes.members(teacher, found.code)
    if members:
        st.markdown(" · ".join(esc(m.nickname) for m in members))
    days = st.selectbox(t("cls_retention"), RETENTION_CHOICES, index=RETENTION_CHOICES.index(found.retention_days),
                        key=f"cls_days_{found.code}", format_func=lambda d: t("cls_days", n=d))  # fmt: skip
    if int(days) != found.retention_days:
        classes.set_retention(teacher, found.code, int(days))
        st.toast(t("cls_retention_saved", n=days), icon="✅")
    st.caption(t("cls_retention_note"))
    sure = st.checkbox(t("cls_delete_sure"), key=f"cls_delete_sure_{found.code}")
    if st.button(t("cls_delete"), key=f"cls_delete_{found.code}", disabled=not sure, type="secondary"):
        gone = classes.delete_data(teacher, found.code)
        st.session_state.pop(f"cls_delete_sure_{found.code}", None)
        st.toast(t("cls_deleted", n=gone), icon="🗑️")
        st.rerun()


def _share(teacher: UserView, found: ClassView) -> None:
    gallery = services.gallery()
    shareable = [a for a in gallery.apps.my_apps(teacher) if a.state in ("published", "featured")]
    if not shareable:
        if not gallery.classes.class_apps(found.code):
            st.caption(t("cls_nothing_to_share"))
        return
    titles = {a.slug: a.title for a in shareable}
    slug = st.selectbox(
        t("cls_share_pick"), list(titles), format_func=lambda s: titles[s], key=f"cls_share_{found.code}"
    )
    if st.button(t("cls_share"), key=f"cls_share_go_{found.code}"):
        gallery.classes.share(teacher, found.code, str(slug))
        st.toast(t("cls_shared"), icon="✅")
        st.rerun()


def _app_view(teacher: UserView, found: ClassView) -> None:
    gallery = services.gallery()
    apps = gallery.classes.class_apps(found.code)
    if not apps:
        st.caption(t("cls_no_apps_yet"))
        return
    titles = {a.slug: a.title for a in apps}
    slug = str(st.selectbox(t("cls_app_pick"), list(titles), format_func=lambda s: titles[s],
                            key=f"cls_app_{found.code}"))  # fmt: skip
    st.markdown(f"[{t('cls_open_app')}](/apps/{slug}/)")
    report = usage(gallery.classes, teacher, slug, lang())
    if not report.students:
        st.info(t("cls_nobody_yet"))
    else:
        st.markdown(t("cls_used_by", n=len(report.students)))
        table = [
            {t("cls_student"): name, **{report.quizzes[q]: f"{s} / {n}" for q, (s, n) in marks.items()}}
            for name, marks in report.students.items()
        ]
        st.table(table)
        rows = [{t("cls_student"): r.student, t("cls_part"): r.part, t("cls_answer"): r.answer, t("cls_when"): r.when}
                for r in report.rows]  # fmt: skip
        if rows:
            st.dataframe(rows, hide_index=True, key=f"cls_rows_{slug}")
        st.download_button(t("cls_export"), usage_csv(report, lang()), file_name=f"{slug}-{found.code}.csv",
                           mime="text/csv", key=f"cls_csv_{slug}")  # fmt: skip
    if st.button(t("cls_unshare"), key=f"cls_unshare_{slug}"):
        gallery.classes.unshare(teacher, slug)
        st.rerun()


def page() -> None:
    st.header(t("nav_classes"), anchor=False)
    teacher = need_user("action_classes")
    if teacher is None:
        return
    _new_class(teacher)
    mine = services.gallery().classes.mine(teacher)
    if not mine:
        st.info(t("cls_none"))
        return
    names = {c.code: f"{c.name} · {c.code}" for c in mine}
    if st.session_state.get("cls_pick") not in names:
        st.session_state["cls_pick"] = mine[0].code
    code = str(st.selectbox(t("cls_pick"), list(names), format_func=lambda c: names[c], key="cls_pick"))
    found = next(c for c in mine if c.code == code)
    join, apps, members = st.tabs([t("cls_tab_join"), t("cls_tab_apps"), t("cls_tab_members")])
    with join:
        _join_card(found)
    with apps:
        _share(teacher, found)
        _app_view(teacher, found)
    with members:
        _members_and_data(teacher, found)


if __name__ == "__main__":
    page()
