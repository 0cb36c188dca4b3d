/** The retrieval regression gate on the test split, and the retrieval latency benchmark. */
package org.ibvadvisor.eval.run;
