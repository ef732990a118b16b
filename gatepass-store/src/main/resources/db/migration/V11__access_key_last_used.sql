-- When, with which service and in which region each long-term access key was last used (GetAccessKeyLastUsed).
--
-- NULL in all three for a key never used (or not used since this migration). The server notes uses in memory and
-- writes them here in batches (about once a minute), keeping the newest date when nodes race.

ALTER TABLE access_keys ADD COLUMN last_used_date TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE access_keys ADD COLUMN last_used_service VARCHAR(64);
ALTER TABLE access_keys ADD COLUMN last_used_region VARCHAR(64);
