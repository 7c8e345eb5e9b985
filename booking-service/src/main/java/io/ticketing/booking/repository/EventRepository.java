package io.ticketing.booking.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.ticketing.booking.model.Event;

@ApplicationScoped
public class EventRepository implements PanacheRepository<Event> {
}
