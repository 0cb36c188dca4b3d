/** Tuning experiments on the dev split (run by hand; their figures go to eval/reports/experiments.md). */
package org.ibvadvisor.eval.experiments;
