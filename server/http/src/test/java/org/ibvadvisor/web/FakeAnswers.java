package org.ibvadvisor.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scripted answers over the real bundled reports: passages are real paragraphs of corpus/*.txt with real
 * character spans, so the page's highlighting is tested against true offsets. A script is chosen by words
 * in the question (see {@link #scriptFor}).
 */
final class FakeAnswers {

    /** A question that makes the stand-in answer with markup meant to run script. */
    static final String XSS = "<img src=x onerror=window.__xss=1><script>window.__xss=1</script>";

    static final String MODEL = "qwen2.5:7b";

    private final Map<String, Map<String, Object>> reports = new LinkedHashMap<>();
    private final Map<String, String> texts = new LinkedHashMap<>();

    /** What the stand-in does for one question. */
    record Script(List<Map<String, Object>> passages, List<String> tokens, String answer, String mode,
                  List<Map<String, Object>> citations, List<Object> warnings, String model, String error,
                  boolean busy, boolean raw, boolean hold, long tokenDelayMillis) {

        Map<String, Object> done(String conversationId) {
            var out = new LinkedHashMap<String, Object>();
            out.put("conversationId", conversationId);
            out.put("answer", answer);
            out.put("mode", mode);
            out.put("citations", citations);
            out.put("warnings", warnings);
            out.put("model", model);
            out.put("timings", Map.of("retrieveMs", 6, "firstTokenMs", 180, "totalMs", 2350));
            return out;
        }
    }

    FakeAnswers(Path corpus) {
        try (Stream<Path> files = Files.list(corpus)) {
            for (var meta : files.filter(p -> p.toString().endsWith(".meta.json")).sorted().toList()) {
                var node = new ObjectMapper().readTree(meta.toFile());
                var id = node.path("id").asText();
                var report = new LinkedHashMap<String, Object>();
                report.put("id", id);
                report.put("title", node.path("titleZh").asText());
                report.put("titleEn", node.path("titleEn").asText());
                report.put("shortTitle", node.path("shortTitle").asText());
                report.put("starterQuestions", STARTERS.getOrDefault(id, List.of()));
                reports.put(id, report);
                var text = meta.resolveSibling(meta.getFileName().toString().replace(".meta.json", ".txt"));
                texts.put(id, Files.readString(text));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus at " + corpus, e);
        }
        if (reports.isEmpty()) throw new IllegalStateException("no reports in " + corpus);
        texts.put(XSS_REPORT, XSS_REPORT_TEXT);
    }

    static FakeAnswers fromProjectCorpus() {
        return new FakeAnswers(Path.of(System.getProperty("advisor.projectDir", "..")).resolve("corpus"));
    }

    private static final Map<String, List<String>> STARTERS = Map.of(
            "ceo-genai-guide", List.of("CEO 如何看待生成式 AI？", "生成式 AI 将如何改变客户服务？"),
            "enterprise-genai-market", List.of("企业高管预计生成式 AI 的投资回报率如何？"),
            "ai-infrastructure", List.of("为什么许多 AI 项目止步于试点阶段？"),
            "genai-compute-economics", List.of("生成式 AI 的计算成本会增长多少？"),
            "super-ecosystems", List.of("超级生态系统对收入有什么影响？"));

    private static final String XSS_REPORT = "xss-lab";
    private static final String XSS_REPORT_TEXT = "前文。\n攻击样本：" + XSS + " 结束。\n后文。";

    List<Map<String, Object>> reports() {
        return List.copyOf(reports.values());
    }

    /** {"id","title","text"} for /api/reports/{id}/text, or null for an unknown report. */
    Map<String, Object> reportText(String id) {
        var text = texts.get(id);
        if (text == null) return null;
        var title = reports.containsKey(id) ? reports.get(id).get("title") : XSS;
        return Map.of("id", id, "title", title, "text", text);
    }

    String text(String reportId) {
        return texts.get(reportId);
    }

    // ----------------------------------------------------------------------------------------- scripts

    /**
     * The script for a question: "xss" or "<" → markup in the answer; "离线"/"offline" → extractive;
     * "火星"/"Mars" → refused; "故障"/"fail" → an error event mid-stream; "繁忙"/"busy" → 503; "分片"/"split" →
     * the stream written in 5-byte pieces and held before done; "客户" → the customer-service follow-up;
     * anything else → the CEO answer.
     */
    Script scriptFor(String question) {
        var q = question.toLowerCase();
        if (q.contains("xss") || q.contains("<")) return markup();
        if (q.contains("离线") || q.contains("offline")) return extractive();
        if (q.contains("火星") || q.contains("mars")) return refused();
        if (q.contains("故障") || q.contains("fail")) return failing();
        if (q.contains("繁忙") || q.contains("busy")) return new Script(List.of(), List.of(), "", "generated", List.of(), List.of(), MODEL, null, true, false, false, 0);
        if (q.contains("分片") || q.contains("split")) return split();
        if (q.contains("客户")) return customerService();
        return ceo();
    }

    private record Cited(Map<String, Object> passage, String quote, int quoteStart) {}

    private Cited passage(String reportId, String quote, String section, double score) {
        var text = texts.get(reportId);
        var at = text.indexOf(quote);
        if (at < 0) throw new IllegalStateException("quote not in " + reportId + ": " + quote);
        var start = text.lastIndexOf('\n', at) + 1;
        var end = text.indexOf('\n', at + quote.length());
        if (end < 0) end = text.length();
        while (end - start < 90 && end < text.length()) {
            var next = text.indexOf('\n', end + 1);
            end = next < 0 ? text.length() : next;
        }
        var passage = new LinkedHashMap<String, Object>();
        passage.put("id", reportId + "#" + start);
        passage.put("report", reportRef(reportId));
        passage.put("section", section);
        passage.put("text", text.substring(start, end));
        passage.put("span", Map.of("start", start, "end", end));
        passage.put("score", score);
        return new Cited(passage, quote, at);
    }

    private Map<String, Object> reportRef(String reportId) {
        var title = reports.containsKey(reportId) ? (String) reports.get(reportId).get("title") : XSS;
        return Map.of("id", reportId, "title", title);
    }

    private static Map<String, Object> citation(int n, Cited cited) {
        var passage = cited.passage();
        var out = new LinkedHashMap<String, Object>();
        out.put("n", n);
        out.put("passageId", passage.get("id"));
        out.put("report", passage.get("report"));
        out.put("section", passage.get("section"));
        out.put("quote", cited.quote());
        out.put("span", Map.of("start", cited.quoteStart(), "end", cited.quoteStart() + cited.quote().length()));
        return out;
    }

    /** Splits text into tokens of three code points, as a model streams it. */
    static List<String> tokens(String text) {
        var out = new ArrayList<String>();
        var codePoints = text.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i += 3) {
            out.add(new String(codePoints, i, Math.min(3, codePoints.length - i)));
        }
        return out;
    }

