/** Turns PDF-extracted text into headings and paragraphs, with a map from every cleaned character back to the source. */
package org.ibvadvisor.clean;
