package io.ticketing.booking.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.ticketing.booking.model.Schedule;

@ApplicationScoped
public class ScheduleRepository implements PanacheRepository<Schedule> {

    public List<Schedule> ofEvent(long eventId) {
        return list("eventId", Sort.by("startsAt").and("id"), eventId);
    }
}
