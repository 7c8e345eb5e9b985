package io.ticketing.load;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * The latencies of one kind of request (HdrHistogram, 1 µs to 5 min at three significant digits)
 * and how many answers had each status. Status -1 is a request that got no answer at all.
 */
final class Timings {

    private final Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
    private final SortedMap<Integer, Long> statuses = new TreeMap<>();

    synchronized void record(int status, long elapsedNanos) {
        histogram.recordValue(Math.max(1, Math.min(histogram.getHighestTrackableValue(), elapsedNanos / 1000)));
        statuses.merge(status, 1L, Long::sum);
    }

    synchronized long count() {
        return histogram.getTotalCount();
    }

    synchronized long count(int status) {
        return statuses.getOrDefault(status, 0L);
    }

    synchronized SortedMap<Integer, Long> statuses() {
        return new TreeMap<>(statuses);
    }

    /** Milliseconds at a percentile (50, 99, 100 ...). */
    synchronized double millis(double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** Fails unless every answer had one of these statuses. */
    void expectOnly(String what, Integer... allowed) {
        Map<Integer, Long> seen = statuses();
        if (!List.of(allowed).containsAll(seen.keySet())) {
            throw new IllegalStateException(what + ": unexpected answers " + seen);
        }
    }
}
