"""The ``flashapps`` command line: ``new``, ``verify``, ``preview`` and ``studio``.

Errors the user can fix end with one line in their language and exit status 2; nothing
half-written is left behind.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import subprocess
import sys
from collections.abc import Callable, Sequence
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from flashapps.errors import FlashAppsError, UserError, pick_language
from flashapps.files import keep_private
from flashapps.settings import Settings, home_folder

if TYPE_CHECKING:
    from flashapps.events import StageEvent
    from flashapps.report import VerifyReport
    from flashapps.spec.base import Language
    from workshop.actions import Outcome, Workshop
    from workshop.makers import Maker

__all__ = ["main"]

_T = TypeVar("_T")

ROOT = Path(__file__).resolve().parents[1]
LOG_BYTES, LOG_BACKUPS = 5 * 1024 * 1024, 3  # flashapps.log rotates: at most 20 MiB of log in all


def _language_arg(value: str | None, idea: str) -> Language | None:
    """``--lang zh`` keeps the idea's own script (traditional stays traditional)."""
    if value in (None, "auto"):
        return None
    if value == "zh":
        from generator.planner import detect_language

        detected = detect_language(idea)
        return detected if detected.startswith("zh") else "zh-Hans"
    return cast("Language", value)


def _workshop(settings: Settings, args: argparse.Namespace) -> Workshop:
    from workshop.actions import Workshop, sandbox_verifier

    return Workshop(settings, verify=None if args.no_verify else sandbox_verifier(args.backend))


def _show(args: argparse.Namespace) -> Callable[[StageEvent], None]:
    def show(event: StageEvent) -> None:
        if not getattr(args, "json", False):
            mark = "✓" if event.ok else "✗"
            print(f"{mark} {event.stage:<9} {event.elapsed_ms:7.1f} ms  {event.summary}", flush=True)

    return show


def _cmd_new(args: argparse.Namespace, settings: Settings) -> int:
    from generator.generate import clean_idea, new_bundle_dir
    from generator.providers import get_provider

    language = _language_arg(args.lang, args.idea)
    idea = clean_idea(args.idea, settings)
    out = Path(args.out) if args.out else None
    if out is not None and out.exists() and any(out.iterdir()):
        raise UserError(
            f"{out} already exists and is not empty; choose another --out folder.",
            f"{out} 已存在且不为空，请换一个 --out 文件夹。",
        )
    shop = _workshop(settings, args)
    provider = get_provider(args.provider, settings)
    outcome = _checked(lambda: shop.create(idea, provider, language=language, emit=_show(args)))
    generation = outcome.generation
    assert generation is not None
    folder = shop.copy_out(outcome.project, out or new_bundle_dir(settings, generation.spec.brief.title, idea))
    if args.json:
        data = {"bundle": str(folder), "project": outcome.project, **generation.model_dump(mode="json")}
        data.update(verify=None if outcome.report is None else outcome.report.model_dump(mode="json"))
        data.update(repair_rounds=[r.model_dump() for r in outcome.rounds], digest=outcome.bundle.digest)
        data.update(left_out=[item.model_dump() for item in generation.spec.brief.left_out])
        print(json.dumps(data, ensure_ascii=False))
        return 0 if outcome.passed is not False else 1
    print(f"→ {generation.note}")
    zh = generation.language.startswith("zh")
    for item in generation.spec.brief.left_out:
        print(f"  {'未包含' if zh else 'Not included'}: {item.part} — {item.reason}")
    if outcome.report is not None and not outcome.report.passed:
        _print_failures(outcome.report)
    print(f"  flashapps preview {folder}")
    return 0 if outcome.passed is not False else 1


def _checked(action: Callable[[], _T]) -> _T:
    """Runs an action; when no sandbox can check apps here, says how to go on without one."""
    from workshop.actions import VerifyUnavailable

    try:
        return action()
    except VerifyUnavailable as exc:
        raise UserError(
            f"{exc.message('en')} Or skip checking with --no-verify.",
            f"{exc.message('zh')}也可以加 --no-verify 跳过检查。",
        ) from exc


def _cmd_edit(args: argparse.Namespace, settings: Settings) -> int:
    from generator.providers import get_provider

    folder = Path(args.dir).resolve()
    shop = _workshop(settings, args)
    project = shop.adopt(folder)
    provider = get_provider(args.provider, settings)
    outcome = _checked(lambda: shop.edit(project.id, args.sentence, provider, actor=_local(), emit=_show(args)))
    for change in outcome.changes:
        print(f"✓ {change}")
    for item in outcome.not_done:
        print(f"✗ {item}")
    return _report_version(shop, outcome, folder)


