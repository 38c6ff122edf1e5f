-- Parties at their own grain, story look-up by party, and the corpus's document frequencies.

-- A party of chronicle events (a KB id, a country acting as itself, or "name:..." for a name the
-- KB does not know) as first seen: its display name, grain and attributes.
CREATE TABLE parties (
    key     TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    grain   TEXT NOT NULL,                      -- country | person | organisation | place | name
    country TEXT,
    sector  TEXT
) WITHOUT ROWID;

-- Chronicle participants of earlier versions: raw entity ids become party keys ("local:org:x" ->
-- "name:x"); "gpe:XXX" rows go (the country's own row "XXX" is there).
INSERT OR IGNORE INTO chronicle_participants(key, event_id, role)
    SELECT 'name:' || substr(key, instr(substr(key, 7), ':') + 7), event_id, role
    FROM chronicle_participants WHERE key LIKE 'local:%:%';
DELETE FROM chronicle_participants WHERE key LIKE 'local:%' OR key LIKE 'gpe:%';

-- A story's parties with the events of each (JSON {key: events}); its look-up keys are its
-- parties ('party': new events are compared with it) and their countries ('country': readers
-- find it by country too).
ALTER TABLE stories ADD COLUMN parties TEXT NOT NULL DEFAULT '{}';
ALTER TABLE story_participants ADD COLUMN grain TEXT NOT NULL DEFAULT 'party';
DROP INDEX story_participants_recent;
CREATE INDEX story_participants_recent ON story_participants(key, grain, last_date);

-- How many articles (near-duplicates aside) use each content term; the row of the empty term
-- counts the articles. Story vocabularies are weighted by this corpus's IDF.
CREATE TABLE term_documents (
    term      TEXT PRIMARY KEY,
    documents INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
