package io.ticketing.seatlock.stream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ticketing.seatlock.model.Seat;

/** A feed's events as JSON: seats by row and number, in the order of the rows and the numbers. */
@ApplicationScoped
class FeedJson implements SeatFeed.Render {

    private record SeatView(String row, int number, String state) {
    }

    private record Snapshot(long scheduleId, List<SeatView> seats) {
    }

    private record Change(List<SeatView> seats) {
    }

    private final ObjectMapper json;

    FeedJson(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String snapshot(long scheduleId, Map<String, String> states) {
        return write(new Snapshot(scheduleId, views(states)));
    }

    @Override
    public String change(Map<String, String> states) {
        return write(new Change(views(states)));
    }

    private List<SeatView> views(Map<String, String> states) {
        List<SeatView> views = new ArrayList<>(states.size());
        states.forEach((member, state) -> {
            Seat seat = Seat.fromMember(member);
            views.add(new SeatView(seat.row(), seat.number(), state));
        });
        views.sort(Comparator.comparing(SeatView::row).thenComparingInt(SeatView::number));
        return views;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
