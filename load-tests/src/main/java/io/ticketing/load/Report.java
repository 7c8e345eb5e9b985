package io.ticketing.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The benchmark's output: a table a person reads (stdout), the same as JSON (bench.json) and as
 * Markdown with the command and the machine (BENCHMARKS.md), both in BENCH_OUT (target/bench).
 * Each scenario is shown as a ratio to its engine's ceiling (Redis or PostgreSQL, measured in the
 * same run) and to the HTTP floor of the part it went through.
 */
final class Report {

    /** One scenario's figures. {@code baseline}: "redis", "postgres", "floor" or null. */
    record Row(String scenario, String target, String when, long succeeded, double perSecond, double p50Ms, double p99Ms,
            double maxMs, String answers, String baseline, Map<String, Double> cpuMsPerSuccess) {
    }

    private Report() {
    }

    static void print(List<Row> rows, Map<String, Double> ceilings, Map<String, Map<String, Double>> ceilingCpu, boolean smoke)
            throws Exception {
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"scenario", "via", "when", "succeeded", "per second", "p50 ms", "p99 ms", "max ms",
            "of its ceiling", "of HTTP floor", "answers"});
        for (Row row : rows) {
            table.add(new String[] {row.scenario(), row.target(), row.when(), Long.toString(row.succeeded()),
                String.format(Locale.ROOT, "%.0f", row.perSecond()), ms(row.p50Ms()), ms(row.p99Ms()), ms(row.maxMs()),
                ratio(row, row.baseline() == null ? null : ceilings.get(row.baseline()), row.baseline()), ratio(row, floorOf(rows, row.target()), "floor"),
                row.answers()});
        }
        if (!ceilings.isEmpty()) {
            table.add(new String[] {"ceiling: Redis runs the hold script (redis-benchmark EVALSHA, 50 clients)", "redis", "-",
                "-", String.format(Locale.ROOT, "%.0f", ceilings.get("redis")), "", "", "", "", "", ""});
            table.add(new String[] {"ceiling: PostgreSQL runs one booking's SQL (pgbench, 32 clients)", "postgres", "-", "-",
                String.format(Locale.ROOT, "%.0f", ceilings.get("postgres")), "", "", "", "", "", ""});
        }

        List<String[]> cpu = cpuTable(rows, ceilingCpu);
        System.out.println();
        System.out.println(text(table));
        System.out.println("CPU milliseconds per success, per part (from /proc, over the scenario; 2 cores = 2,000 ms per second):");
        System.out.println(text(cpu));
        Path out = Path.of(System.getenv().getOrDefault("BENCH_OUT", "target/bench"));
        Files.createDirectories(out);
        Files.writeString(out.resolve("bench.json"), json(rows, ceilings, smoke));
        Files.writeString(out.resolve("BENCHMARKS.md"), markdown(table, cpu, smoke));
        System.out.println("written: " + out.resolve("bench.json") + ", " + out.resolve("BENCHMARKS.md"));
    }

    static Double floorOf(List<Row> rows, String target) {
        return rows.stream().filter(r -> "floor".equals(r.baseline()) && r.target().equals(target)).map(Row::perSecond)
                .findFirst().orElse(null);
    }

    static String ratio(Row row, Double ceiling, String kind) {
        if (ceiling == null || row.baseline() == null || "floor".equals(row.baseline()) && "floor".equals(kind)) {
            return "";
        }
        return String.format(Locale.ROOT, "%.1f%%", 100 * row.perSecond() / ceiling);
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.0f", millis);
    }

    static String text(List<String[]> table) {
        int[] width = new int[table.get(0).length];
        for (String[] line : table) {
            for (int i = 0; i < line.length; i++) {
                width[i] = Math.max(width[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : table) {
            for (int i = 0; i < line.length; i++) {
                out.append(i == 0 ? "" : "  ").append(String.format("%-" + width[i] + "s", line[i]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** One line per scenario that measured CPU: milliseconds per success of each part, and their sum. */
    static List<String[]> cpuTable(List<Row> rows, Map<String, Map<String, Double>> ceilingCpu) {
        List<String> parts = List.of("booking", "seat-lock", "postgres", "redis", "nginx", "client");
        List<String[]> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("scenario", "via"));
        header.addAll(parts);
        header.add("all");
        table.add(header.toArray(String[]::new));
        for (Row row : rows) {
            if (row.cpuMsPerSuccess() == null || row.cpuMsPerSuccess().isEmpty()) {
                continue;
            }
            List<String> line = new ArrayList<>(List.of(row.scenario(), row.target()));
            parts.forEach(part -> line.add(String.format(Locale.ROOT, "%.2f", row.cpuMsPerSuccess().getOrDefault(part, 0.0))));
            line.add(String.format(Locale.ROOT, "%.2f", row.cpuMsPerSuccess().values().stream().mapToDouble(d -> d).sum()));
            table.add(line.toArray(String[]::new));
        }
        ceilingCpu.forEach((name, used) -> {
            List<String> line = new ArrayList<>(List.of(name, "-"));
            parts.forEach(part -> line.add(String.format(Locale.ROOT, "%.2f", used.getOrDefault(part, 0.0))));
            line.add(String.format(Locale.ROOT, "%.2f", used.values().stream().mapToDouble(d -> d).sum()));
            table.add(line.toArray(String[]::new));
        });
        return table;
    }

    static String markdown(List<String[]> table, List<String[]> cpu, boolean smoke) throws Exception {
        StringBuilder out = new StringBuilder("# Benchmarks\n\n");
        out.append(smoke ? "**Smoke run: the answers were checked, the figures mean nothing.**\n\n" : "");
        out.append("Measured ").append(LocalDate.now(ZoneOffset.UTC)).append(" with `scripts/bench.sh` (BENCH_ONLY=warm), on ")
                .append(machine()).append(". Everything on one machine: client, gateway, both services, Redis, PostgreSQL.\n\n");
        markdownTable(out, table);
        out.append("\nCPU milliseconds per success, per part (from /proc, over the scenario; 2 cores = 2,000 ms per second):\n\n");
        markdownTable(out, cpu);
        return out.toString();
    }

    static void markdownTable(StringBuilder out, List<String[]> table) {
        for (int n = 0; n < table.size(); n++) {
            out.append("| ").append(String.join(" | ", table.get(n))).append(" |\n");
            if (n == 0) {
                out.append("|").append("---|".repeat(table.get(0).length)).append('\n');
            }
        }
    }

    static String machine() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        long memGiB = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0) / 1024 / 1024;
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memGiB + " GiB, Java "
                + System.getProperty("java.version");
    }

    static String json(List<Row> rows, Map<String, Double> ceilings, boolean smoke) {
        StringBuilder out = new StringBuilder("{\n  \"smoke\": ").append(smoke).append(",\n  \"ceilings\": {");
        out.append(String.format(Locale.ROOT, "\"redis_hold_script_per_second\": %.0f, \"postgres_booking_sql_per_second\": %.0f},%n",
                ceilings.getOrDefault("redis", 0.0), ceilings.getOrDefault("postgres", 0.0)));
        out.append("  \"scenarios\": [\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            out.append(String.format(Locale.ROOT, "    {\"scenario\": \"%s\", \"via\": \"%s\", \"when\": \"%s\", \"succeeded\": %d, "
                    + "\"per_second\": %.1f, \"p50_ms\": %.2f, \"p99_ms\": %.2f, \"max_ms\": %.2f, \"answers\": \"%s\", "
                    + "\"baseline\": %s, \"cpu_ms_per_success\": {%s}}%s%n", r.scenario(), r.target(), r.when(), r.succeeded(),
                    r.perSecond(), r.p50Ms(), r.p99Ms(), r.maxMs(), r.answers(),
                    r.baseline() == null ? "null" : "\"" + r.baseline() + "\"", r.cpuMsPerSuccess() == null ? ""
                            : r.cpuMsPerSuccess().entrySet().stream().map(e -> String.format(Locale.ROOT, "\"%s\": %.3f",
                                    e.getKey(), e.getValue())).collect(Collectors.joining(", ")),
                    i + 1 < rows.size() ? "," : ""));
        }
        return out.append("  ]\n}\n").toString();
    }
}
