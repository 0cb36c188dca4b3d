package org.ibvadvisor.eval.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ibvadvisor.answer.extract.AnswerTypes;
import org.ibvadvisor.answer.extract.QuestionKind;
import org.ibvadvisor.answer.pipeline.AnswerSettings;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.ibvadvisor.eval.questions.Question;
import org.ibvadvisor.eval.questions.QuestionSet;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.retrieval.Passage;
import org.ibvadvisor.retrieval.Retrieval;
import org.ibvadvisor.retrieval.RetrievalRequest;
import org.ibvadvisor.retrieval.Retriever;
import org.ibvadvisor.retrieval.Retrievers;
import org.ibvadvisor.retrieval.Signals;
import org.ibvadvisor.retrieval.store.ChunkStore;
import org.ibvadvisor.retrieval.store.LuceneChunkStore;

/**
 * Issue 15 §1, a first measured step: per-question features beyond the fused confidence, a logistic regression of
 * "unanswerable" on them fitted on the DEV split only, its coefficients and its curve (refusal recall against
 * answerable questions wrongly refused) on dev, and the same fitted model applied once to the test split. Nothing
 * here changes the product. {@code java … RefusalExperiments <index dir> <questions.jsonl> <out.md>}
 */
public final class RefusalExperiments {

    static final String[] FEATURES = {"confidence", "yearMissing", "nameMissing", "bigramCoverage", "signalsAgree",
            "margin", "figureMissing", "uncoveredRun"};

    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}");
    /** A name written in Latin letters: an acronym or a capitalised word (question words and the corpus's own terms left out). */
    private static final Pattern NAME = Pattern.compile("\\b[A-Z][A-Za-z&-]+\\b");
    private static final Set<String> COMMON_NAMES = Set.of("AI", "IBM", "CEO", "CEOs", "IT", "IBV", "GenAI", "HR",
            "CIO", "CISO", "CFO", "CTO", "COO", "CDO", "CxO", "What", "How", "Which", "Why", "When", "Who", "Do", "Does", "Did", "Is", "Are", "Can",
            "Should", "According", "In", "By", "For", "The", "To", "Where", "Will", "Generative");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}{2,}");
    private static final String STOP = "的了是在有和与及或中对为被将从到会能要这那哪些什么多少如何怎么吗呢报告企业组织高管受访";

    record Row(Question question, double[] x, boolean unanswerable) {}

    public static void main(String[] args) throws IOException {
        Path index = Path.of(args[0]);
        List<Question> dev = QuestionSet.read(Path.of(args[1]), QuestionSet.Split.parse("dev"));
        List<Question> test = QuestionSet.read(Path.of(args[1]), QuestionSet.Split.parse("test"));
        AnswerSettings settings = AnswerSettings.defaults();
        List<Row> devRows, testRows;
        try (OnnxEmbedder embedder = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH_Q);
             ChunkStore chunks = LuceneChunkStore.open(index, IndexSettings.forModel(embedder.modelId(), embedder.dimensions()))) {
            Retriever hybrid = new Retrievers(chunks, embedder).hybrid();
            devRows = rows(dev, hybrid, settings);
            testRows = rows(test, hybrid, settings);
        }
        Standardizer z = Standardizer.of(devRows);
        double[] w = fit(devRows.stream().map(r -> z.apply(r.x())).toList(),
                devRows.stream().map(Row::unanswerable).toList(), 0.2, 20000, 0.01);
        StringBuilder out = new StringBuilder("# Refusal features (issue 15 §1, first step)\n\n")
                .append("Per question, over the hybrid retrieval's top ").append(settings.retrieveK())
                .append(" passages: *confidence* (the fused score the product refuses below ").append(settings.refusalThreshold())
                .append("), *yearMissing* (a year of the question is in none of the top 5 passages), *nameMissing* (share of the ")
                .append("question's Latin-letter names — CVS, Microsoft — absent from the top 5), *bigramCoverage* (share of the ")
                .append("question's Chinese bigrams found in the top 3; Chinese questions only, 1 for English ones), ")
                .append("*signalsAgree* (the top passage ranks in the first 5 of both BM25 and dense), *margin* (score of the ")
                .append("first passage minus the fifth's), *figureMissing* (a question asking for a figure whose top 3 passages ")
                .append("hold none), *uncoveredRun* (the longest run of consecutive Chinese bigrams of the question found in none of the ")
                .append("top 10 passages: a phrase the passages never use, such as 日本 or 欧洲银行业; 0 for English questions). A logistic regression of *unanswerable* on the standardised features (L2 0.01), fitted on the ")
                .append("**dev** split only (").append(devRows.size()).append(" questions, ")
                .append(devRows.stream().filter(Row::unanswerable).count()).append(" unanswerable); the test split (")
                .append(testRows.size()).append(" questions, ").append(testRows.stream().filter(Row::unanswerable).count())
                .append(" unanswerable) was scored once with that model. Not used by the product yet.\n\n")
                .append("**Reading.** These features barely separate the question set's unanswerable questions from the answerable ")
                .append("ones: at the issue's ≤ 3% of answerable questions wrongly refused the fitted model refuses no more on dev ")
                .append("than the confidence threshold alone, and it gains only where 5–20% of answerable questions would be ")
                .append("refused. Most unanswerable dev questions (q240, q248, q291, q292: a figure or detail the reports do not ")
                .append("give about a company or case they do name: CVS Health, 劳埃德银行, Adobe Firefly) retrieve passages on the same subject with every key term present, so ")
                .append("term coverage cannot tell them; what they lack is the specific figure or claim asked about, which needs ")
                .append("an answer-level check (does a sentence state the asked-for thing about the asked-for subject).\n\n")
                .append("Reproduce: `java -cp … org.ibvadvisor.eval.experiments.RefusalExperiments data/index ")
                .append("eval/questions/questions.jsonl eval/reports/refusal/experiments.md` (test-source main).\n\n")
                .append("## Coefficients (standardised features; positive: towards refusing)\n\n| feature | dev mean | dev sd | coefficient |\n|---|---|---|---|\n")
                .append(String.format(Locale.ROOT, "| (intercept) | | | %.3f |%n", w[0]));
        for (int j = 0; j < FEATURES.length; j++) {
            out.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", FEATURES[j], z.mean[j], z.sd[j], w[j + 1]));
        }
        out.append("\n## Curve: refusal recall against answerable questions wrongly refused\n\n")
                .append("Each row is a cut on the dev split: refuse when the model's probability is at least the cut. The ")
                .append("baseline is the product's single confidence threshold swept the same way.\n\n")
                .append("| wrongly refused (answerable) ≤ | dev: model recall | dev: model cut | dev: confidence-only recall | test: model recall at the dev cut | test: wrongly refused at the dev cut |\n|---|---|---|---|---|---|\n");
        double[] devP = devRows.stream().mapToDouble(r -> p(w, z.apply(r.x()))).toArray();
        double[] devConf = devRows.stream().mapToDouble(r -> -r.x()[0]).toArray();
        double[] testP = testRows.stream().mapToDouble(r -> p(w, z.apply(r.x()))).toArray();
        for (double fpr : new double[] {0, 0.03, 0.05, 0.10, 0.20}) {
            double[] m = best(devP, devRows, fpr);
            double[] c = best(devConf, devRows, fpr);
            double[] t = at(testP, testRows, m[1]);
            out.append(String.format(Locale.ROOT, "| %.2f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", fpr, m[0], m[1], c[0], t[0], t[1]));
        }
        out.append("\n## Dev questions: features and probability\n\n| id | unanswerable | ")
                .append(String.join(" | ", FEATURES)).append(" | p |\n|---|---|").append("---|".repeat(FEATURES.length + 1)).append('\n');
        for (int i = 0; i < devRows.size(); i++) {
            Row r = devRows.get(i);
            if (!r.unanswerable() && devP[i] < 0.2) continue;
            out.append("| ").append(r.question().id()).append(" | ").append(r.unanswerable() ? "yes" : "no");
            for (double v : r.x()) out.append(String.format(Locale.ROOT, " | %.2f", v));
            out.append(String.format(Locale.ROOT, " | %.2f |%n", devP[i]));
        }
        out.append("\n(answerable dev questions with p < 0.2 left out)\n");
        Path file = Path.of(args[2]);
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
        System.out.println(out);
    }

    private static List<Row> rows(List<Question> questions, Retriever hybrid, AnswerSettings settings) {
        List<Row> rows = new ArrayList<>();
        for (Question q : questions) {
            Retrieval retrieval = hybrid.retrieve(new RetrievalRequest(q.question(), settings.retrieveK(), Set.of()));
            rows.add(new Row(q, features(q.question(), retrieval), !q.answerable()));
        }
        return rows;
    }

    static double[] features(String question, Retrieval retrieval) {
        List<Passage> passages = retrieval.passages();
        String top5 = join(passages, 5), top3 = join(passages, 3);
        double yearMissing = 0;
        for (Matcher m = YEAR.matcher(question); m.find(); ) {
            if (!top5.contains(m.group())) yearMissing = 1;
        }
        Set<String> names = new LinkedHashSet<>();
        for (Matcher m = NAME.matcher(question); m.find(); ) {
            if (!COMMON_NAMES.contains(m.group())) names.add(m.group());
        }
        String lowerTop5 = top5.toLowerCase(Locale.ROOT);
        double nameMissing = names.isEmpty() ? 0
                : names.stream().filter(n -> !lowerTop5.contains(n.toLowerCase(Locale.ROOT))).count() / (double) names.size();
        boolean asksInChinese = CJK.matcher(question).find();
        String chinese = asksInChinese ? question : "";
        Set<String> bigrams = new LinkedHashSet<>();
        for (Matcher m = CJK.matcher(chinese); m.find(); ) {
            String run = m.group();
            for (int i = 0; i + 2 <= run.length(); i++) {
                String b = run.substring(i, i + 2);
                if (STOP.indexOf(b.charAt(0)) < 0 || STOP.indexOf(b.charAt(1)) < 0) bigrams.add(b);
            }
        }
        String top10 = join(passages, 10);
        int run = 0, longest = 0;
        for (Matcher m = CJK.matcher(chinese); m.find(); ) {
            String han = m.group();
            run = 0;
            for (int i = 0; i + 2 <= han.length(); i++) {
                String b = han.substring(i, i + 2);
                boolean stop = STOP.indexOf(b.charAt(0)) >= 0 && STOP.indexOf(b.charAt(1)) >= 0;
                run = !stop && !top10.contains(b) ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
        }
        double coverage = bigrams.isEmpty() ? 1 : bigrams.stream().filter(top3::contains).count() / (double) bigrams.size();
        double agree = 0, margin = 0;
        if (!passages.isEmpty()) {
            Passage first = passages.getFirst();
            Integer bm25 = first.ranks().get(Signals.BM25), dense = first.ranks().get(Signals.DENSE);
            agree = bm25 != null && dense != null && bm25 <= 5 && dense <= 5 ? 1 : 0;
            margin = first.score() - passages.get(Math.min(4, passages.size() - 1)).score();
        }
        double figureMissing = QuestionKind.of(question) == QuestionKind.FIGURE
                && passages.stream().limit(3).noneMatch(p -> AnswerTypes.holds(QuestionKind.FIGURE, p.text(), "")) ? 1 : 0;
        return new double[] {retrieval.confidence(), yearMissing, nameMissing, coverage, agree, margin, figureMissing, longest};
    }

    private static String join(List<Passage> passages, int n) {
        StringBuilder s = new StringBuilder();
        passages.stream().limit(n).forEach(p -> s.append(p.text()).append('\n'));
        return s.toString();
    }

    record Standardizer(double[] mean, double[] sd) {
        static Standardizer of(List<Row> rows) {
            int d = FEATURES.length;
            double[] mean = new double[d], sd = new double[d];
            for (Row r : rows) for (int j = 0; j < d; j++) mean[j] += r.x()[j] / rows.size();
            for (Row r : rows) for (int j = 0; j < d; j++) sd[j] += Math.pow(r.x()[j] - mean[j], 2) / rows.size();
            for (int j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]) > 1e-9 ? Math.sqrt(sd[j]) : 1;
            return new Standardizer(mean, sd);
        }

        double[] apply(double[] x) {
            double[] out = new double[x.length];
            for (int j = 0; j < x.length; j++) out[j] = (x[j] - mean[j]) / sd[j];
            return out;
        }
    }

    /** Logistic regression by gradient descent on the mean log loss plus {@code l2}·|w|² (intercept unpenalised). */
    static double[] fit(List<double[]> xs, List<Boolean> ys, double rate, int steps, double l2) {
        int d = xs.getFirst().length;
        double[] w = new double[d + 1];
        for (int step = 0; step < steps; step++) {
            double[] g = new double[d + 1];
            for (int i = 0; i < xs.size(); i++) {
                double err = p(w, xs.get(i)) - (ys.get(i) ? 1 : 0);
                g[0] += err / xs.size();
                for (int j = 0; j < d; j++) g[j + 1] += err * xs.get(i)[j] / xs.size();
            }
            for (int j = 0; j <= d; j++) w[j] -= rate * (g[j] + (j == 0 ? 0 : 2 * l2 * w[j]));
        }
        return w;
    }

    static double p(double[] w, double[] x) {
        double s = w[0];
        for (int j = 0; j < x.length; j++) s += w[j + 1] * x[j];
        return 1 / (1 + Math.exp(-s));
    }

    /** The highest refusal recall with at most {@code fpr} of answerable questions refused: {recall, cut}. */
    private static double[] best(double[] score, List<Row> rows, double fpr) {
        double[] bestRecall = {0, Double.POSITIVE_INFINITY};
        for (double cut : score) {
            double[] r = at(score, rows, cut);
            if (r[1] <= fpr + 1e-12 && (r[0] > bestRecall[0] || r[0] == bestRecall[0] && cut > bestRecall[1])) {
                bestRecall = new double[] {r[0], cut};
            }
        }
        return bestRecall;
    }

    /** {refusal recall, share of answerable refused} when refusing at score ≥ cut. */
    private static double[] at(double[] score, List<Row> rows, double cut) {
        int tp = 0, fp = 0, pos = 0, neg = 0;
        for (int i = 0; i < rows.size(); i++) {
            boolean refuse = score[i] >= cut;
            if (rows.get(i).unanswerable()) {
                pos++;
                if (refuse) tp++;
            } else {
                neg++;
                if (refuse) fp++;
            }
        }
        return new double[] {pos == 0 ? Double.NaN : tp / (double) pos, neg == 0 ? Double.NaN : fp / (double) neg};
    }

    private RefusalExperiments() {
    }
}
