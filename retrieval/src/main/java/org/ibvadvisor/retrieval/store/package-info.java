/** The chunk store retrieval searches, as a contract, and its implementation over the Lucene index. */
package org.ibvadvisor.retrieval.store;
