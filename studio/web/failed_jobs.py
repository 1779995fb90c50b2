"""Failed jobs (maintainers only): the jobs that failed for good after their retries, newest first: what was
asked, when, the message the maker saw, who asked, and how many times it was retried.

services.failed_jobs checks the role again, so this page hiding itself from others is a convenience.
"""

from __future__ import annotations

import streamlit as st

from studio import services
from studio.strings import STRINGS
from studio.web.ui import guard, lang, t, user
from workshop.jobs import Job

__all__ = ["page"]


def _maker(job: Job) -> str:
    """An account by name; an anonymous browser by the first characters of its hash (never a secret)."""
    if job.actor.get("owner"):
        return job.actor["owner"]
    creator = job.actor.get("creator")
    return f"{t('jobs_anonymous')} {creator[:8]}" if creator else t("jobs_anonymous")


def _kind(kind: str) -> str:
    key = f"job_kind_{kind}"
    return t(key) if key in STRINGS else kind


def page() -> None:
    st.header(t("nav_jobs"), anchor=False)
    viewer = user()
    if viewer is None or not viewer.is_maintainer:
        st.error(t("jobs_only"))
        return
    st.caption(t("jobs_intro"))
    with guard():
        failed = services.failed_jobs(viewer)
        if not failed:
            st.info(t("jobs_none"))
            return
        rows = [
            {
                t("jobs_when"): job.updated_at[:19].replace("T", " "),
                t("jobs_kind"): _kind(job.kind),
                t("jobs_asked"): str(job.input.get("idea") or job.input.get("sentence") or ""),
                t("jobs_message"): (job.error or {}).get(lang(), (job.error or {}).get("en", "")),
                t("jobs_maker"): _maker(job),
                t("jobs_retries"): max(0, job.attempts - 1),
            }
            for job in failed
        ]
        st.dataframe(rows, hide_index=True, width="stretch")


if __name__ == "__main__":
    page()
