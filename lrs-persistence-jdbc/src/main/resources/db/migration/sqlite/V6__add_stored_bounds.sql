-- Lets a query whose only filters are since and until walk the statements in sequence order,
-- between two sequence bounds found with one index seek each. Before, it read the whole time range
-- from the statement_stored index and sorted it by sequence. stored is stamped before a batch
-- waits for the writer, and an import may carry old stored times, so stored does not grow with seq.
-- Two columns that do grow with seq bound where a time range can lie:
--   stored_ceiling: the largest stored_millis of this statement and every earlier one (by seq).
--     Every statement stored after T has stored_ceiling > T, so none lies before the first
--     statement whose stored_ceiling is above T.
--   stored_floor: the smallest stored_millis of this statement and every later one (by seq).
--     Every statement stored at or before T has stored_floor <= T, so none lies after the last
--     statement whose stored_floor is at most T.
-- Both are kept by the trigger below, which relies on SQLite running one write transaction at a
-- time and on AUTOINCREMENT giving each new row the largest seq.
ALTER TABLE statement ADD COLUMN stored_ceiling INTEGER;
ALTER TABLE statement ADD COLUMN stored_floor INTEGER;

UPDATE statement
SET stored_ceiling = bounds.ceiling, stored_floor = bounds.floor
FROM (SELECT seq,
             max(stored_millis) OVER (ORDER BY seq) AS ceiling,
             min(stored_millis) OVER (ORDER BY seq DESC) AS floor
      FROM statement) AS bounds
WHERE statement.seq = bounds.seq;

CREATE INDEX statement_stored_ceiling ON statement (stored_ceiling);
CREATE INDEX statement_stored_floor ON statement (stored_floor);

-- No query reads the stored_millis index any more: the key filters check stored on the row.
DROP INDEX statement_stored;

-- Lowers the floor of the earlier statements stored after the new one, which are usually none or
-- the last few, and sets the new statement's own bounds.
CREATE TRIGGER statement_stored_bounds AFTER INSERT ON statement
BEGIN
    UPDATE statement
    SET stored_floor = NEW.stored_millis
    WHERE stored_floor > NEW.stored_millis AND seq < NEW.seq;

    UPDATE statement
    SET stored_floor = NEW.stored_millis,
        stored_ceiling = max(NEW.stored_millis, coalesce(
            (SELECT p.stored_ceiling FROM statement p WHERE p.seq < NEW.seq
             ORDER BY p.seq DESC LIMIT 1),
            NEW.stored_millis))
    WHERE seq = NEW.seq;
END;
