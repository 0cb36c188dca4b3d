package org.ibvadvisor.eval.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

class LinePlotTest {
    @ParameterizedTest(name = "axis for {0} ends at {1}")
    @CsvSource({"0.7, 1", "3, 5", "13, 20", "22, 25", "51000, 100000", "50000, 50000", "0, 1"})
    void axes_end_at_a_round_number(double max, double expected) {
        assertEquals(expected, LinePlot.nice(max), 1e-9);
    }

    @Test
    void the_plot_is_well_formed_svg_with_one_line_and_a_point_per_value() throws Exception {
        String svg = new LinePlot("延迟 <p50>", "chunks", "ms")
                .add(new LinePlot.Series("p50", new double[] {5000, 10000, 50000}, new double[] {4, 6, 12}))
                .add(new LinePlot.Series("p99", new double[] {5000, 10000, 50000}, new double[] {9, 14, 30}))
                .svg();

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, doc.getElementsByTagName("polyline").getLength());
        assertEquals(6, doc.getElementsByTagName("circle").getLength());
        assertTrue(svg.contains("延迟 &lt;p50&gt;"), svg);
    }
}