def _cmd_undo(args: argparse.Namespace, settings: Settings) -> int:
    folder = Path(args.dir).resolve()
    shop = _workshop(settings, args)
    project = shop.adopt(folder)
    target = args.to or max(1, project.current - 1)
    outcome = _checked(lambda: shop.undo(project.id, target, actor=_local(), emit=_show(args)))
    print(f"✓ version {outcome.version} = version {target}")
    return _report_version(shop, outcome, folder)


def _local() -> Maker:
    """The command line acts as this machine's user: it changes the projects made here, not a studio maker's."""
    from workshop.makers import Maker

    return Maker.command_line()


def _report_version(shop: Workshop, outcome: Outcome, folder: Path) -> int:
    shop.copy_out(outcome.project, folder)
    print(f"✓ version {outcome.version} of {folder}")
    if outcome.report is not None and not outcome.report.passed:
        _print_failures(outcome.report)
    return 0 if outcome.passed is not False else 1


def _cmd_versions(args: argparse.Namespace, settings: Settings) -> int:
    from workshop.actions import Workshop

    shop = Workshop(settings)
    project = shop.adopt(Path(args.dir).resolve())
    for version in shop.projects.versions(project.id):
        mark = "*" if version.number == project.current else " "
        verdict = "" if version.verify is None else ("✓" if version.verify.passed else "✗")
        print(f"{mark} v{version.number:<3} {version.created_at} {verdict} {version.change or project.idea}")
    return 0


def _verify(bundle: Path, backend: str | None) -> VerifyReport:
    from workshop.actions import sandbox_verifier

    verify = sandbox_verifier(backend)
    return _checked(lambda: verify(bundle))


def _print_failures(report: VerifyReport) -> None:
    if report.note:
        print(f"  {report.note}")
    for finding in report.findings[:20]:
        print(f"  {finding.tool} {finding.file}:{finding.line} {finding.code} {finding.message}")
    for test in report.failed_tests[:10]:
        print(f"  FAILED {test.name}")
        print("    " + test.output[-800:].replace("\n", "\n    "))


def _cmd_verify(args: argparse.Namespace, settings: Settings) -> int:
    folder = Path(args.dir).resolve()
    if not folder.is_dir():
        raise UserError(f"{folder} is not a folder.", f"{folder} 不是文件夹。")
    report = _verify(folder, args.backend)
    if args.json:
        print(report.model_dump_json(indent=1))
    else:
        mark = "✓" if report.passed else "✗"
        print(f"{mark} {report.backend}{'' if report.isolated else ' (NOT ISOLATED)'}: {report.summary()}")
        timings = ", ".join(f"{k} {v:.2f} s" for k, v in report.timings_s.items())
        print(f"  {timings}")
        for test in report.tests:
            print(f"  {test.outcome:<7} {test.duration_s:6.2f} s  {test.name}")
        _print_failures(report)
    return 0 if report.passed else 1


def _streamlit(script: Path, port: int, extra_env: dict[str, str]) -> int:
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]
    return subprocess.call(command, env={**os.environ, **extra_env}, cwd=script.parent)


def _cmd_preview(args: argparse.Namespace, settings: Settings) -> int:
    folder = Path(args.dir).resolve()
    if not (folder / "app.py").is_file():
        raise UserError(
            f'{folder} is not an app folder (no app.py). Create one with: flashapps new "your idea"',
            f'{folder} 不是应用文件夹（没有 app.py）。先用 flashapps new "你的想法" 生成一个。',
        )
    print(f"http://localhost:{args.port}", flush=True)
    return _streamlit(folder / "app.py", args.port, {"FLASHAPP_DATA_DIR": str(folder / "data")})


def _cmd_prune(args: argparse.Namespace, settings: Settings) -> int:
    """Removes old jobs and abandoned anonymous drafts now (the studio also does it, at most hourly)."""
    from workshop.jobs import prune

    if args.jobs_days is not None:
        settings = settings.model_copy(update={"prune_jobs_days": args.jobs_days})
    if args.drafts_days is not None:
        settings = settings.model_copy(update={"prune_drafts_days": args.drafts_days})
    removed = prune(settings)
    jobs, drafts = len(removed["jobs"]), len(removed["drafts"])
    if pick_language(os.environ.get("LANG", "")) == "zh":
        print(f"已删除 {jobs} 个超过 {settings.prune_jobs_days:g} 天的任务，以及 {drafts} 个 "
              f"{settings.prune_drafts_days:g} 天未动过、也未发布的匿名草稿。")  # fmt: skip
    else:
        print(f"Removed {jobs} jobs older than {settings.prune_jobs_days:g} days and {drafts} anonymous drafts "
              f"neither published nor changed for {settings.prune_drafts_days:g} days.")  # fmt: skip
    return 0


