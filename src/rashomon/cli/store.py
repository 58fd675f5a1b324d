"""`rashomon ingest | serve | export | search | store`: the corpus store and web app from the command line."""

from __future__ import annotations

import ipaddress
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Any, Callable, Optional

import typer

from ..errors import RashomonError
from .flags import AllowPrivate, Config, FollowLinks, Inputs, Jobs, Scheduler, ShowProgress

DB_HELP = "SQLite file or PostgreSQL URL (default: rashomon.sqlite in the user data directory)."
DbOption = typer.Option(None, "--db", envvar="RASHOMON_DB", help=DB_HELP)


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"


def _open(db: Optional[str]):  # noqa: ANN202 - rashomon.store.Store
    from ..store import Store

    return Store(db)


def ingest(
    paths: list[str] = Inputs,
    db: Optional[str] = DbOption,
    jobs: int = Jobs,
    scheduler: Optional[str] = Scheduler,
    config: Optional[Path] = Config,
    progress: bool = ShowProgress,
    allow_private: bool = AllowPrivate,
    follow_links: bool = FollowLinks,
) -> None:
    """Analyse articles and store them; texts already stored are skipped, so reruns resume."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..api import Analyzer
    from ..batch import count
    from . import err_console, fail, options

    try:
        opts = options(config, allow_private=allow_private, follow_links=follow_links)
        store = _open(db)
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err_console, disable=not progress) as bar:
            task = bar.add_task("ingesting", total=count(paths))

            def on_item(source: str, what: object) -> None:
                if isinstance(what, RashomonError):
                    err_console.print(f"[red]error[/red] {what}", highlight=False, soft_wrap=True)
                bar.advance(task)

            # Texts already stored come back skipped, unanalysed: models load only for new ones.
            report = store.add_many(Analyzer(opts).pipe(paths, jobs=jobs, exclude=store.known_hashes, scheduler=scheduler),
                                    on_item=on_item)
    except RashomonError as err:
        fail(err)
    err_console.print(f"{report.summary()} → {store.describe()}", highlight=False, soft_wrap=True)
    if report.failed:
        raise typer.Exit(1)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(
    db: Optional[str] = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; loopback unless --token is set."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to bind."),
    token: Optional[str] = typer.Option(None, "--token", envvar="RASHOMON_TOKEN",
                                        help="Require this token on every request (Bearer header or login link)."),
    max_body: int = typer.Option(2 * 1024 * 1024, "--max-body", min=1024, help="Largest request body, bytes."),
    config: Optional[Path] = typer.Option(None, "--config", help="TOML file overriding packaged defaults "
                                          "(uploads are read and analysed with it)."),
    queue_size: int = typer.Option(8, "--queue-size", min=1, max=10_000,
                                   help="Uploads waiting for analysis; more are refused with E084."),
    aliases: Optional[Path] = typer.Option(None, "--aliases", help="Alias file forcing or forbidding merges "
                                           "(comparisons use it, as `compare --aliases`)."),
) -> None:
    """Serve the web app and REST API (/api/, docs at /docs) over the store."""
    from . import err_console, fail, options

    try:
        try:
            import uvicorn

            from ..web.app import LOOPBACK_HOSTS, create_app
            from ..web.security import MIN_TOKEN
        except ImportError as exc:
            raise RashomonError("E083", detail=str(exc)) from None
        if token is not None and len(token) < MIN_TOKEN:
            raise RashomonError("E081", min=MIN_TOKEN)
        loop = _loopback(host)
        if not loop and not token:
            raise RashomonError("E080", host=host)
        opts = options(config)
        rules = None
        if aliases is not None:
            from ..resolve import load_aliases

            rules = load_aliases(aliases)
        # Bind first: a port in use must fail before any database is created or migrated.
        sock = _bind(host, port)
        try:
            store = _open(db)
        except BaseException:
            sock.close()
            raise
        # On loopback, refuse other Host headers so a web page cannot DNS-rebind onto us.
        app = create_app(store, token=token, max_body=max_body, allowed_hosts=LOOPBACK_HOSTS if loop else None,
                         options=opts, queue_size=queue_size, aliases=rules)
        shown = f"[{host}]" if ":" in host else host
        port = sock.getsockname()[1]
        err_console.print(f"serving {store.describe()} at http://{shown}:{port}/", highlight=False, soft_wrap=True)
        if token:
            err_console.print(f"login link: http://{shown}:{port}/?token={token}", highlight=False, soft_wrap=True)
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", server_header=False))
        server.run(sockets=[sock])
    except RashomonError as err:
        fail(err)


def _bind(host: str, port: int):  # noqa: ANN202 - socket.socket
    """A listening socket on host:port, or E082 (address in use, not permitted, unknown host)."""
    import socket

    try:
        family, kind, proto, _name, addr = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                              flags=socket.AI_PASSIVE)[0]
        sock = socket.socket(family, kind, proto)
    except OSError as exc:
        raise RashomonError("E082", host=host, port=port, detail=exc.strerror or str(exc)) from None
    try:
        # As uvicorn does: a restart may reuse a port in TIME_WAIT, never one that is listening.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(addr)
        sock.listen(2048)
        sock.set_inheritable(True)
    except OSError as exc:
        sock.close()
        raise RashomonError("E082", host=host, port=port, detail=exc.strerror or str(exc)) from None
    return sock


def export(
    db: Optional[str] = DbOption,
    fmt: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f", help="jsonl (full contract) or csv."),
    out: Optional[Path] = typer.Option(None, "--output", "-o", help="Output file (default: stdout)."),
) -> None:
    """Export every stored article: JSONL (one JSON contract per line) or CSV (one row per article)."""
    from ..store.export import export as run_export
    from . import err_console, fail

    try:
        store = _open(db)
        if out is None:
            n = run_export(store, fmt.value, sys.stdout)
        else:
            with open(out, "w", encoding="utf-8", newline="") as fh:
                n = run_export(store, fmt.value, fh)
    except RashomonError as err:
        fail(err)
    except OSError as exc:
        fail(RashomonError("E001", path=f"{out} ({exc.strerror})"))
    err_console.print(f"exported {n} article(s)", highlight=False)


def search(
    query: str = typer.Argument("", help="Words to find (all must match); empty lists by filters only."),
    db: Optional[str] = DbOption,
    outlet: Optional[str] = typer.Option(None, help="Only this outlet."),
    language: Optional[str] = typer.Option(None, help="Only this language (en, ru, ...)."),
    date_from: Optional[str] = typer.Option(None, "--from", help="Published on or after YYYY-MM-DD."),
    date_to: Optional[str] = typer.Option(None, "--to", help="Published on or before YYYY-MM-DD."),
    technique: Optional[str] = typer.Option(None, help="Has this technique label."),
    speaker: Optional[str] = typer.Option(None, help="Quotes a speaker whose name contains this."),
    limit: int = typer.Option(20, min=1, max=1000, help="Most hits to show."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Full-text search over the store with filters."""
    from ..store import Filters
    from ..store.search import search as run_search
    from . import fail

    try:
        store = _open(db)
        with store.read() as conn:
            hits, total = run_search(conn, query, Filters(outlet, language, date_from, date_to, technique, speaker),
                                     limit=limit)
    except RashomonError as err:
        fail(err)
    if as_json:
        typer.echo(json.dumps({"q": query, "total": total, "hits": [h.as_dict() for h in hits]}, ensure_ascii=False))
        return
    for h in hits:
        snippet = "".join(f"[{t}]" if hit else t for t, hit in h.snippet).replace("\n", " ")
        typer.echo(f"{h.article_id}  {h.outlet or '-'}  {h.published or '-'}  {h.title or ''}\n    {snippet}")
    typer.echo(f"{total} result(s)" + (f", {len(hits)} shown" if total > len(hits) else ""))


