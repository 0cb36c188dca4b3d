package org.ibvadvisor.eval.bench;

import org.ibvadvisor.eval.metrics.Samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SamplesTest {
    @ParameterizedTest(name = "p{1} of 1..{0} is {2}")
    @CsvSource({"100, 50, 50", "100, 99, 99", "100, 100, 100", "10, 50, 5", "10, 99, 10", "1, 50, 1", "3, 50, 2", "4, 50, 2"})
    void percentiles_are_nearest_rank(int count, double p, double expected) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) values[count - 1 - i] = i + 1; // given in reverse order
        assertEquals(expected, Samples.of(values).percentile(p));
    }

    @ParameterizedTest(name = "median of {0} is {1}")
    @CsvSource(delimiter = ';', value = {"3,1,2; 2", "4,1,3,2; 2.5", "7; 7"})
    void the_median_is_the_middle_or_the_mean_of_the_two_middles(String values, double expected) {
        double[] parsed = java.util.Arrays.stream(values.split(",")).mapToDouble(Double::parseDouble).toArray();
        assertEquals(expected, Samples.of(parsed).median());
    }

    @Test
    void no_samples_give_nan_and_a_bad_percentile_is_refused() {
        assertTrue(Double.isNaN(Samples.of().p50()));
        assertTrue(Double.isNaN(Samples.of().median()));
        assertThrows(IllegalArgumentException.class, () -> Samples.of(1).percentile(0));
        assertThrows(IllegalArgumentException.class, () -> Samples.of(1).percentile(101));
    }
}
