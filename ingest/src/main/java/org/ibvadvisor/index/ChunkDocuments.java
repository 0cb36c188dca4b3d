package org.ibvadvisor.index;

import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.corpus.MetadataJson;
import org.ibvadvisor.corpus.PageMap;
import org.ibvadvisor.corpus.PageMapJson;
import org.ibvadvisor.corpus.Report;
import org.ibvadvisor.corpus.ReportMetadata;

/**
 * The document layout (schema version {@value IndexSettings#SCHEMA_VERSION}): one document per chunk, one per sentence
 * of a chunk (its vector) and one per report, told apart by {@link #KIND}; all of a report's documents carry its id
 * in {@link #REPORT_ID}.
 */
final class ChunkDocuments {
    static final String KIND = "kind";
    static final String KIND_CHUNK = "chunk";
    static final String KIND_REPORT = "report";
    static final String KIND_SENTENCE = "sentence";
    static final String REPORT_ID = "reportId";
    static final String VECTOR = "vector";
    static final String SENTENCE_VECTOR = "sentenceVector";
    /** Chunk id of a sentence document (stored only, so that id searches never find sentences). */
    static final String SENTENCE_OF = "sentenceOf";
    /** Unit vectors, so dot product equals cosine and is cheaper. */
    static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

    static final String ID = "id";
    private static final String SECTION = "section";
    static final String ORDINAL = "ordinal";
    private static final String TEXT = "text";
    private static final String CLEAN_TEXT = "cleanText";
    private static final String START = "start";
    private static final String END = "end";
    private static final String METADATA = "metadata";
    private static final String HASH = "contentHash";
    private static final String SOURCE_NAME = "sourceName";
    private static final String SOURCE_TEXT = "sourceText";
    /** The report's {@link PageMap} as {@link PageMapJson}; only on reports read from PDFs (none on older indexes). */
    private static final String PAGE_MAP = "pageMap";

    private ChunkDocuments() {
    }

    static Document chunk(Chunk chunk, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(KIND, KIND_CHUNK, Field.Store.NO));
        doc.add(new StringField(ID, chunk.id(), Field.Store.YES));
        doc.add(new StringField(REPORT_ID, chunk.reportId(), Field.Store.YES));
        for (String heading : chunk.section()) doc.add(new StoredField(SECTION, heading));
        doc.add(new IntField(ORDINAL, chunk.ordinal(), Field.Store.YES));
        doc.add(new StoredField(TEXT, chunk.text()));
        doc.add(new StoredField(CLEAN_TEXT, chunk.cleanText()));
        doc.add(new StoredField(START, chunk.start()));
        doc.add(new StoredField(END, chunk.end()));
        String contextual = ContextualText.of(chunk);
        for (LexicalField field : LexicalField.values()) doc.add(new TextField(field.fieldName, contextual, Field.Store.NO));
        doc.add(new KnnFloatVectorField(VECTOR, vector, SIMILARITY));
        return doc;
    }

    /** A sentence of a chunk ({@link ChunkSentences}) with its vector; it goes and comes with its report. */
    static Document sentence(Chunk chunk, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(KIND, KIND_SENTENCE, Field.Store.NO));
        doc.add(new StringField(REPORT_ID, chunk.reportId(), Field.Store.NO));
        doc.add(new StoredField(SENTENCE_OF, chunk.id()));
        doc.add(new KnnFloatVectorField(SENTENCE_VECTOR, vector, SIMILARITY));
        return doc;
    }

    static Document report(Report report) {
        Document doc = new Document();
        doc.add(new StringField(KIND, KIND_REPORT, Field.Store.NO));
        doc.add(new StringField(REPORT_ID, report.id(), Field.Store.YES));
        doc.add(new StoredField(METADATA, MetadataJson.write(report.metadata())));
        doc.add(new StoredField(HASH, report.contentHash()));
        doc.add(new StoredField(SOURCE_NAME, report.source() == null ? "" : report.source().getFileName().toString()));
        doc.add(new StoredField(SOURCE_TEXT, report.text()));
        if (report.pageMap() != null) doc.add(new StoredField(PAGE_MAP, PageMapJson.write(report.pageMap())));
        return doc;
    }

    static Chunk toChunk(Document doc) {
        return new Chunk(doc.get(ID), doc.get(REPORT_ID), List.of(doc.getValues(SECTION)),
                doc.getField(ORDINAL).numericValue().intValue(), doc.get(TEXT), doc.get(CLEAN_TEXT),
                doc.getField(START).numericValue().intValue(), doc.getField(END).numericValue().intValue());
    }

    static ReportMetadata toMetadata(Document doc) {
        return MetadataJson.read(doc.get(METADATA));
    }

    static String sourceName(Document doc) {
        return doc.get(SOURCE_NAME);
    }

    static String sourceText(Document doc) {
        return doc.get(SOURCE_TEXT);
    }

    /** The report's page map, or {@code null} for a report without pages. */
    static PageMap pageMap(Document doc) {
        String json = doc.get(PAGE_MAP);
        return json == null ? null : PageMapJson.read(json);
    }
}
