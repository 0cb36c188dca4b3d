package org.ibvadvisor.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Two reports with their texts. */
final class FakeReports implements ReportCatalog, HealthInfo {
    static final Report R1 = new Report("r1", "生成式AI的CEO指南", "The CEO's Guide to Generative AI", "CEO指南",
            List.of("高管计划如何投资生成式AI？", "What limits adoption?"));
    static final Report R2 = new Report("r2", "数据与AI", "Data and AI", "数据", List.of());

    @Override
    public List<Report> reports() {
        return List.of(R1, R2);
    }

    @Override
    public Optional<ReportText> text(String reportId) {
        return switch (reportId) {
            case "r1" -> Optional.of(new ReportText("r1", R1.titleZh(), "第一章 采用\n78%的高管表示将在2025年前扩大生成式AI投资。"));
            case "r2" -> Optional.of(new ReportText("r2", R2.titleZh(), "Data quality decides outcomes."));
            default -> Optional.empty();
        };
    }

    @Override
    public Health current() {
        return new Health(5, 1234, "qwen2.5:7b", Map.of("llm", Map.of("status", "unreachable", "url", "http://localhost:11434")));
    }
}
