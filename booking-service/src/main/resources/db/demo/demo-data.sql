-- Demo data, loaded by DemoData at start-up when booking.demo-data is true (dev and test profiles,
-- docker-compose, scripts/local-stack.sh) and event 1 does not exist yet: one event, two schedules,
-- rows 1열..10열 with 20 seats each.
INSERT INTO events (id, title, venue) VALUES (1, '2026 겨울 콘서트', '올림픽공원 KSPO DOME');
INSERT INTO schedules (id, event_id, starts_at) VALUES
    (1, 1, TIMESTAMPTZ '2026-12-24 19:00:00+09'),
    (2, 1, TIMESTAMPTZ '2026-12-25 18:00:00+09');
INSERT INTO seats (schedule_id, row_label, number, grade, price)
SELECT s.id, r || '열', n,
       CASE WHEN r <= 2 THEN 'VIP' WHEN r <= 5 THEN 'R' ELSE 'S' END,
       CASE WHEN r <= 2 THEN 150000 WHEN r <= 5 THEN 120000 ELSE 90000 END
FROM schedules s, generate_series(1, 10) AS r, generate_series(1, 20) AS n
WHERE s.id IN (1, 2);
DO $$
BEGIN
    PERFORM setval('events_id_seq', GREATEST((SELECT max(id) FROM events), 1));
    PERFORM setval('schedules_id_seq', GREATEST((SELECT max(id) FROM schedules), 2));
END $$;
