-- Security review 36, F7: a proposal refused at the yearly cap lets go of the photos its own attach marked, and of
-- nothing else. `attached_by`: the hold (a token of one write) of the attach that marked the row, while nothing else
-- keeps it; cleared when a second attach finds the row attached already (two writes keep it, neither one's refusal
-- may let it go). Rows from before carry none: never let go. Matching on attached_at instead let a refusal in the same
-- millisecond as a stored proposal with the same photos unattach that proposal's photos.
ALTER TABLE uploads ADD COLUMN attached_by TEXT;
