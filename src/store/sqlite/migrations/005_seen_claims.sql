-- Who first reported a message: the same handler retrying after a lost answer is told
-- "first" again, so a timeout never drops a resident's message.
ALTER TABLE bot_seen_messages ADD COLUMN claim TEXT;
