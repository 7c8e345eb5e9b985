package io.ticketing.booking.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.ticketing.booking.config.BookingConfig;

/**
 * Loads the demo event when {@code booking.demo-data} is true and event 1 is missing. A start-up
 * bean rather than a Flyway migration, because Flyway's locations are fixed at build time and the
 * same packaged app must run with and without demo data.
 */
@ApplicationScoped
class DemoData {

    private final EntityManager entityManager;
    private final BookingConfig config;

    DemoData(EntityManager entityManager, BookingConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Transactional
    void load(@Observes StartupEvent event) {
        if (!config.demoData()) {
            return;
        }
        Number existing = (Number) entityManager.createNativeQuery("SELECT count(*) FROM events WHERE id = 1")
                .getSingleResult();
        if (existing.longValue() > 0) {
            return;
        }
        entityManager.createNativeQuery(read("db/demo/demo-data.sql")).executeUpdate();
        Log.info("Loaded the demo event (1) with schedules 1 and 2");
    }

    private static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
