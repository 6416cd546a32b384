-- A survey's revision: moved by every change of its row's definition (and by a 述职评议 taking
-- it over), so an answer judged on a copy read earlier is written only while the survey is
-- still that revision (the answer path keeps surveys in memory instead of reading them per answer).
ALTER TABLE surveys ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
