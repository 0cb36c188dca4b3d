package org.ibvadvisor.eval.metrics;

import java.util.Arrays;

/** Measured values (e.g. milliseconds), sorted once, with nearest-rank percentiles. */
public final class Samples {
    private final double[] sorted;

    private Samples(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    public static Samples of(double... values) {
        return new Samples(values);
    }

    public static Samples of(java.util.Collection<Double> values) {
        return new Samples(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public int count() {
        return sorted.length;
    }

    /** The nearest-rank {@code p}-th percentile (0 < p ≤ 100); NaN when there are no samples. */
    public double percentile(double p) {
        if (p <= 0 || p > 100) throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
        if (sorted.length == 0) return Double.NaN;
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)];
    }

    /** The middle value (the mean of the two middle ones for an even count); NaN when empty. */
    public double median() {
        if (sorted.length == 0) return Double.NaN;
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public double p50() {
        return percentile(50);
    }

    public double p99() {
        return percentile(99);
    }

    public double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    public double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    public double mean() {
        return Arrays.stream(sorted).average().orElse(Double.NaN);
    }
}
