/** One ranking signal each: BM25 over a lexical field, or nearest neighbours of the query vector. */
package org.ibvadvisor.retrieval.signal;
