package org.ibvadvisor.eval.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.ibvadvisor.eval.questions.EvidenceCases;
import org.ibvadvisor.eval.questions.QuestionSet;
import org.ibvadvisor.eval.run.EvalCase;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.retrieval.RetrievalRequest;
import org.ibvadvisor.retrieval.Retriever;
import org.ibvadvisor.retrieval.Retrievers;
import org.ibvadvisor.retrieval.confidence.ConfidenceFeatures;
import org.ibvadvisor.retrieval.confidence.ProperNouns;
import org.ibvadvisor.retrieval.confidence.QueryNames;
import org.ibvadvisor.retrieval.confidence.SignalConfidence;
import org.ibvadvisor.retrieval.query.Glossary;
import org.ibvadvisor.retrieval.store.ChunkStore;
import org.ibvadvisor.retrieval.store.LuceneChunkStore;

/**
 * Fits the confidence estimator on the dev split: class-balanced, L2-regularised logistic regression over named
 * {@link ConfidenceFeatures}, its leave-one-out scores, and the weights to put into {@link SignalConfidence} (bias
 * shifted by the log prior odds of an answerable question). {@code ConfidenceFit <index> <questions> <variant>
 * <feature,feature…>…} ({@code -DasWritten=true}: names matched only as written); features: sentence, margin, ratio, cosine, agreement, names, checked (names with a known written form in English questions, all in Chinese ones).
 */
public final class ConfidenceFit {
    public static void main(String[] args) {
        List<EvalCase> cases;
        List<double[]> all = new ArrayList<>();
        try (OnnxEmbedder embedder = new OnnxEmbedder(EmbeddingModelSpec.byId(System.getProperty("model", "bge-small-zh-v1.5-q")));
             ChunkStore chunks = LuceneChunkStore.open(Path.of(args[0]), IndexSettings.forModel(embedder.modelId(), embedder.dimensions()))) {
            Retrievers retrievers = new Retrievers(chunks, embedder);
            QueryNames names = Boolean.getBoolean("asWritten") ? new QueryNames(retrievers.catalog(), ProperNouns.bundled(), SignalConfidence.MAX_NAME_SHARE)
                    : new QueryNames(retrievers.catalog(), ProperNouns.bundled(), SignalConfidence.MAX_NAME_SHARE, List.of(Glossary.bundled(), Glossary.names()));
            ConfidenceFeatures[] last = new ConfidenceFeatures[1];
            Retriever retriever = retrievers.build(Variants.of(args[2]), (query, rankings, fused) -> {
                last[0] = ConfidenceFeatures.of(query, rankings, fused, names);
                return 0.5;
            });
            cases = EvidenceCases.of(QuestionSet.read(Path.of(args[1]), QuestionSet.Split.parse(System.getProperty("split", "dev"))),
                    retrievers.catalog().chunks());
            for (EvalCase c : cases) {
                retriever.retrieve(RetrievalRequest.of(c.query()));
                ConfidenceFeatures f = last[0];
                all.add(new double[] {f.sentence(), f.sentenceMargin(), f.bigramRatio(), f.cosine(), f.agreement(), f.missingNames(), f.missingCheckedNames()});
            }
        }
        List<String> featureNames = List.of("sentence", "margin", "ratio", "cosine", "agreement", "names", "checked");
        double[] y = cases.stream().mapToDouble(c -> c.answerable() ? 1 : 0).toArray();
        double answerable = Arrays.stream(y).sum();
        double prior = Math.log(answerable / (y.length - answerable));
        double l2 = Double.parseDouble(System.getProperty("l2", "1"));
        for (int a = 3; a < args.length; a++) {
            int[] columns = Arrays.stream(args[a].split(",")).mapToInt(featureNames::indexOf).toArray();
            double[][] x = all.stream().map(row -> Arrays.stream(columns).mapToDouble(c -> row[c]).toArray()).toArray(double[][]::new);
            double[] w = fit(x, y, l2);
            double[] loo = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                final int left = i;
                double[][] xi = java.util.stream.IntStream.range(0, y.length).filter(j -> j != left).mapToObj(j -> x[j]).toArray(double[][]::new);
                double[] yi = java.util.stream.IntStream.range(0, y.length).filter(j -> j != left).mapToDouble(j -> y[j]).toArray();
                loo[i] = probability(fit(xi, yi, l2), x[i], prior);
            }
            System.out.printf(Locale.ROOT, "%s: weights %s, bias %.2f (+ prior %.2f = %.2f); LOO AUC %.3f%n", args[a],
                    Arrays.toString(Arrays.stream(w, 0, w.length - 1).map(v -> Math.round(v * 100) / 100.0).toArray()),
                    w[w.length - 1], prior, w[w.length - 1] + prior, auc(loo, y));
            Integer[] order = java.util.stream.IntStream.range(0, y.length).boxed().sorted(Comparator.comparingDouble((ToDoubleFunction<Integer>) i -> loo[i])).toArray(Integer[]::new);
            for (int r = 0; r < Math.min(Integer.getInteger("show", 15), order.length); r++) {
                int i = order[r];
                System.out.printf(Locale.ROOT, "  %.3f %s %s %s %s%n", loo[i], y[i] == 1 ? "A" : "U", cases.get(i).id(), cases.get(i).type(),
                        Arrays.toString(Arrays.stream(x[i]).map(v -> Math.round(v * 100) / 100.0).toArray()));
            }
        }
    }

    /** Newton's method on the class-balanced, L2-penalised log loss; the last weight is the intercept (not penalised). */
    static double[] fit(double[][] x, double[] y, double l2) {
        int n = y.length, d = x[0].length + 1;
        double positives = Arrays.stream(y).sum();
        double[] w = new double[d];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int i = 0; i < n; i++) {
                double[] xi = withBias(x[i]);
                double p = 1 / (1 + Math.exp(-dot(w, xi)));
                double weight = y[i] == 1 ? n / (2 * positives) : n / (2 * (n - positives));
                for (int j = 0; j < d; j++) {
                    gradient[j] += weight * (p - y[i]) * xi[j] / n;
                    for (int k = 0; k < d; k++) hessian[j][k] += weight * p * (1 - p) * xi[j] * xi[k] / n;
                }
            }
            for (int j = 0; j < d - 1; j++) {
                gradient[j] += l2 * w[j] / n;
                hessian[j][j] += l2 / n;
            }
            double[] step = solve(hessian, gradient);
            for (int j = 0; j < d; j++) w[j] -= step[j];
        }
        return w;
    }

    static double probability(double[] w, double[] x, double prior) {
        return 1 / (1 + Math.exp(-(dot(w, withBias(x)) + prior)));
    }

    static double auc(double[] score, double[] y) {
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y.length; j++) {
                if (y[i] == 1 && y[j] == 0) {
                    sum += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
                    pairs++;
                }
            }
        }
        return sum / pairs;
    }

    private static double[] withBias(double[] x) {
        double[] b = Arrays.copyOf(x, x.length + 1);
        b[x.length] = 1;
        return b;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][i] += 1e-9;
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
            double[] t = m[c]; m[c] = m[pivot]; m[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r == c) continue;
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) m[r][k] -= f * m[c][k];
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = m[i][n] / m[i][i];
        return x;
    }
}
