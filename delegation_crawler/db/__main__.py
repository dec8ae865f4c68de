"""``python -m delegation_crawler.db migrate|status|replay-deadletter --dsn DSN``."""

from __future__ import annotations

import argparse
import sys

import psycopg

from delegation_crawler.db import DSN_ENV, dsn_from, redact_dsn
from delegation_crawler.db.migrate import SchemaNotMigrated, applied_versions, available_migrations, migrate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m delegation_crawler.db", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("migrate", "apply pending schema migrations (idempotent)"),
                            ("status", "list migrations and whether each is applied"),
                            ("replay-deadletter", "write a dead-letter file's records to the database")):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--dsn", default=None, help=f"PostgreSQL DSN (default: ${DSN_ENV})")
        if name == "migrate":
            command.add_argument("--no-places", action="store_true",
                                 help="do not load the place gazetteer into the places table")
        if name == "replay-deadletter":
            command.add_argument("file", help="dead-letter JSON Lines file")
            command.add_argument("--batch-size", type=int, default=500)
    args = parser.parse_args(argv)
    dsn = dsn_from(args.dsn)
    if not dsn:
        parser.error(f"give --dsn or set {DSN_ENV}")
    try:
        if args.command == "migrate":
            applied = migrate(dsn)
            for m in applied:
                print(f"applied {m.version:04d}_{m.name}")
            print(f"{redact_dsn(dsn)}: schema up to date ({len(applied)} migration(s) applied now)")
            if not args.no_places:
                from delegation_crawler.db.places import load_places

                try:
                    print(f"places: {load_places(dsn)} division(s) from the gazetteer")
                except (ImportError, OSError) as exc:
                    print(f"places: gazetteer unavailable ({exc}); places will be filled from visit events")
        elif args.command == "status":
            with psycopg.connect(dsn, connect_timeout=10) as conn:
                done = applied_versions(conn)
            for m in available_migrations():
                state = "applied" if m.version in done else "PENDING"
                print(f"{m.version:04d}_{m.name}\t{state}")
            return 0 if all(m.version in done for m in available_migrations()) else 1
        else:
            from delegation_crawler.db.deadletter import replay

            result = replay(dsn, args.file, batch_size=args.batch_size)
            print(f"replayed {result.replayed} record(s); {result.remaining} still failing")
            if result.archived_to:
                print(f"all written; file moved to {result.archived_to}")
            return 1 if result.remaining else 0
    except SchemaNotMigrated as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (psycopg.OperationalError, FileNotFoundError) as exc:
        print(f"error: {exc}".strip(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
