-- The topic of an article (assigned by a topic stage; NULL until one runs), for filtering
-- articles and the events they report.
ALTER TABLE articles ADD COLUMN topic TEXT;
CREATE INDEX articles_topic ON articles(topic);
