package io.ticketing.booking.catalogue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.ticketing.booking.catalogue.SeatMapPlan.RowRange;
import io.ticketing.booking.catalogue.SeatMapPlan.Section;
import io.ticketing.booking.config.BookingConfig;
import io.ticketing.booking.model.Event;
import io.ticketing.booking.model.Schedule;
import io.ticketing.booking.repository.EventRepository;

/**
 * Creates the demo event when {@code booking.demo-data} is true and there is no event yet, through
 * the operator path ({@link Catalogue}), so that what operators use is what every demo and test
 * exercises: one event, two schedules a month ahead, on sale from now, rows 1열..10열 of 20 seats
 * (VIP, R, S). On a new database they get ids 1 (event) and 1, 2 (schedules).
 */
@ApplicationScoped
class DemoData {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final Catalogue catalogue;
    private final EventRepository events;
    private final BookingConfig config;

    DemoData(Catalogue catalogue, EventRepository events, BookingConfig config) {
        this.catalogue = catalogue;
        this.events = events;
        this.config = config;
    }

    void load(@Observes StartupEvent event) {
        if (!config.demoData() || events.count() > 0) {
            return;
        }
        Event concert = catalogue.createEvent("2026 겨울 콘서트", "올림픽공원 KSPO DOME");
        Instant now = Instant.now();
        ZonedDateTime inAMonth = now.plus(Duration.ofDays(30)).atZone(SEOUL);
        List<Section> seatMap = List.of(section("VIP", 150_000, 1, 2), section("R", 120_000, 3, 5), section("S", 90_000, 6, 10));
        for (ZonedDateTime startsAt : List.of(inAMonth.with(LocalTime.of(19, 0)), inAMonth.plusDays(1).with(LocalTime.of(18, 0)))) {
            Schedule schedule = catalogue.createSchedule(concert.id, startsAt.toInstant(), now.minusSeconds(60), null).value();
            catalogue.defineSeatMap(schedule.id, seatMap);
        }
        Log.infof("Created the demo event (%d) with two schedules through the operator path", concert.id);
    }

    private static Section section(String grade, long price, int firstRow, int lastRow) {
        List<RowRange> rows = new ArrayList<>();
        for (int row = firstRow; row <= lastRow; row++) {
            rows.add(new RowRange(row + "열", 1, 20));
        }
        return new Section(grade, grade, price, rows);
    }
}
