-- Version 6 adds, on SQLite, two tables that turn a since or until bound into a sequence bound,
-- kept exact by a trigger because SQLite has one writer at a time. On PostgreSQL concurrent
-- writers take sequence values out of commit order, so such a trigger could not keep them exact;
-- the planner walks the primary key with the stored-time filter instead. This migration keeps the
-- version numbers of the two dialects the same, and changes nothing.
SELECT 1;
