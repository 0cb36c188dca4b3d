package org.ibvadvisor.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ibvadvisor.clean.CleanDocument;

/**
 * Cuts a cleaned report along its structure: sections, then paragraphs, then sentences.
 *
 * <p>Every chunk stays within {@link ChunkerOptions#maxChars()} of cleaned text, is cut at a paragraph or sentence
 * end (never inside a number or a quotation, unless one sentence alone is longer than the maximum), and covers
 * one section, except that a tiny chunk may take in the start of the next section. Headings are part of the text of
 * the first chunk of their section.
 *
 * <p>Chunk spans cover every source char that is not whitespace, except the page furniture the cleaner drops: lone
 * page numbers, table-of-contents entries and their "目录" title, horizontal rules and running heads. Furniture
 * inside a chunk (a page number between two of its paragraphs) stays in its {@code text} but not in its
 * {@code cleanText}; a table of contents never ends up inside a chunk.
 */
public final class StructureChunker implements Chunker {
    private final UnitBuilder units;
    private final ChunkPacker packer;

    public StructureChunker(ChunkerOptions options) {
        Objects.requireNonNull(options, "options");
        this.units = new UnitBuilder(options);
        this.packer = new ChunkPacker(options);
    }

    public StructureChunker() {
        this(ChunkerOptions.defaults());
    }

    @Override
    public List<Chunk> chunk(String reportId, CleanDocument document) {
        Objects.requireNonNull(reportId, "reportId");
        List<Section> sections = Section.of(document.blocks());
        List<List<Unit>> packed = packer.pack(units.units(sections, document.source()), document.source());
        List<Chunk> chunks = new ArrayList<>(packed.size());
        for (List<Unit> chunkUnits : packed) {
            chunks.add(ChunkAssembler.assemble(reportId, chunks.size(), document.source(), chunkUnits));
        }
        return List.copyOf(chunks);
    }
}
