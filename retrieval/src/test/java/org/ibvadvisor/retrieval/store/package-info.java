/** Tests of the chunk store over a real Lucene index. */
package org.ibvadvisor.retrieval.store;
