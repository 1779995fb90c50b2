"""``flashapps gallery ...``: create the first maintainer, back up and restore the gallery, API tokens, sweep the
object storage.

``main(argv)`` returns an exit status; a ``UserError`` is printed as one line, in the
language of ``--lang`` (or ``LANG``), and gives status 1.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from flashapps.errors import UserError
from gallery.core import open_gallery

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="flashapps gallery", description="Manage the app gallery.")
    parser.add_argument("--lang", default=None, help="language of messages (en or zh)")
    commands = parser.add_subparsers(dest="command", required=True)
    create = commands.add_parser("create-maintainer", help="create a maintainer account (the first one, say)")
    create.add_argument("--username", required=True)
    create.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    backup = commands.add_parser("backup", help="write the database and bundle files to one archive")
    backup.add_argument("file", type=Path)
    restore = commands.add_parser("restore", help="replace the gallery with a backup (stop the studio first)")
    restore.add_argument("file", type=Path)
    sweep = commands.add_parser(
        "sweep-objects", help="delete the object storage's bundles no app version refers to (gallery/sweep.py)"
    )
    sweep.add_argument("--dry-run", action="store_true", help="only tell what would be deleted")
    sweep.add_argument(
        "--older-than-hours", type=float, default=24, help="keep anything younger (default 24; at least 1)"
    )
    token = commands.add_parser("token", help="make, list and revoke a user's API tokens (the studio's JSON API)")
    token_commands = token.add_subparsers(dest="token_command", required=True)
    for name, said in (("create", "make a token (shown once)"), ("list", "list tokens"), ("revoke", "revoke one")):
        each = token_commands.add_parser(name, help=said)
        each.add_argument("--username", required=True)
        if name == "create":
            each.add_argument("--name", default="", help="what the token is for")
        if name == "revoke":
            each.add_argument("id", type=int, help="the token's number (see list)")
    return parser


def _token(args: argparse.Namespace) -> None:
    """``flashapps gallery token create|list|revoke``: the operator acts for the user (the server's own machine)."""
    gallery = open_gallery()
    try:
        user = gallery.accounts.get(args.username)
        tokens = gallery.api_tokens
        if args.token_command == "create":
            token, view = tokens.create(user, args.name)
            print(f"token {view.id} ({view.name}) for {user.username}; shown only now, keep it safe:")
            print(token)
        elif args.token_command == "list":
            for view in tokens.list(user):
                used = view.last_used_at.isoformat(timespec="minutes") if view.last_used_at else "never used"
                print(f"{view.id}\t{view.hint}\t{view.name}\t{used}")
        else:
            tokens.revoke(user, args.id)
            print(f"token {args.id} revoked")
    finally:
        gallery.close()


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Password again: "):
        raise UserError("The passwords differ.", "两次输入的密码不一致。")
    return first


def main(argv: Sequence[str] | None = None) -> int:
    """Runs one gallery command; returns the exit status."""
    args = _parser().parse_args(argv)
    language = args.lang or os.environ.get("LANG", "en")
    try:
        if args.command == "create-maintainer":
            password = _password(args.password_stdin)
            gallery = open_gallery()
            try:
                user = gallery.accounts.create_maintainer(args.username, password)
            finally:
                gallery.close()
            print(f"maintainer {user.username!r} created")
        elif args.command == "backup":
            gallery = open_gallery()
            try:
                written = gallery.backup(args.file)
            finally:
                gallery.close()
            print(f"backup written to {written}")
        elif args.command == "restore":
            if not args.file.is_file():
                raise UserError(f"No backup at {args.file}.", f"找不到备份文件 {args.file}。")
            gallery = open_gallery()
            try:
                counts = gallery.restore(args.file)
            finally:
                gallery.close()
            print("restored: " + ", ".join(f"{name} {count}" for name, count in counts.items()))
        elif args.command == "token":
            _token(args)
        elif args.command == "sweep-objects":
            from gallery.sweep import report, sweep_objects

            gallery = open_gallery()
            try:
                print(report(sweep_objects(gallery, args.older_than_hours, args.dry_run), language))
            finally:
                gallery.close()
    except UserError as error:
        print(error.message(language), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
