package org.ibvadvisor.clean;

/** What a source line is to the cleaner. Every role but {@link #TEXT} and {@link #BLANK} is page furniture, dropped. */
enum LineRole {
    /** Running text, a title, a list item or a table row. */
    TEXT,
    /** Empty or whitespace only. */
    BLANK,
    /** A lone page number ("7", "18 19") ending a page: followed by a blank line, the end, or an indented line. */
    PAGE_NUMBER,
    /** A table-of-contents entry: a title with a dot leader or tabs before its page number. */
    TOC_ENTRY,
    /** The "目录" / "Contents" title right before table-of-contents entries. */
    TOC_TITLE,
    /** A horizontal rule: "---", "***" or "___". */
    RULE,
    /** A short line repeated on many pages, next to page numbers. */
    RUNNING_HEAD;

    boolean isFurniture() {
        return this != TEXT && this != BLANK;
    }
}
