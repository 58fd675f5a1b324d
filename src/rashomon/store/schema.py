"""Tables: articles (with the stored JSON contract), one table per queried layer, clusters."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()


def _article_fk() -> Column:
    return Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)


def _span(prefix: str = "", *, required: bool = True) -> list[Column]:
    """A span's three columns, `start_char`/`end_char`/`text` or `<prefix>_start`/`_end`/`_text`."""
    names = (f"{prefix}_start", f"{prefix}_end", f"{prefix}_text") if prefix else ("start_char", "end_char", "text")
    return [Column(names[0], Integer, nullable=not required), Column(names[1], Integer, nullable=not required),
            Column(names[2], Text, nullable=not required)]


def _layer(name: str, key: str, *columns: Column | Index) -> Table:
    """A layer table: the article reference, each row's `key` (unique within its article), then
    `columns`. The key `idx` numbers the rows in layer order; any other key is the layer's own id."""
    key_type = Integer if key == "idx" else String(64)
    return Table(name, metadata, _article_fk(), Column(key, key_type, nullable=False), *columns,
                 Index(f"ux_{name}", "article_id", key, unique=True))


# Key/value facts about the database itself: schema version, cluster freshness.
meta = Table(
    "rashomon_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("source", Text, nullable=False, default=""),
    Column("title", Text),
    Column("published", String(64)),
    # YYYY-MM-DD when `published` starts with an ISO date, for date-range filters and grouping.
    Column("published_date", String(10)),
    Column("outlet", Text),
    Column("author", Text),
    Column("language", String(8), nullable=False, default="und"),
    Column("text", Text, nullable=False),
    Column("doc", JSON, nullable=False),  # article_dict(art): the JSON output contract
    # store.blob.encode_article(art): every layer, so loading gives back an equal Article.
    # NULL for rows stored before migration 4 (those load lossily from `doc`).
    Column("full_article", LargeBinary),
    Column("ingested_at", String(32), nullable=False),
    Index("ix_articles_outlet", "outlet"),
    Index("ix_articles_language", "language"),
    Index("ix_articles_published_date", "published_date"),
)