def _cmd_studio(args: argparse.Namespace, settings: Settings) -> int:
    """The studio on its port and every app on the apps' own origin (studio/server.py prints both, and any sandbox
    warning)."""
    from studio.server import serve

    return serve(args.host, args.port)


def _cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    """Runs the studio's jobs from the PostgreSQL queue (workshop/pgqueue.py) until SIGTERM; on any host with a
    Docker engine, the same FLASHAPPS_HOME folder and the same jobs database."""
    from workshop import tasks
    from workshop.jobs import queue_url
    from workshop.pgqueue import run_worker

    url = queue_url()
    if not url:
        raise UserError(
            "A worker needs the jobs database: set FLASHAPPS_DATABASE_URL (or FLASHAPPS_QUEUE_URL) to a PostgreSQL "
            "address. Without one, the studio runs its jobs itself.",
            "工作进程需要任务数据库：请把 FLASHAPPS_DATABASE_URL（或 FLASHAPPS_QUEUE_URL）设为 PostgreSQL 地址。"
            "不设置时，工作室自己运行任务。",
        )
    verify = not args.no_verify
    run_worker(url, concurrency=args.concurrency, stalled_after=args.stalled_after, heartbeat=args.heartbeat,
               env=lambda: tasks.default_env(verify=verify))  # fmt: skip
    return 0


