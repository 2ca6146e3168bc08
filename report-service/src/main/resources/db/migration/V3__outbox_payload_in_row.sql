-- Since V3 the report service compresses each outbox payload itself (lz4, OutboxPayload: about 11.8 KB of event JSON
-- to 2.7 KB). Raising the TOAST target from about 2 KB to its maximum keeps such a row whole in the table, where the
-- insert and the relay's read touch one page, instead of moving the payload out of line in 2 KB chunks with their
-- index entries. The payload's STORAGE EXTERNAL (V2) stays: PostgreSQL does not compress it again, and a payload too
-- large for a page still goes out of line. Rows written before hold uncompressed JSON; the relay reads both.
ALTER TABLE outbox_event SET (toast_tuple_target = 8160);
