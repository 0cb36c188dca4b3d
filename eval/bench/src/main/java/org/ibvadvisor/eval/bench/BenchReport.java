package org.ibvadvisor.eval.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one benchmark run found: its tables, notes on what they mean, the command that reproduces it and the
 * machine and load it ran under. Printed on the terminal and written as a section of BENCHMARKS.md.
 *
 * @param name       the section name, e.g. {@code retrieve}
 * @param title      heading of the section
 * @param command    the command that reproduces the figures
 * @param tables     the figures
 * @param notes      sentences saying what the figures mean, goals included
 * @param machine    where it ran
 * @param loadBefore 1-minute load average just before the run
 * @param loadAfter  1-minute load average just after it
 * @param finished   when it ended
 */
public record BenchReport(String name, String title, String command, List<Table> tables, List<String> notes,
                          Machine machine, double loadBefore, double loadAfter, Instant finished) {
    public BenchReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(command, "command");
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(finished, "finished");
    }

    /** The section for BENCHMARKS.md. */
    public String markdown() {
        StringBuilder out = new StringBuilder("## ").append(title).append("\n\n");
        out.append("`").append(command).append("` — ").append(DateTimeFormatter.ISO_LOCAL_DATE_TIME
                .format(finished.atZone(ZoneOffset.UTC).withNano(0).toLocalDateTime())).append(" UTC, ")
                .append(machine.describe()).append(", ").append(load()).append(".\n\n");
        for (Table table : tables) out.append(table.markdown()).append('\n');
        for (String note : notes) out.append("- ").append(note).append('\n');
        return out.toString();
    }

    /** The same for the terminal. */
    public String text() {
        StringBuilder out = new StringBuilder(title).append('\n');
        out.append(machine.describe()).append("; ").append(load()).append('\n');
        for (Table table : tables) out.append('\n').append(table.text());
        if (!notes.isEmpty()) out.append('\n');
        for (String note : notes) out.append("- ").append(note).append('\n');
        return out.toString();
    }

    private String load() {
        return String.format(Locale.ROOT, "load average %.2f before, %.2f after", loadBefore, loadAfter);
    }

    /** Formats a number of milliseconds, e.g. {@code 3.42}. */
    public static String ms(double value) {
        if (Double.isNaN(value)) return "–";
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : value < 100 ? "%.1f" : "%.0f", value);
    }

    /** Formats any figure with {@code digits} decimals. */
    public static String fixed(double value, int digits) {
        if (Double.isNaN(value)) return "–";
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }
}
