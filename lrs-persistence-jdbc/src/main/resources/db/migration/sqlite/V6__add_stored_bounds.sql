-- Lets a query whose only filters are since and until walk the statements in sequence order,
-- between two sequence bounds found with one index seek each. Before, it read the whole time range
-- from the statement_stored index and sorted it by sequence. stored is stamped before a batch
-- waits for the writer, and an import may carry old stored times, so stored does not grow with seq.
--
-- statement_stored_prefix_max lists each statement stored later than every statement before it
-- (by seq). The first statement stored after a time T is one of them, and it is the one with the
-- smallest stored_millis above T, because both columns grow together in this table.
-- statement_stored_suffix_min lists each statement stored earlier than every statement after it.
-- The last statement stored at or before T is one of them, and it is the one with the largest
-- stored_millis at or below T.
-- The trigger below keeps both lists. It relies on SQLite running one write transaction at a time
-- and on AUTOINCREMENT giving each new statement the largest seq.
CREATE TABLE statement_stored_prefix_max (
    stored_millis INTEGER PRIMARY KEY,
    seq           INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE statement_stored_suffix_min (
    stored_millis INTEGER PRIMARY KEY,
    seq           INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO statement_stored_prefix_max (stored_millis, seq)
SELECT stored_millis, seq
FROM (SELECT seq, stored_millis,
             max(stored_millis) OVER (ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                 AS earlier_max
      FROM statement)
WHERE earlier_max IS NULL OR stored_millis > earlier_max;

INSERT INTO statement_stored_suffix_min (stored_millis, seq)
SELECT stored_millis, seq
FROM (SELECT seq, stored_millis,
             min(stored_millis) OVER (ORDER BY seq ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)
                 AS later_min
      FROM statement)
WHERE later_min IS NULL OR stored_millis < later_min;

-- A batch shares one stored time and batches usually arrive in stored order, so each list usually
-- gains one row per batch: the batch's first statement in the first list, its last in the second.
CREATE TRIGGER statement_stored_bounds AFTER INSERT ON statement
BEGIN
    INSERT INTO statement_stored_prefix_max (stored_millis, seq)
    SELECT NEW.stored_millis, NEW.seq
    WHERE NOT EXISTS (SELECT 1 FROM statement_stored_prefix_max p
                      WHERE p.stored_millis >= NEW.stored_millis);

    DELETE FROM statement_stored_suffix_min WHERE stored_millis >= NEW.stored_millis;
    INSERT INTO statement_stored_suffix_min (stored_millis, seq)
    VALUES (NEW.stored_millis, NEW.seq);
END;

-- No query reads the stored_millis index any more: the key filters check stored on the row.
DROP INDEX statement_stored;
