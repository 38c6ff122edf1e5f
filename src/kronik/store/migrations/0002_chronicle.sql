-- The chronicle: near-duplicate sketches, cross-article events, stories.

-- One MinHash signature per article; duplicate_of points at the first article of its copy group.
CREATE TABLE article_sketches (
    article_id   TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    signature    BLOB NOT NULL,                 -- uint32 hash values, little-endian
    duplicate_of TEXT REFERENCES articles(id) ON DELETE SET NULL,
    similarity   REAL                            -- estimated Jaccard with duplicate_of
);
CREATE INDEX article_sketches_duplicate ON article_sketches(duplicate_of);

-- LSH bands of the signatures: articles sharing one band key are duplicate candidates.
CREATE TABLE sketch_bands (
    band       INTEGER NOT NULL,
    key        BLOB NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, key, article_id)
) WITHOUT ROWID;

-- A happening reported by one or more articles.
CREATE TABLE chronicle_events (
    id            TEXT PRIMARY KEY,
    type          TEXT NOT NULL,
    mode          TEXT,
    date          TEXT,                         -- earliest date reported
    date_last     TEXT,
    location      TEXT,
    actors        TEXT NOT NULL,                -- JSON list of actors (first report)
    recipients    TEXT NOT NULL,
    participants  TEXT NOT NULL,                -- " CHN RUS " participant keys, for filtering
    quad          TEXT,
    intensity     REAL,
    cameo         TEXT,
    evidence      TEXT NOT NULL,                -- evidence of the first report
    story_id      TEXT,
    num_mentions  INTEGER NOT NULL DEFAULT 0,
    num_articles  INTEGER NOT NULL DEFAULT 0,   -- distinct texts (copies of one text count once)
    num_sources   INTEGER NOT NULL DEFAULT 0,   -- distinct outlets
    first_report  TEXT,                         -- publication dates of the reporting articles
    last_report   TEXT,
    created_at    TEXT NOT NULL
);
CREATE INDEX chronicle_events_type_date ON chronicle_events(type, date);
CREATE INDEX chronicle_events_story ON chronicle_events(story_id, date);

-- Participant keys of chronicle events (blocking for coreference and timelines).
CREATE TABLE chronicle_participants (
    key        TEXT NOT NULL,
    event_id   TEXT NOT NULL REFERENCES chronicle_events(id) ON DELETE CASCADE,
    role       TEXT NOT NULL,                   -- actor | recipient
    PRIMARY KEY (key, event_id, role)
) WITHOUT ROWID;
CREATE INDEX chronicle_participants_event ON chronicle_participants(event_id);

-- Every article event that reports a chronicle event.
CREATE TABLE chronicle_mentions (
    chronicle_id TEXT NOT NULL REFERENCES chronicle_events(id) ON DELETE CASCADE,
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id     TEXT NOT NULL,
    score        REAL NOT NULL,                 -- coreference score (1.0 for the first report)
    PRIMARY KEY (article_id, event_id)
);
CREATE INDEX chronicle_mentions_chronicle ON chronicle_mentions(chronicle_id);

-- Stories: chronicle events that run over time between the same participants.
CREATE TABLE stories (
    id           TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    participants TEXT NOT NULL,                 -- " CHN RUS "
    first_date   TEXT,
    last_date    TEXT,
    num_events   INTEGER NOT NULL DEFAULT 0,
    terms        TEXT NOT NULL DEFAULT '{}',    -- JSON {term: weight}: the story's vocabulary
    created_at   TEXT NOT NULL
);
CREATE TABLE story_participants (
    key      TEXT NOT NULL,
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    PRIMARY KEY (key, story_id)
) WITHOUT ROWID;
