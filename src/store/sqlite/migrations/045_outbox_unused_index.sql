-- outbox_due (status, next_attempt_at) served no statement of the adapter: the delivery drain
-- seeks outbox_channel_due (channel, status, next_attempt_at), the console's counts by status read
-- outbox_status_id. Each message written and each status change updated it for nothing.
-- test/store/outbox-indexes.test.ts plans every outbox statement and names the index each uses.
DROP INDEX IF EXISTS outbox_due;
