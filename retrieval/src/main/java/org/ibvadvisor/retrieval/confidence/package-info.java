/** Estimates from the signals' agreement and strength how likely the reports answer a query at all. */
package org.ibvadvisor.retrieval.confidence;
