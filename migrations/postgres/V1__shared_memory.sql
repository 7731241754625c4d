-- What every replica of faqbot shares: insight (as the SQLite engine keeps it), the votes cast
-- (one per member and answer, as a hash), the public answers posted lately (repeats), and the
-- batches written (so that a batch retried after a lost acknowledgement is not counted twice).
-- Days are 'YYYY-MM-DD' text and instants milliseconds since 1970, as faqbot writes them.
CREATE TABLE answers (
    day TEXT NOT NULL,
    topic TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (day, topic)
);
CREATE TABLE unanswered (
    id BIGSERIAL PRIMARY KEY,
    day TEXT NOT NULL,
    question TEXT NOT NULL,
    normalized TEXT NOT NULL,
    outcome TEXT NOT NULL
);
CREATE INDEX unanswered_day ON unanswered (day);
CREATE TABLE votes (
    day TEXT NOT NULL,
    topic TEXT NOT NULL,
    helpful BIGINT NOT NULL,
    unhelpful BIGINT NOT NULL,
    PRIMARY KEY (day, topic)
);
CREATE TABLE unhelpful (
    id BIGSERIAL PRIMARY KEY,
    day TEXT NOT NULL,
    key TEXT NOT NULL,
    topic TEXT NOT NULL,
    question TEXT NOT NULL
);
CREATE INDEX unhelpful_day ON unhelpful (day);
CREATE TABLE voters (
    vote BIGINT PRIMARY KEY,
    day TEXT NOT NULL
);
CREATE INDEX voters_day ON voters (day);
CREATE TABLE posts (
    channel BIGINT NOT NULL,
    answer BIGINT NOT NULL,
    at BIGINT NOT NULL,
    link TEXT,
    PRIMARY KEY (channel, answer)
);
CREATE INDEX posts_at ON posts (at);
CREATE TABLE batches (
    id TEXT PRIMARY KEY,
    day TEXT NOT NULL
);
