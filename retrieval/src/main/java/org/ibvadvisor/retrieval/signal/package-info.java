/** One ranking signal each: BM25 over a lexical field, query terms within sentences, or nearest neighbours of the query vector among chunks or their sentences. */
package org.ibvadvisor.retrieval.signal;
