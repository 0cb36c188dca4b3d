/** Pure retrieval and refusal metrics: hit@k, MRR@k, nDCG@k, their per-type means, and refusal precision/recall. */
package org.ibvadvisor.eval.metrics;
