/** Tests of the answer suite: citation checks, figures, report files, and the regression gate over the bundled index. */
package org.ibvadvisor.eval.answers;