entities = _layer(
    "entities",
    "entity_id",
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("n_mentions", Integer, nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("entity_id", String(64), nullable=False),
    *_span(),
    Column("type", String(16), nullable=False),
    Column("normal", Text, nullable=False),
    Column("label", String(32), nullable=False, default=""),
    Index("ix_mentions_entity", "article_id", "entity_id"),
)

quotes = _layer(
    "quotes",
    "quote_id",
    Column("kind", String(16), nullable=False),
    *_span("content"),
    *_span("cue", required=False),
    *_span("speaker", required=False),
    Column("speaker_name", Text),
    Column("speaker_entity", String(64)),
    Column("parent", String(64)),
    Index("ix_quotes_speaker", "speaker_name"),
)

claims = _layer(
    "claims",
    "claim_id",
    *_span(),
    Column("source_entity", String(64)),
    Column("stance", String(16), nullable=False),
    Column("source_name", Text),  # display name of the source; None = the author
    Column("quote_id", String(64)),  # the quote the claim comes from
)

techniques = _layer(
    "techniques",
    "idx",
    Column("label", String(64), nullable=False),
    *_span(),
    Column("explanation", Text, nullable=False),
    Column("score", Float, nullable=False),
    # (label, article) answers the technique filter's per-article EXISTS from the index alone
    # (migration 6; a label-only index made it scan every row of the label per article).
    Index("ix_techniques_label_article", "label", "article_id"),
)

quantities = _layer(
    "quantities",
    "idx",
    *_span(),
    Column("value", Float),
    Column("high", Float),
    Column("head", Text),
    Column("approx", Text),
    Column("relation", String(16)),
    Column("kind", String(16)),  # added by migration 3
    Column("unit", String(16)),
)

dates = _layer(
    "dates",
    "idx",
    *_span(),
    Column("iso", String(32)),
    Column("granularity", String(16)),
)

# Cross-article entity clusters (rashomon.resolve), rebuilt after each ingest batch.
clusters = Table(
    "clusters",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("aliases", JSON, nullable=False),  # distinct surface forms: bounded by names, not articles
    # Counts kept by O(article) arithmetic as articles join; the member articles are the rows of
    # cluster_members and the merge decisions those of cluster_merges (migration 8: both were
    # JSON lists here, rewritten whole on every join).
    Column("n_articles", Integer, nullable=False),
    Column("n_mentions", Integer, nullable=False),
)

cluster_members = Table(
    "cluster_members",
    metadata,
    Column("cluster_id", String(32), ForeignKey("clusters.id", ondelete="CASCADE"), nullable=False),
    Column("article_id", String(64), nullable=False),
    Column("entity_id", String(64), nullable=False),
    Index("ux_cluster_members", "article_id", "entity_id", unique=True),
    Index("ix_cluster_members_cluster", "cluster_id"),
)

# The merge decisions of a cluster (rashomon.resolve.Merge), in the order they were taken: `seq`
# numbers them from 0 within the cluster; a cluster folded into another appends its own.
cluster_merges = Table(
    "cluster_merges",
    metadata,
    Column("cluster_id", String(32), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("a", Text),
    Column("b", Text),
    Column("rule", String(64)),
    Column("score", Float),
    Column("why", Text),
    Index("ux_cluster_merges", "cluster_id", "seq", unique=True),
)

# Watched feeds (`rashomon watch`, migration 5). Feeds and item URLs are keyed by the SHA-256 of
# the URL: URLs can be longer than an index entry may be.
feeds = Table(
    "feeds",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("url", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("language", String(8)),
    Column("interval_s", Float, nullable=False),
    Column("active", Integer, nullable=False, default=1),  # listed in the FEEDS.toml last run
    Column("etag", Text),  # conditional-GET validators, saved once the poll's items are stored
    Column("last_modified", Text),
    Column("last_fetch", Float),  # epoch seconds of the last poll attempt
    Column("last_error", Text),
    Column("failures", Integer, nullable=False, default=0),  # consecutive; drives the backoff
    Column("next_poll", Float, nullable=False, default=0),
    Column("n_new", Integer, nullable=False, default=0),
    Column("n_duplicate", Integer, nullable=False, default=0),
    Column("n_failed", Integer, nullable=False, default=0),
)

feed_items = Table(
    "feed_items",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("url", Text, nullable=False),
    Column("seen_at", Float, nullable=False),  # epoch seconds of the poll that first listed it
    Column("feed_id", String(64), nullable=False),
    Column("status", String(16), nullable=False),  # new | duplicate | failed
    # new: the article stored from it; duplicate: the stored article with the same text.
    Column("article_id", String(64)),
    # A stored near-duplicate (wire copy): the first article it copies, and their shingle Jaccard.
    Column("duplicate_of", String(64)),
    Column("similarity", Float),
    Column("attempts", Integer, nullable=False, default=0),
    Column("error", Text),
    Index("ix_feed_items_feed", "feed_id", "status"),
    Index("ix_feed_items_article", "article_id"),
)

# MinHash band keys of every stored text (rashomon.watch.dedup), to find near-duplicates.
near_keys = Table(
    "near_keys",
    metadata,
    _article_fk(),
    Column("band_key", String(24), nullable=False),
    Index("ix_near_keys_key", "band_key"),
    Index("ix_near_keys_article", "article_id"),
)

WATCH_TABLES = (feeds, feed_items, near_keys)

# Incremental clusters (migration 6): what a new article's entities are matched against
# without reloading the corpus. Distinct member names per cluster, their lookup keys
# (rashomon.resolve.incremental.lookup_keys), and the articles stored since the last update.
cluster_names = Table(
    "cluster_names",
    metadata,
    Column("cluster_id", String(32), nullable=False),
    Column("type", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Index("ix_cluster_names_cluster", "cluster_id"),
)

cluster_keys = Table(
    "cluster_keys",
    metadata,
    Column("cluster_id", String(32), nullable=False),
    Column("type", String(16), nullable=False),
    Column("key", String(128), nullable=False),
    Index("ix_cluster_keys_key", "type", "key"),
    Index("ix_cluster_keys_cluster", "cluster_id"),
)


def _pending(name: str) -> Table:
    """The articles stored since a derived index (clusters, stories) last took them in."""
    return Table(name, metadata,
                 Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True))


cluster_pending = _pending("cluster_pending")

CLUSTER_INDEX_TABLES = (cluster_names, cluster_keys, cluster_pending)

# Stories kept current as articles arrive (migration 7, rashomon.store.stories): each story's
# running sums, so a new article is scored against it without reading its members; entity sums
# are not kept, since cluster ids change when clusters merge, and come from cluster_members.
stories = Table(
    "stories",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("topic", Text, nullable=False),
    Column("first_day", String(10)),  # earliest and latest dated member, YYYY-MM-DD; NULL: none dated
    Column("last_day", String(10)),
    Column("n_articles", Integer, nullable=False),
    Column("vec", LargeBinary, nullable=False),  # sum of the members' opening vectors, float64
    # The other running sums of rashomon.compare.stories.StoryGroup by slot name, e.g.
    # {"lemmas": {lang: {lemma: weight sum}}, "langs": {lang: n}}
    Column("sums", JSON, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Index("ix_stories_days", "first_day", "last_day"),
)

story_members = Table(
    "story_members",
    metadata,
    Column("story_id", String(32), nullable=False),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("joined_at", String(32), nullable=False),
    Index("ix_story_members_story", "story_id"),
)

story_pending = _pending("story_pending")

# Per story, cluster and k: how many members mention the cluster among k PERSON/ORG/LOC clusters
# (migration 9, rashomon.store.story_clusters): a story's entity sums without reading its members.
story_clusters = Table(
    "story_clusters",
    metadata,
    Column("story_id", String(32), primary_key=True),
    Column("cluster_id", String(32), primary_key=True),
    Column("k", Integer, primary_key=True, autoincrement=False),
    Column("m", Integer, nullable=False),
    Index("ix_story_clusters_cluster", "cluster_id", "story_id"),
)

STORY_TABLES = (stories, story_members, story_pending)

# Layer tables holding one article's rows; deleted and written together with the article.
LAYER_TABLES = (entities, mentions, quotes, claims, techniques, quantities, dates)
