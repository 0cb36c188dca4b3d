/**
 * Reads PDF reports with Apache PDFBox: glyph positions ({@link org.ibvadvisor.corpus.pdf.GlyphStripper}) become
 * lines and runs ({@link org.ibvadvisor.corpus.pdf.RunBuilder}); page furniture is found across the document
 * ({@link org.ibvadvisor.corpus.pdf.Furniture}); each page is laid out into tables, text blocks, asides and footnotes
 * in reading order ({@link org.ibvadvisor.corpus.pdf.PageLayout}); the pages are written as one source text for the
 * cleaner with the page of every char ({@link org.ibvadvisor.corpus.pdf.SourceTextBuilder}). Entry point:
 * {@link org.ibvadvisor.corpus.pdf.PdfReportReader}.
 */
package org.ibvadvisor.corpus.pdf;
