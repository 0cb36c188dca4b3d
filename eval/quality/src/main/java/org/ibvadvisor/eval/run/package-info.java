/** Runs retrievers over judged queries and collects rankings, confidences and timings. */
package org.ibvadvisor.eval.run;
