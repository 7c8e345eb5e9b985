-- Events, their schedules (performances), one row per seat of a schedule, and bookings.
CREATE TABLE events (
    id          BIGSERIAL PRIMARY KEY,
    title       VARCHAR(200) NOT NULL,
    venue       VARCHAR(200) NOT NULL
);

CREATE TABLE schedules (
    id          BIGSERIAL PRIMARY KEY,
    event_id    BIGINT NOT NULL REFERENCES events (id),
    starts_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX schedules_event ON schedules (event_id);

CREATE TABLE seats (
    id                  BIGSERIAL PRIMARY KEY,
    schedule_id         BIGINT NOT NULL REFERENCES schedules (id),
    row_label           VARCHAR(16) NOT NULL,
    number              INTEGER NOT NULL CHECK (number > 0),
    grade               VARCHAR(16) NOT NULL,
    price               BIGINT NOT NULL CHECK (price >= 0),
    -- The largest fencing token that ever booked this seat: a booking carrying a smaller one is stale.
    last_fencing_token  BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT seats_unique_position UNIQUE (schedule_id, row_label, number)
);

CREATE TABLE bookings (
    id               BIGSERIAL PRIMARY KEY,
    user_id          VARCHAR(255) NOT NULL,
    schedule_id      BIGINT NOT NULL REFERENCES schedules (id),
    status           VARCHAR(16) NOT NULL CHECK (status IN ('CONFIRMED', 'CANCELLED')),
    fencing_token    BIGINT NOT NULL,
    idempotency_key  VARCHAR(255),
    request_hash     VARCHAR(64),
    created_at       TIMESTAMPTZ NOT NULL,
    cancelled_at     TIMESTAMPTZ
);
CREATE UNIQUE INDEX bookings_user_idempotency_key ON bookings (user_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX bookings_user ON bookings (user_id, id DESC);

CREATE TABLE booked_seats (
    id          BIGSERIAL PRIMARY KEY,
    booking_id  BIGINT NOT NULL REFERENCES bookings (id),
    seat_id     BIGINT NOT NULL REFERENCES seats (id),
    active      BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE INDEX booked_seats_booking ON booked_seats (booking_id);
-- The final guarantee: whatever the services do, a seat has at most one active booking.
CREATE UNIQUE INDEX booked_seats_one_active_per_seat ON booked_seats (seat_id) WHERE active;
