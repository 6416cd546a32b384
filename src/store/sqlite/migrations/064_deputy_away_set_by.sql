-- Who set a deputy's 暂停接收留言 mark: 'deputy' when he set it himself from the mini-program, NULL when staff
-- did (every mark before this column). His workbench says "您已暂停…" or "联络站已为您暂停…" by it.
ALTER TABLE deputies ADD COLUMN away_set_by TEXT;
