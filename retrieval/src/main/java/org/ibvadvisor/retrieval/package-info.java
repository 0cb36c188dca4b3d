/** Turns a question into ranked passages of the reports, each with the exact span to cite. */
package org.ibvadvisor.retrieval;