def _cmd_host(args: argparse.Namespace, settings: Settings) -> int:
    """A sandbox host (studio/hostagent.py): serves apps to the studio replicas, next to this machine's engine."""
    from studio.hostagent import run_host
    from studio.serving.hosts import HostSettings

    if not HostSettings().enabled or not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,63}", args.name):
        raise UserError(
            "A sandbox host needs FLASHAPPS_HOSTS_SECRET (the secret its studio replicas share, 16 characters or "
            "more), FLASHAPPS_DATABASE_URL, and a --name of lowercase letters, digits and dashes.",
            "沙箱主机需要 FLASHAPPS_HOSTS_SECRET（与工作室副本共用的密钥，至少 16 个字符）、FLASHAPPS_DATABASE_URL，"
            "以及由小写字母、数字和连字符组成的 --name。",
        )
    home = Path(args.home) if args.home else settings.home / "hosts" / args.name
    return run_host(args.name, args.host, args.port, args.address, home)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="flashapps", description="One sentence in, a small working app out.")
    parser.add_argument("-v", "--verbose", action="store_true", help="show details on stderr instead of the log file")
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", help="turn an idea into an app folder")
    new.add_argument("idea", help='the idea, in one sentence: "an app to track my daily water intake"')
    new.add_argument("--out", help="folder to write (default: under $FLASHAPPS_HOME/bundles)")
    new.add_argument("--lang", choices=["auto", "en", "zh", "zh-Hans", "zh-Hant"], default="auto")
    new.add_argument("--provider", help="offline (default), openai (an endpoint) or local (see: flashapps models)")
    new.add_argument("--json", action="store_true", help="print the generation as JSON")
    new.add_argument("--no-verify", action="store_true", help="skip linting and testing the app in the sandbox")
    new.add_argument("--backend", choices=["auto", "docker", "bubblewrap", "local"], help="sandbox backend")
    new.set_defaults(run=_cmd_new)
    edit = commands.add_parser("edit", help="change an app folder with a follow-up sentence (a new version)")
    edit.add_argument("dir")
    edit.add_argument("sentence", help='e.g. "make the goal 3 litres and add a weekly chart"')
    edit.add_argument("--provider", help="offline (default), openai (an endpoint) or local (see: flashapps models)")
    undo = commands.add_parser("undo", help="go back to an earlier version (as a new version)")
    undo.add_argument("dir")
    undo.add_argument("--to", type=int, help="the version to return to (default: the one before)")
    for command, run in ((edit, _cmd_edit), (undo, _cmd_undo)):
        command.add_argument("--no-verify", action="store_true")
        command.add_argument("--backend", choices=["auto", "docker", "bubblewrap", "local"])
        command.set_defaults(run=run)
    versions = commands.add_parser("versions", help="list an app folder's versions")
    versions.add_argument("dir")
    versions.set_defaults(run=_cmd_versions)
    check = commands.add_parser("verify", help="lint and test an app folder in the sandbox")
    check.add_argument("dir")
    check.add_argument("--backend", choices=["auto", "docker", "bubblewrap", "local"], help="sandbox backend")
    check.add_argument("--json", action="store_true", help="print the VerifyReport as JSON")
    check.set_defaults(run=_cmd_verify)
    preview = commands.add_parser("preview", help="run an app folder with Streamlit")
    preview.add_argument("dir")
    preview.add_argument("--port", type=int, default=8502)
    preview.set_defaults(run=_cmd_preview)
    studio = commands.add_parser("studio", help="start the studio; apps get an origin of their own (the next port)")
    studio.add_argument("--host", default=os.environ.get("FLASHAPPS_HOST", "127.0.0.1"), help="address to listen on")
    studio.add_argument("--port", type=int, default=int(os.environ.get("FLASHAPPS_PORT", "8501")))
    studio.set_defaults(run=_cmd_studio)
    prune = commands.add_parser("prune", help="remove old jobs and abandoned anonymous drafts")
    prune.add_argument("--jobs-days", type=float, help="jobs older than this (default: FLASHAPPS_PRUNE_JOBS_DAYS)")
    prune.add_argument("--drafts-days", type=float,
                       help="anonymous drafts untouched this long (default: FLASHAPPS_PRUNE_DRAFTS_DAYS)")  # fmt: skip
    prune.set_defaults(run=_cmd_prune)
    worker = commands.add_parser("worker", help="run generation and checks from the PostgreSQL job queue")
    worker.add_argument("--concurrency", type=int, default=2, help="jobs at once (default 2)")
    worker.add_argument("--stalled-after", type=float, default=30.0,
                        help="seconds without a heartbeat before another worker retries a worker's job")  # fmt: skip
    worker.add_argument("--heartbeat", type=float, default=5.0, help="seconds between this worker's heartbeats")
    worker.add_argument("--no-verify", action="store_true", help="skip checking apps in the sandbox")
    worker.set_defaults(run=_cmd_worker)
    host = commands.add_parser("host", help="serve apps to studio replicas next to this machine's Docker engine")
    host.add_argument("--name", required=True, help="this host's name in the cluster (letters, digits, dashes)")
    host.add_argument("--host", default="127.0.0.1", help="address to listen on")
    host.add_argument("--port", type=int, default=9101)
    host.add_argument("--address", help="how the replicas reach it (default: http://HOST:PORT)")
    host.add_argument("--home", help="its apps' data folders (default: $FLASHAPPS_HOME/hosts/NAME)")
    host.set_defaults(run=_cmd_host)
    commands.add_parser("gallery", help="create the first maintainer, back up and restore the gallery")
    commands.add_parser("models", help="install, list and remove the local models (local-small, local)")
    return parser


def _logging(settings: Settings, verbose: bool) -> None:
    """Details go to $FLASHAPPS_HOME/logs/flashapps.log (or stderr with -v); the screen gets one line."""
    if verbose:
        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
        return
    folder = settings.home / "logs"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            folder / "flashapps.log", maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler])


def _delegated(group: str) -> Callable[[Sequence[str]], int] | None:
    """Command groups that live in their own room: ``flashapps gallery …``, ``flashapps models …``."""
    if group == "gallery":
        from gallery.cli import main as gallery_main

        return gallery_main
    if group == "models":
        from generator.localmodel import main as models_main

        return models_main
    return None


def main(argv: Sequence[str] | None = None) -> int:
    keep_private(home_folder())  # everything written under FLASHAPPS_HOME from here on: 0600 files, 0700 folders
    argv = list(sys.argv[1:] if argv is None else argv)
    delegated = _delegated(argv[0]) if argv else None
    if delegated is not None:
        return int(delegated(argv[1:]))
    args = _parser().parse_args(argv)
    settings = Settings()
    _logging(settings, args.verbose)
    lang = pick_language(getattr(args, "lang", None) or os.environ.get("LANG", ""))
    if getattr(args, "idea", None) and re.search(r"[\u4e00-\u9fff]", args.idea):
        lang = "zh"
    if getattr(args, "sentence", None) and re.search(r"[\u4e00-\u9fff]", args.sentence):
        lang = "zh"
    try:
        return int(args.run(args, settings))
    except UserError as exc:
        print(f"flashapps: {exc.message(lang)}", file=sys.stderr)
        return 2
    except FlashAppsError as exc:
        print(f"flashapps: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
