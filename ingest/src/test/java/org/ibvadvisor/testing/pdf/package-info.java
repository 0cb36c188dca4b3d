/**
 * Test PDFs made from report texts with the furniture real reports have, and the truth about where each piece was
 * printed ({@link org.ibvadvisor.testing.pdf.ReportPdfMaker}, {@link org.ibvadvisor.testing.pdf.PrintedTruth}).
 */
package org.ibvadvisor.testing.pdf;
