-- The keeper's desk (SQLite's schema step 4): the topics helpers picked for messages faqbot was
-- unsure about (their words, never whose), the questions the keeper took off the inbox, and
-- when questions come (hour of the week in the contact's zone, about the contact or not, while
-- the line was open or not; counts only).
CREATE TABLE picked (
    id BIGSERIAL PRIMARY KEY,
    day TEXT NOT NULL,
    question TEXT NOT NULL,
    normalized TEXT NOT NULL,
    topic TEXT NOT NULL
);
CREATE INDEX picked_day ON picked (day);
CREATE TABLE dismissed (
    normalized TEXT PRIMARY KEY,
    question TEXT NOT NULL,
    day TEXT NOT NULL
);
CREATE TABLE asked (
    day TEXT NOT NULL,
    slot INTEGER NOT NULL,
    about_contact INTEGER NOT NULL,
    while_open INTEGER NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (day, slot, about_contact, while_open)
);
