package org.ibvadvisor.eval.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ibvadvisor.eval.questions.Question;
import org.ibvadvisor.eval.questions.QuestionSet;
import org.ibvadvisor.retrieval.Retrieval;
import org.ibvadvisor.retrieval.RetrievalRequest;
import org.ibvadvisor.retrieval.Retriever;

/**
 * Warm latency of {@code retrieve()} (the server-side part of {@code /api/retrieve}) over every question of the set:
 * one warm-up round, then {@code rounds} measured rounds; prints p50/p90/p99 of total, embedding and search time.
 * Not a test: run by hand, e.g. from the IDE or with the test classpath,
 * {@code java … org.ibvadvisor.eval.run.RetrievalBenchmark [rounds] [retriever] [index dir]}; without an index dir the
 * bundled corpus is ingested into a temporary one first.
 */
public final class RetrievalBenchmark {
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String name = args.length > 1 ? args[1] : "hybrid";
        List<Question> questions = IngestedCorpus.questions(QuestionSet.Split.ALL);
        try (IngestedCorpus corpus = args.length > 2 ? IngestedCorpus.open(java.nio.file.Path.of(args[2])) : IngestedCorpus.ingest()) {
            Retriever retriever = corpus.retrievers.byName(name);
            for (Question question : questions) retriever.retrieve(RetrievalRequest.of(question.question()));
            List<double[]> samples = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (Question question : questions) {
                    Retrieval retrieval = retriever.retrieve(RetrievalRequest.of(question.question()));
                    samples.add(new double[] {retrieval.timings().totalMs(), retrieval.timings().embedMs(), retrieval.timings().searchMs()});
                }
            }
            System.out.printf(Locale.ROOT, "%s: %d retrievals (%d questions x %d rounds, warm), k=10, %d cores%n", name,
                    samples.size(), questions.size(), rounds, Runtime.getRuntime().availableProcessors());
            String[] labels = {"total", "embed", "search"};
            for (int i = 0; i < labels.length; i++) {
                final int column = i;
                double[] values = samples.stream().mapToDouble(s -> s[column]).sorted().toArray();
                System.out.printf(Locale.ROOT, "  %-6s ms  p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n", labels[i],
                        percentile(values, 50), percentile(values, 90), percentile(values, 99), values[values.length - 1]);
            }
        }
    }

    static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)];
    }

}
