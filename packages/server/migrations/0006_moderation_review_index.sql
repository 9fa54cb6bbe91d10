-- Cocok schema, version 6: the moderation queue finds readings still marked `review` through a partial
-- index (a few percent of all values) instead of scanning every confirmed value.
CREATE INDEX submission_values_review ON submission_values(submission_id) WHERE machine_review = 1;
