-- How long a chat dialogue may be kept, as the bot said when it last saved it: words typed before the
-- privacy notice was agreed to, a day (as she was told); a summary left unsent, a week. The maintenance
-- job deletes what is past it, even when the bot is not running to let it go. A row saved before this
-- column has none: it goes once untouched for a week.
ALTER TABLE bot_dialogues ADD COLUMN keep_until TEXT;
CREATE INDEX bot_dialogues_keep_until ON bot_dialogues(keep_until);
CREATE INDEX bot_dialogues_updated_at ON bot_dialogues(updated_at);