store_app = typer.Typer(help="Corpus store maintenance.", no_args_is_help=True)


def _rebuild(db: Optional[str], run: Callable[[Any], int], what: str) -> None:
    """Open the store, run one full rebuild, say how many `what` it made."""
    from . import err_console, fail

    try:
        store = _open(db)
        n = run(store)
    except RashomonError as err:
        fail(err)
    err_console.print(f"{n} {what} rebuilt from {store.count()} article(s) → {store.describe()}",
                      highlight=False, soft_wrap=True)


@store_app.command("rebuild-clusters")
def rebuild_clusters(db: Optional[str] = DbOption) -> None:
    """Recompute every entity cluster from every stored article (ingest updates them incrementally)."""
    from ..store import rebuild_clusters as run_rebuild

    _rebuild(db, run_rebuild, "entity clusters")


@store_app.command("rebuild-stories")
def rebuild_stories(db: Optional[str] = DbOption) -> None:
    """Regroup every stored article into stories, as compare groups them (ingest places new articles incrementally)."""
    from ..store.stories import rebuild_stories as run_rebuild

    _rebuild(db, run_rebuild, "stories")


@store_app.command("stories")
def stories(
    db: Optional[str] = DbOption,
    since: Optional[str] = typer.Option(None, "--since", help="Only stories an article joined on or after YYYY-MM-DD; "
                                        "those articles are marked."),
    limit: int = typer.Option(50, min=1, max=10_000, help="Most stories to list."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List the stored stories, largest first (with --since: those changed since a date, and what joined)."""
    from ..store.story_queries import story_detail, story_list
    from . import fail

    try:
        store = _open(db)
        rows, total = story_list(store, since=since, limit=limit)
        if since:
            rows = [r | {"articles": [a for a in story_detail(store, r["id"], since=since)["articles"] if a["new"]]}
                    for r in rows]
    except RashomonError as err:
        fail(err)
    if as_json:
        typer.echo(json.dumps({"since": since, "total": total, "stories": rows}, ensure_ascii=False))
        return
    for r in rows:
        days = " to ".join(dict.fromkeys(d for d in (r["first_day"], r["last_day"]) if d)) or "undated"
        new = f", {r['n_new']} new" if since else ""
        typer.echo(f"{r['id']}  {r['n_articles']} article(s){new}  {days}  {r['topic']}")
        for a in r.get("articles", []):
            typer.echo(f"    + {a['id']}  {a['outlet'] or '-'}  {a['published'] or '-'}  {a['title'] or ''}")
    typer.echo(f"{total} stor{'y' if total == 1 else 'ies'}" + (f" changed since {since}" if since else "")
               + (f", {len(rows)} shown" if total > len(rows) else ""))


def register(app: typer.Typer) -> None:
    """Attach the store commands to the main CLI."""
    app.command("ingest")(ingest)
    app.command("serve")(serve)
    app.command("export")(export)
    app.command("search")(search)
    app.add_typer(store_app, name="store")

