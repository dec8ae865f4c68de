"""``python -m delegation_crawler.replica serve [--port N] [--edition N] [--faults rate=0.2,seed=1]``"""

from __future__ import annotations

import argparse
import logging
import sys
import time

from delegation_crawler.replica.faults import FaultPlan
from delegation_crawler.replica.server import ReplicaServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m delegation_crawler.replica")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the bundled portal replicas on loopback")
    serve.add_argument("--port", type=int, default=8800, help="port (0 = any free port; default 8800)")
    serve.add_argument("--edition", type=int, default=1, help="serve pages edited up to this edition")
    serve.add_argument("--faults", default="", metavar="SPEC",
                       help="answer some requests badly: rate=0.2,seed=1[,clears_after=1][,kinds=http_500+reset]")
    args = parser.parse_args(argv)
    try:
        faults = FaultPlan.parse(args.faults) if args.faults else None
    except (ValueError, TypeError) as exc:
        parser.error(str(exc))

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    with ReplicaServer(port=args.port, edition=args.edition, faults=faults) as server:
        server.httpd.log_requests = True
        portals = sorted({site.portal for site in server.sites.values()})
        print(f"Replica server on {server.url} (portals: {', '.join(portals)})", flush=True)
        print(f"Crawl one: scrapy crawl zgm -s REPLICA_URL={server.url} -O zgm.jsonl", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
