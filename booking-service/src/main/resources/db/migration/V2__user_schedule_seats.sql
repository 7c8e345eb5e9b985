-- How many seats of each schedule each user has booked (active bookings): the per-user seat limit's
-- count, changed in the same transaction as every booking and cancellation. One row per user and
-- schedule, so a booking checks and raises the count in one statement whose row lock also makes two
-- bookings of one user take their turns, whatever their seats.
CREATE TABLE user_schedule_seats (
    user_id     VARCHAR(255) NOT NULL,
    schedule_id BIGINT NOT NULL REFERENCES schedules (id),
    seats       INT NOT NULL CHECK (seats >= 0),
    PRIMARY KEY (user_id, schedule_id)
);

INSERT INTO user_schedule_seats (user_id, schedule_id, seats)
SELECT b.user_id, b.schedule_id, count(*)
FROM bookings b JOIN booked_seats bs ON bs.booking_id = b.id
WHERE bs.active
GROUP BY b.user_id, b.schedule_id;
