-- Why the chat bot could not send a message, as the code it reports (src/domain/send-failure.ts): 消息发送情况 says the
-- reason and what to do by it, not by matching the puppet's own words. Rows from before have none: they keep being read
-- by their text.
ALTER TABLE outbox ADD COLUMN last_error_code TEXT;
