package org.ibvadvisor.eval.experiments;

import java.util.HashMap;
import java.util.Map;
import org.ibvadvisor.retrieval.RetrievalSettings;
import org.ibvadvisor.retrieval.RetrievalSettings.Fusion;
import org.ibvadvisor.retrieval.query.QueryPreparer.DenseText;
import org.ibvadvisor.retrieval.query.QueryPreparer.Translate;

/**
 * Variants named by comma-separated settings over the defaults, e.g. {@code sig=bm25:1+dense:1,depth=40,k=60,
 * fusion=rrf,merge=2,instr=off,tr=never,dt=both}.
 */
final class Variants {
    private Variants() {
    }

    static RetrievalSettings of(String spec) {
        RetrievalSettings settings = RetrievalSettings.defaults();
        if (spec.equals("default")) return settings;
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", 2);
            String value = kv[1];
            settings = switch (kv[0]) {
                case "sig" -> {
                    Map<String, Double> weights = new HashMap<>();
                    for (String signal : value.split("\\+")) {
                        String[] sw = signal.split(":");
                        weights.put(sw[0], sw.length > 1 ? Double.parseDouble(sw[1]) : 1.0);
                    }
                    yield settings.withWeights(weights);
                }
                case "depth" -> settings.withDepth(Integer.parseInt(value));
                case "k" -> settings.withFusion(settings.fusion(), Double.parseDouble(value));
                case "fusion" -> settings.withFusion(Fusion.valueOf(value.toUpperCase()), settings.rrfK());
                case "merge" -> settings.withMaxChunksPerPassage(Integer.parseInt(value));
                case "instr" -> settings.withQueryInstruction(value.equals("on"));
                case "tr" -> settings.withTranslation(Translate.valueOf(value.toUpperCase()), settings.denseText());
                case "dict" -> settings.withDictionary(value.equals("on"));
                case "dt" -> settings.withTranslation(settings.translate(), DenseText.valueOf(value.toUpperCase()));
                default -> throw new IllegalArgumentException("unknown setting " + kv[0]);
            };
        }
        return settings;
    }
}
