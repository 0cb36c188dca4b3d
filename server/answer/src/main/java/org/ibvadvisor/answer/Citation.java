package org.ibvadvisor.answer;

/**
 * What one [n] in an answer points to: a passage, and the quoted span within the report source.
 *
 * @param n           the number used in the answer text
 * @param passageId   the passage (chunk) id
 * @param reportId    the report
 * @param reportTitle the report's title
 * @param section     the section path
 * @param quote       the quoted text, exactly {@code reportSource.substring(start, end)}
 * @param start       quote start in the report source
 * @param end         quote end (exclusive)
 */
public record Citation(int n, String passageId, String reportId, String reportTitle, String section,
                       String quote, int start, int end) {}