    private Script generated(List<Cited> passages, String answer, List<Cited> cited, List<Object> warnings) {
        var citations = new ArrayList<Map<String, Object>>();
        for (var c : cited) citations.add(citation(passages.indexOf(c) + 1, c));
        return new Script(passages.stream().map(Cited::passage).toList(), tokens(answer), answer, "generated",
                citations, warnings, MODEL, null, false, false, false, 12);
    }

    private List<Cited> ceoPassages() {
        return List.of(
                passage("ceo-genai-guide", "90%的CEO预计其高管团队将共同决定组织对采用生成式AI的态度", "引言：领导力无法自动化", 0.91),
                passage("enterprise-genai-market", "尽管 74% 的 CEO 认为其团队具备成功采用生成式 AI 所需的技能，但只有 29% 的其他高管同意这一观点", "人才与技能", 0.88),
                passage("ceo-genai-guide", "85% 的受访高管表示，生成式 AI 将在未来两年内直接与客户互动", "第 2 章 客户服务", 0.84),
                passage("ai-infrastructure", "70% 的高管坦言，合适的混合基础设施有效兼顾性能与成本", "执行摘要", 0.71),
                passage("genai-compute-economics", "预计 2023 年至 2025 年间，平均计算成本将攀升 89%", "计算成本", 0.66),
                passage("super-ecosystems", "55% 的企业高管表示", "引言", 0.61));
    }

    /** The CEO answer: Markdown, three citations, one unverified figure (45%). */
    Script ceo() {
        var p = ceoPassages();
        var answer = """
                总体来看，CEO 对生成式 AI 的态度是**积极但谨慎**：

                1. **决策在高管团队**：90% 的 CEO 预计其高管团队将共同决定组织采用生成式 AI 的态度 [1]。
                2. **技能认知有落差**：74% 的 CEO 认为团队具备所需技能，但只有 29% 的其他高管同意 [2]。
                3. **客户互动先行**：85% 的受访高管表示，生成式 AI 将在两年内直接与客户互动 [3]。

                此外，约 45% 的 CEO 计划在明年增加相关投资 [1]。""";
        return generated(p, answer, List.of(p.get(0), p.get(1), p.get(2)),
                List.of(Map.of("type", "unverified_figure", "figure", "45%", "message", "45% 未出现在引用的段落中")));
    }

