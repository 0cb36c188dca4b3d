package org.ibvadvisor.clean;

import java.util.List;
import java.util.Objects;

/**
 * Cleans text extracted from a PDF (or converted to Markdown): drops page furniture, groups lines into paragraphs,
 * joins wrapped lines, strips markup and footnote marks, and recognises headings.
 *
 * <p>Dropped as furniture, never part of any block: lone page numbers, table-of-contents entries and their "目录"
 * title, horizontal rules and running heads (see {@link LineRole}). Everything else that is not whitespace ends up
 * in a block, apart from markup and footnote marks inside a block's lines.
 */
public final class PdfTextCleaner implements Cleaner {
    private final FurnitureDetector furniture;
    private final ParagraphGrouper grouper;
    private final BlockAssembler assembler;

    public PdfTextCleaner(CleanerOptions options) {
        Objects.requireNonNull(options, "options");
        this.grouper = new ParagraphGrouper(new HeadingDetector(options));
        this.furniture = new FurnitureDetector(options);
        this.assembler = new BlockAssembler(options);
    }

    public PdfTextCleaner() {
        this(CleanerOptions.defaults());
    }

    @Override
    public CleanDocument clean(String source) {
        Objects.requireNonNull(source, "source");
        List<SourceLine> lines = SourceLine.split(source);
        LineRole[] roles = furniture.roles(lines);
        List<RawParagraph> paragraphs = grouper.group(lines, roles);
        List<MappedText> texts = paragraphs.stream().map(LineJoiner::join).map(InlineCleaner::clean).toList();
        return new CleanDocument(source, assembler.assemble(paragraphs, texts));
    }
}
