-- A bound station group keeps its topic: a puppet that hands out new room ids at every
-- login (wechat4u) leaves the bot only the topic to find the group again by.
ALTER TABLE station_rooms ADD COLUMN topic TEXT;
