-- Warehouse tables. One row per article revision; visit events flattened for analysts.
-- Natural keys make every write an upsert, so replays and re-crawls never duplicate rows.

CREATE TABLE pages (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url           text        NOT NULL,          -- response URL
    sha256        text        NOT NULL,          -- of the raw (decompressed) body bytes
    request_url   text        NOT NULL,
    portal        text        NOT NULL,
    fetched_at    timestamptz NOT NULL,          -- first fetch of exactly these bytes
    status        integer     NOT NULL,
    headers       jsonb       NOT NULL,          -- {name: [values]} decoded as latin-1
    encoding      text,                          -- Scrapy's response.encoding
    body_size     integer     NOT NULL,
    body_gz       bytea       NOT NULL,          -- gzip of the raw body
    UNIQUE (url, sha256)
);

CREATE TABLE articles (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url                 text        NOT NULL,
    -- content_hash from dedupe, or 'local:' || sha256(title, body) when dedupe did not run.
    content_key         text        NOT NULL,
    portal              text        NOT NULL,
    fetched_at          timestamptz NOT NULL,    -- first time this revision was seen
    title               text        NOT NULL,
    body                text        NOT NULL,
    schema_version      integer     NOT NULL,
    subtitles           text[]      NOT NULL,
    published           timestamptz,
    published_precision text,
    source              text,
    authors             text[]      NOT NULL,
    photographers       text[]      NOT NULL,
    editors             text[]      NOT NULL,
    original_title      text,
    home_place          text,
    images              jsonb       NOT NULL,
    extraction          text        NOT NULL,
    declared_charset    text,
    used_charset        text,
    repairs             jsonb       NOT NULL,
    title_simplified    text,
    body_simplified     text,
    event               jsonb,
    content_hash        text,
    story_id            text,
    duplicate_of        text,
    revision            integer,
    previous_hash       text,
    extra               jsonb       NOT NULL DEFAULT '{}',  -- item fields this schema has no column for
    page_sha256         text,                    -- pages.sha256 of the page it was extracted from
    updated_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (url, content_key)
);
CREATE INDEX articles_story_id ON articles (story_id);
CREATE INDEX articles_page ON articles (page_sha256);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE stories (
    story_id         text PRIMARY KEY,
    title            text        NOT NULL,       -- of the representative article
    url              text        NOT NULL,       -- representative: not a duplicate, earliest published
    first_published  timestamptz,
    last_published   timestamptz,
    first_fetched_at timestamptz NOT NULL,
    -- Sort key of the representative (smallest wins), so the choice does not depend on the
    -- order articles arrive in: duplicate flag | published (UTC) | revision, newest first | url.
    representative_key text      NOT NULL
);

CREATE TABLE places (
    code    text PRIMARY KEY,                    -- GB/T 2260 six-digit code
    name    text NOT NULL,
    level   text,
    parent  text,
    source  text NOT NULL                        -- 'gazetteer' or 'event' (seen in a visit)
);

CREATE TABLE visits (
    article_id       bigint PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story_id         text,
    visitor_code     text,
    visitor_name     text,
    visitor_level    text,
    visitor_province text,
    host_code        text,
    host_name        text,
    host_level       text,
    host_province    text,
    start_date       date,
    end_date         date,
    activities       jsonb,
    confidence       double precision
);
CREATE INDEX visits_host ON visits (host_code);
CREATE INDEX visits_visitor ON visits (visitor_code);

CREATE TABLE visit_leaders (
    article_id bigint  NOT NULL REFERENCES visits (article_id) ON DELETE CASCADE,
    position   integer NOT NULL,
    name       text    NOT NULL,
    title      text,
    side       text,
    PRIMARY KEY (article_id, position)
);

CREATE TABLE visit_agreements (
    article_id bigint  NOT NULL REFERENCES visits (article_id) ON DELETE CASCADE,
    position   integer NOT NULL,
    name       text    NOT NULL,
    detail     jsonb,                            -- the element, when an object rather than a plain name
    PRIMARY KEY (article_id, position)
);

CREATE TABLE visit_sites (
    article_id bigint  NOT NULL REFERENCES visits (article_id) ON DELETE CASCADE,
    position   integer NOT NULL,
    name       text    NOT NULL,
    detail     jsonb,
    PRIMARY KEY (article_id, position)
);

CREATE TABLE crawl_runs (
    run_id        uuid PRIMARY KEY,
    spider        text        NOT NULL,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    finish_reason text,
    deadlettered  integer     NOT NULL DEFAULT 0,
    stats         jsonb
);
