-- Set while the password is one somebody else chose (an admin's new account or reset, an import's
-- initial password): the console then lets the person do nothing but change it.
-- Accounts that exist now keep working as they did: who holds which password is not known here.
ALTER TABLE staff ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