    /** The follow-up about customer service. */
    Script customerService() {
        var p = List.of(
                passage("ceo-genai-guide", "85% 的受访高管表示，生成式 AI 将在未来两年内直接与客户互动", "第 2 章 客户服务", 0.9),
                passage("ceo-genai-guide", "近三分之二 (63%) 的受访高管表示，到 2023 年底，他们将已经投资实施直接应用于客服领域的生成式 AI 项目", "第 2 章 客户服务", 0.86),
                passage("ceo-genai-guide", "客户服务是展示生成式 AI 成功的最佳领域", "第 2 章 客户服务", 0.8));
        var answer = "在客户服务方面，85% 的受访高管表示生成式 AI 将在未来两年内直接与客户互动 [1]；"
                + "近三分之二 (63%) 的受访高管表示，到 2023 年底将投资直接应用于客服领域的生成式 AI 项目 [2]。"
                + "报告认为客户服务是展示生成式 AI 成功的最佳领域 [3]。";
        return generated(p, answer, p, List.of());
    }

    /** LLM down: the cited sentences, no tokens, a warning naming the fix. */
    Script extractive() {
        var p = ceoPassages().subList(0, 3);
        var answer = "- " + p.get(0).quote() + " [1]\n- " + p.get(1).quote() + " [2]\n- " + p.get(2).quote() + " [3]";
        var citations = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < p.size(); i++) citations.add(citation(i + 1, p.get(i)));
        return new Script(p.stream().map(Cited::passage).toList(), List.of(), answer, "extractive", citations,
                List.of("model qwen2.5:7b not found at http://127.0.0.1:11434: run `ollama pull qwen2.5:7b`"),
                null, null, false, false, false, 0);
    }

    Script refused() {
        var p = List.of(passage("genai-compute-economics", "预计 2023 年至 2025 年间，平均计算成本将攀升 89%", "计算成本", 0.22));
        var answer = "报告未涉及这个问题。最接近的相关发现：预计 2023 年至 2025 年间，平均计算成本将攀升 89% [1]。";
        var s = generated(p, answer, p, List.of());
        return new Script(s.passages(), s.tokens(), answer, "refused", s.citations(), List.of(), MODEL, null, false, false, false, 8);
    }

    Script failing() {
        var p = ceoPassages().subList(0, 2);
        return new Script(p.stream().map(Cited::passage).toList(), tokens("CEO 们认为"), "", "generated", List.of(),
                List.of(), MODEL, "生成超时：模型 60 秒内没有回应", false, false, false, 10);
    }

    /** The stream cut into 5-byte pieces (inside lines and characters), held before done. */
    Script split() {
        var p = ceoPassages().subList(0, 1);
        var answer = "分片测试：生成式 AI 正在重塑企业——“领导力无法自动化” [1]。😀 结束";
        var s = generated(p, answer, p, List.of());
        return new Script(s.passages(), s.tokens(), answer, "generated", s.citations(), List.of(), MODEL, null, false, true, true, 0);
    }

    /** Markup meant to run: in the answer (split across tokens), the passage text, its section and report title. */
    Script markup() {
        var text = XSS_REPORT_TEXT;
        var start = text.indexOf("攻击样本");
        var end = text.indexOf('\n', start);
        var passage = new LinkedHashMap<String, Object>();
        passage.put("id", XSS_REPORT + "#" + start);
        passage.put("report", reportRef(XSS_REPORT));
        passage.put("section", "<b onmouseover=window.__xss=1>章节</b>");
        passage.put("text", text.substring(start, end));
        passage.put("span", Map.of("start", start, "end", end));
        passage.put("score", 0.5);
        var cited = new Cited(passage, XSS, text.indexOf(XSS));
        var answer = "测试回答 " + XSS + " 以及 [链接](javascript:window.__xss=1) 和 <a href=\"javascript:window.__xss=1\">另一个</a>"
                + " <iframe src=\"javascript:window.__xss=1\"></iframe> [1]";
        return new Script(List.of(passage), tokens(answer), answer, "generated", List.of(citation(1, cited)),
                List.of(), MODEL, null, false, false, false, 5);
    }
}
