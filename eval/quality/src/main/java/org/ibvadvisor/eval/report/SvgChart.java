package org.ibvadvisor.eval.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.ibvadvisor.eval.metrics.MetricSummary;

/**
 * A hand-written SVG of grouped bars: one panel overall and one per question type; in each, the six metrics
 * (hit@1/3/5/10, MRR@10, nDCG@10) with one bar per retriever; then, when unanswerable questions were asked, a panel
 * of refusal precision and recall at the confidence threshold.
 */
public final class SvgChart {
    private static final List<String> KEYS = List.of("hit@1", "hit@3", "hit@5", "hit@10", "mrr@10", "ndcg@10");
    private static final List<String> REFUSAL_KEYS = List.of("precision", "recall");
    private static final String[] COLOURS = {"#8c8c8c", "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1"};
    private static final int PANEL_W = 460, PANEL_H = 200, PAD = 40, COLS = 2;

    private SvgChart() {
    }

    public static String write(EvalResults results) {
        Map<String, Map<String, MetricSummary>> panels = new LinkedHashMap<>();
        Map<String, MetricSummary> overall = new LinkedHashMap<>();
        results.runs().keySet().forEach(name -> overall.put(name, results.metrics(name).overall()));
        panels.put("overall", overall);
        Map<String, Map<String, Double>> refusals = new LinkedHashMap<>();
        results.runs().keySet().forEach(name -> results.refusal(name).ifPresent(r ->
                refusals.put(name, Map.of("precision", r.precision(), "recall", r.recall()))));
        TreeSet<String> types = new TreeSet<>();
        results.runs().keySet().forEach(name -> types.addAll(results.metrics(name).byType().keySet()));
        if (types.size() > 1) {
            for (String type : types) {
                Map<String, MetricSummary> panel = new LinkedHashMap<>();
                results.runs().keySet().forEach(name -> {
                    MetricSummary summary = results.metrics(name).byType().get(type);
                    if (summary != null) panel.put(name, summary);
                });
                panels.put(type, panel);
            }
        }
        List<String> names = new ArrayList<>(results.runs().keySet());
        int count = panels.size() + (refusals.isEmpty() ? 0 : 1);
        int rows = (count + COLS - 1) / COLS;
        int width = COLS * (PANEL_W + PAD) + PAD;
        int height = 60 + rows * (PANEL_H + PAD + 30) + 10;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(text(PAD, 22, 15, "start", escape(results.title())));
        for (int i = 0; i < names.size(); i++) {
            int x = PAD + i * 130;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"34\" width=\"12\" height=\"12\" fill=\"%s\"/>%n", x, colour(i)));
            svg.append(text(x + 16, 44, 11, "start", escape(names.get(i))));
        }
        int p = 0;
        for (Map.Entry<String, Map<String, MetricSummary>> panel : panels.entrySet()) {
            int x0 = PAD + (p % COLS) * (PANEL_W + PAD);
            int y0 = 70 + (p / COLS) * (PANEL_H + PAD + 30);
            Map<String, Map<String, Double>> bars = new LinkedHashMap<>();
            panel.getValue().forEach((name, summary) -> bars.put(name, summary.toMap()));
            int n = panel.getValue().values().stream().mapToInt(MetricSummary::questions).max().orElse(0);
            panel(svg, x0, y0, panel.getKey() + " (n=" + n + ")", bars, names, KEYS);
            p++;
        }
        if (!refusals.isEmpty()) {
            String title = String.format(Locale.ROOT, "refusal of unanswerable questions (confidence < %.2f)",
                    results.refusalThreshold().orElse(Double.NaN));
            panel(svg, PAD + (p % COLS) * (PANEL_W + PAD), 70 + (p / COLS) * (PANEL_H + PAD + 30), title, refusals, names, REFUSAL_KEYS);
        }
        return svg.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder svg, int x0, int y0, String title, Map<String, Map<String, Double>> bars,
                              List<String> names, List<String> keys) {
        svg.append(text(x0, y0 + 4, 12, "start", escape(title)));
        int top = y0 + 14, bottom = top + PANEL_H;
        for (int tick = 0; tick <= 4; tick++) {
            double y = bottom - tick / 4.0 * PANEL_H;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", x0 + 28, y, x0 + PANEL_W, y));
            svg.append(text(x0 + 24, (int) y + 4, 10, "end", String.format(Locale.ROOT, "%.2f", tick / 4.0)));
        }
        double groupW = (PANEL_W - 36) / (double) keys.size();
        double barW = Math.max(2, (groupW - 10) / Math.max(1, names.size()));
        for (int k = 0; k < keys.size(); k++) {
            double gx = x0 + 34 + k * groupW;
            for (int r = 0; r < names.size(); r++) {
                Map<String, Double> values = bars.get(names.get(r));
                if (values == null) continue;
                double value = values.getOrDefault(keys.get(k), 0.0);
                double h = value * PANEL_H;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                        + "<title>%s %s %.3f</title></rect>%n", gx + r * barW, bottom - h, barW - 1, h, colour(r),
                        escape(names.get(r)), keys.get(k), value));
            }
            svg.append(text((int) (gx + (groupW - 10) / 2), bottom + 14, 10, "middle", keys.get(k)));
        }
    }

    private static String colour(int i) {
        return COLOURS[i % COLOURS.length];
    }

    private static String text(int x, int y, int size, String anchor, String content) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" text-anchor=\"%s\">%s</text>%n", x, y, size, anchor, content);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
