-- Whether a chat dialogue holds words of hers not sent yet ('held'), as the bot said when it last saved it; once
-- kept past its keep_until such a dialogue is emptied of them but left as a mark ('lapsed', state '{}') for a
-- while, so that at her next message the bot tells her they were not kept and asks her to send them again, even
-- when no bot was running to let them go itself (a restart). NULL: nothing of hers waits in it.
ALTER TABLE bot_dialogues ADD COLUMN unsent_words TEXT CHECK (unsent_words IN ('held', 'lapsed'));
