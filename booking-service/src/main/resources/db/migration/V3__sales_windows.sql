-- Sales windows, what seat-lock was last told of each schedule, and seats taken off sale.
ALTER TABLE schedules
    ADD COLUMN sales_open_at    TIMESTAMPTZ,
    ADD COLUMN sales_close_at   TIMESTAMPTZ,
    -- Taken anew by every publication of the schedule to seat-lock (window and seat map), in the
    -- transaction that reads what is sent: seat-lock keeps only the newest.
    ADD COLUMN seat_map_version BIGINT NOT NULL DEFAULT 0;
-- Schedules made before sales windows were on sale from a year before they start until they start.
UPDATE schedules SET sales_open_at = starts_at - interval '365 days', sales_close_at = starts_at;
ALTER TABLE schedules
    ALTER COLUMN sales_open_at SET NOT NULL,
    ALTER COLUMN sales_close_at SET NOT NULL,
    ADD CONSTRAINT schedules_sales_window CHECK (sales_open_at < sales_close_at);
CREATE INDEX schedules_sales_close ON schedules (sales_close_at);

-- A seat off sale cannot be held: withdrawn by an operator, or for the moment its price changes.
-- Its row stays, as bookings made before may name it.
ALTER TABLE seats ADD COLUMN on_sale BOOLEAN NOT NULL DEFAULT TRUE;
