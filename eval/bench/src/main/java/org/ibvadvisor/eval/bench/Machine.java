package org.ibvadvisor.eval.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The machine a benchmark ran on, named as BENCHMARKS.md names it: cores, CPU model, RAM, JDK.
 *
 * @param cores   processors the JVM sees ({@code nproc})
 * @param cpu     CPU model from {@code /proc/cpuinfo}
 * @param ramMb   total memory from {@code /proc/meminfo}
 * @param jdk     the running JDK's vendor and version
 */
public record Machine(int cores, String cpu, long ramMb, String jdk) {

    /** This machine. */
    public static Machine current() {
        String cpu = lines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        long ramKb = lines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
        String jdk = System.getProperty("java.vm.vendor", "?") + " " + Runtime.version();
        return new Machine(Runtime.getRuntime().availableProcessors(), cpu, ramKb / 1024, jdk);
    }

    /** The 1-minute load average, or -1 when unknown. */
    public static double loadAverage() {
        List<String> lines = lines(Path.of("/proc/loadavg"));
        if (lines.isEmpty()) return -1;
        return Double.parseDouble(lines.getFirst().split("\\s+")[0]);
    }

    /** {@code "2 cores (AMD EPYC), 23.5 GB RAM, JDK Eclipse Adoptium 25+36"}. */
    public String describe() {
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GB RAM, JDK %s", cores, cpu, ramMb / 1024.0, jdk);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
