-- Cocok schema, version 8: staff get a public name of their own.
-- The moderation log named a moderator "Moderator-XXXXXX" with the suffix of their witness pseudonym
-- "Saksi-XXXXXX", so anyone could link a moderator's decisions to the photos they sent as a witness. A
-- staff pseudonym is drawn at random, independently, the first time an account is given a role; it is
-- kept when the role is taken back, so the log keeps naming past decisions the same way.
ALTER TABLE users ADD COLUMN staff_pseudonym TEXT;
CREATE UNIQUE INDEX users_staff_pseudonym ON users (staff_pseudonym) WHERE staff_pseudonym IS NOT NULL;

-- Accounts that are or were staff before this migration get theirs here: 6 random hex digits, 0 and 1
-- written Z and Y because the pseudonym alphabet (accounts.logic.ts) has neither 0/O nor 1/I/L.
UPDATE users
SET staff_pseudonym = 'Moderator-' || replace(replace(hex(randomblob(3)), '0', 'Z'), '1', 'Y')
WHERE role IN ('moderator', 'admin')
   OR id IN (SELECT actor_id FROM moderation_log)
   OR id IN (SELECT moderator_id FROM moderation_claims)
   OR id IN (SELECT subject_user_id FROM moderation_log WHERE action = 'set-role');
