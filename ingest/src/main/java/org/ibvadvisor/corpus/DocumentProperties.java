package org.ibvadvisor.corpus;

/**
 * What a report file says about itself (a PDF's document information and its text), used for its metadata when no
 * {@code <stem>.meta.json} sits beside it. Every field may be {@code null}.
 *
 * @param title    the document's title
 * @param author   its author (taken as the publisher: IBV reports name the institute)
 * @param year     the year it was created
 * @param language BCP-47 language guessed from its text, e.g. {@code zh}
 */
public record DocumentProperties(String title, String author, Integer year, String language) {
    public static final DocumentProperties NONE = new DocumentProperties(null, null, null, null);
}
