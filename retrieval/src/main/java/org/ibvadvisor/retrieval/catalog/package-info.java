/** The indexed reports and chunks held in memory, so that a query never re-reads report text from the index. */
package org.ibvadvisor.retrieval.catalog;
