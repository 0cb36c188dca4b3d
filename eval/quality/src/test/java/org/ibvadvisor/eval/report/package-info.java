/** Tests of the report writers. */
package org.ibvadvisor.eval.report;
