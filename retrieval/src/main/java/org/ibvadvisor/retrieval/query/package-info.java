/** Prepares a query for the signals: English terms translated into the reports' Chinese by a curated glossary. */
package org.ibvadvisor.retrieval.query;
