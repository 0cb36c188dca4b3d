package org.ibvadvisor.retrieval.confidence;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ibvadvisor.retrieval.BigramEmbedder;
import org.ibvadvisor.retrieval.TestIndex;

/**
 * A small real index whose passages name things: CEO in many of them, GPU, WPP, 日本 and years in one each, and one
 * that writes names in other forms (三十, 投资回报率, 生成式 AI).
 */
final class NamedReports {
    private NamedReports() {
    }

    static TestIndex open() {
        Map<String, String> reports = new LinkedHashMap<>();
        reports.put("ceo", String.join("\n\n",
                "CEO 调研显示，2023 年 62% 的 CEO 计划增加 AI 预算。",
                "CEO 们认为治理是 AI 成功的关键。",
                "半数 CEO 表示人才短缺。",
                "WPP 的首席执行官谈到了生成式 AI 对岗位的影响。"));
        reports.put("compute", String.join("\n\n",
                "平均计算成本将在 2023 年至 2025 年间攀升 89%。",
                "训练大模型需要大量 GPU 算力。",
                "混合云架构可以帮助企业控制计算成本。",
                "日本企业更早采用了云计算。",
                "结论：成本透明是第一步。",
                "附录：调研方法与样本说明。",
                "未来三十年，企业的投资回报率取决于生成式 AI 的规模化。"));
        return TestIndex.of(reports, new BigramEmbedder());
    }
}
