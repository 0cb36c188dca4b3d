/** Turns fused chunks into cited passages: duplicates dropped, adjacent chunks of a report merged into one span. */
package org.ibvadvisor.retrieval.passage;
