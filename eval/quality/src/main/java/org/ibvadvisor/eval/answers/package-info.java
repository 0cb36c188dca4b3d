/** The answer suite: the question set through the real answer pipeline, judged on evidence, refusals and citations. */
package org.ibvadvisor.eval.answers;
