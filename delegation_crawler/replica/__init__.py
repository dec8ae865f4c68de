"""Local replicas of the portals, for offline crawls and tests (see server.py)."""

from delegation_crawler.replica.routing import ReplicaRouter
from delegation_crawler.replica.server import ReplicaServer, load_sites

__all__ = ["ReplicaRouter", "ReplicaServer", "load_sites"]
