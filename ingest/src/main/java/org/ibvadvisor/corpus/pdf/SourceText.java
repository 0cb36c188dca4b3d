package org.ibvadvisor.corpus.pdf;

import org.ibvadvisor.corpus.PageMap;

/**
 * A PDF's source text and the page of each of its chars.
 *
 * @param text    the text spans index into
 * @param pageMap the page of every char
 */
record SourceText(String text, PageMap pageMap) {
}
