package org.ibvadvisor.corpus.pdf;

/** A piece of a laid-out page that is read as a whole: a block of text or a table. */
sealed interface PageItem permits TextBlock, Table {
    Rect box();
}
