package org.ibvadvisor.index;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** The analysers of the lexical fields; their id is stored in the index so that a change forces a rebuild. */
final class Analyzers {
    /** Changes whenever an analyser changes in a way that changes the indexed terms. */
    static final String ID = "smartcn+cjk-bigram/1";

    private static final Analyzer SMARTCN = new SmartChineseAnalyzer();
    private static final Analyzer BIGRAM = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new CJKWidthFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new CJKBigramFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    };

    private Analyzers() {
    }

    static Analyzer of(LexicalField field) {
        return switch (field) {
            case SMARTCN -> SMARTCN;
            case BIGRAM -> BIGRAM;
        };
    }

    /** For the index writer: each lexical field with its analyser, everything else untouched. */
    static Analyzer perField() {
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(
                LexicalField.SMARTCN.fieldName, SMARTCN,
                LexicalField.BIGRAM.fieldName, BIGRAM));
    }
}
