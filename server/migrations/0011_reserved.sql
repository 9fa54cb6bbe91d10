-- Cocok schema, version 11: reserved for another branch (issue #13's follower was told to number its
-- migration 0012). migrate.ts refuses gaps, so this branch carries an empty 0011; when merging, keep the
-- other branch's 0011 and drop this file.
SELECT 1;
