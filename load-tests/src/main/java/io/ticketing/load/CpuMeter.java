package io.ticketing.load;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a scenario, per part of the system: the CPU time of every
 * process, read from /proc, grouped by what it is (the two services, PostgreSQL, Redis, nginx, this
 * client). Divided by the operations a scenario completed, it says what one booking costs each part,
 * which is what bounds throughput when they all share one machine. Linux only; elsewhere empty.
 */
final class CpuMeter implements AutoCloseable {

    /** Clock ticks per millisecond of /proc's utime and stime (USER_HZ is 100 on Linux). */
    private static final double TICKS_PER_MS = 0.1;

    /** Per process: its part, its ticks when first seen (0 if it started after the meter), its latest ticks. */
    private record Seen(String part, long first, long last) {
    }

    private final Map<String, Seen> processes = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "cpu-meter");
                thread.setDaemon(true);
                return thread;
            });

    /** Starts measuring; samples every 200 ms, so that processes that end before the meter is read still count. */
    CpuMeter() {
        sample(true);
        sampler.scheduleAtFixedRate(() -> sample(false), 200, 200, TimeUnit.MILLISECONDS);
    }

    /** CPU milliseconds each part spent since this meter was made, per operation; stops the meter. */
    Map<String, Double> perOperation(long operations) {
        close();
        sample(false);
        Map<String, Double> out = new TreeMap<>();
        processes.values().forEach(seen -> out.merge(seen.part(),
                (seen.last() - seen.first()) / TICKS_PER_MS / Math.max(1, operations), Double::sum));
        return out;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }

    private synchronized void sample(boolean atStart) {
        try (Stream<Path> all = Files.list(Path.of("/proc"))) {
            all.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String pid = p.getFileName().toString();
                    Seen seen = processes.get(pid);
                    String part = seen != null ? seen.part()
                            : partOf(new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8));
                    if (part == null) {
                        return;
                    }
                    String stat = Files.readString(p.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    processes.put(pid, new Seen(part, seen != null ? seen.first() : atStart ? ticks : 0, ticks));
                } catch (Exception gone) {
                    // the process ended meanwhile: its last sample stands
                }
            });
        } catch (Exception notLinux) {
            // no /proc: nothing is measured
        }
    }

    private static String partOf(String cmdline) {
        if (cmdline.contains("booking-service")) {
            return "booking";
        }
        if (cmdline.contains("seat-lock-service")) {
            return "seat-lock";
        }
        if (cmdline.contains("io.ticketing.load") || cmdline.startsWith("pgbench") || cmdline.startsWith("redis-benchmark")) {
            return "client";
        }
        if (cmdline.startsWith("postgres:") || cmdline.contains("/bin/postgres")) {
            return "postgres";
        }
        if (cmdline.startsWith("nginx") || cmdline.contains("/sbin/nginx")) {
            return "nginx";
        }
        if (cmdline.startsWith("redis-server") || cmdline.contains("/bin/redis-server")) {
            return "redis";
        }
        return null;
    }
}
