-- Articles as analysed: the full contract as JSON plus queryable columns.
CREATE TABLE articles (
    id               TEXT PRIMARY KEY,          -- stable hash of the normalised body
    title            TEXT,
    language         TEXT,
    published        TEXT,                      -- YYYY-MM-DD
    published_source TEXT,
    outlet           TEXT,
    url              TEXT,
    path             TEXT,
    text             TEXT NOT NULL,
    contract         TEXT NOT NULL,             -- the article contract (JSON)
    ingested_at      TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);

-- Every source an identical body was seen at (re-ingesting the same body adds a source, not a row).
CREATE TABLE article_sources (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    path       TEXT NOT NULL DEFAULT '',
    url        TEXT NOT NULL DEFAULT '',
    outlet     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, path, url, outlet)
);

CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id  TEXT NOT NULL,
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    country    TEXT,
    sector     TEXT,
    role       TEXT,
    mentions   INTEGER NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX entities_entity ON entities(entity_id);
CREATE INDEX entities_country ON entities(country);

CREATE TABLE events (
    id          TEXT NOT NULL,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    type        TEXT NOT NULL,
    mode        TEXT,
    date        TEXT,
    location    TEXT,
    actors      TEXT NOT NULL,                  -- JSON list of actors
    recipients  TEXT NOT NULL,
    actor_countries     TEXT NOT NULL DEFAULT '',   -- " CHN RUS " for LIKE filtering
    recipient_countries TEXT NOT NULL DEFAULT '',
    quad        TEXT,
    intensity   REAL,
    cameo       TEXT,
    negated     INTEGER NOT NULL DEFAULT 0,
    future      INTEGER NOT NULL DEFAULT 0,
    confidence  REAL,
    evidence    TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX events_type_date ON events(type, date);

CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid',
                                             tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
