/** Checks that the chat page's starter questions are ones the advisor answers well. */
package org.ibvadvisor.eval.starters;
