-- What a chat's join to a mini-program account moved (src/store/chat-join-moved.ts, JSON): each message, message to
-- her, credit, survey answer and opinion, with the keys they had, the chat person as it was, and both agreements. 解除
-- said in the chat gives it back to the chat's own person (ChatJoinRepo.undoFromChat); the record goes with the row
-- (解除 in either place, her erasure). Joins made before this have none: the chat then takes back only itself.
ALTER TABLE chat_joins ADD COLUMN moved TEXT;
