/** Stores chunks, their vectors and the reports in one Lucene index and searches it by words and by meaning. */
package org.ibvadvisor.index;
