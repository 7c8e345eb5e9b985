-- One operator's change of a schedule's seats at a time: the change takes the lease while its seats
-- are off sale and gives it back when it is done; a change that died leaves it to run out.
ALTER TABLE schedules ADD COLUMN seat_change_until TIMESTAMPTZ;
