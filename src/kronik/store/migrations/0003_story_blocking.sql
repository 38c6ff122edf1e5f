-- Blocking indexes that keep chronicle ingest near-linear: candidate stories are looked up per
-- participant among the most recently active ones, never by scanning every story of a country.
ALTER TABLE story_participants RENAME TO story_participants_old;
CREATE TABLE story_participants (
    key       TEXT NOT NULL,
    story_id  TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    last_date TEXT,
    PRIMARY KEY (key, story_id)
) WITHOUT ROWID;
INSERT INTO story_participants(key, story_id, last_date)
    SELECT p.key, p.story_id, s.last_date FROM story_participants_old p JOIN stories s ON s.id = p.story_id;
DROP TABLE story_participants_old;
CREATE INDEX story_participants_recent ON story_participants(key, last_date);
CREATE INDEX story_participants_story ON story_participants(story_id);
