/** Writes evaluation results: summary.json, a Markdown report and an SVG chart, and a console table. */
package org.ibvadvisor.eval.report;
