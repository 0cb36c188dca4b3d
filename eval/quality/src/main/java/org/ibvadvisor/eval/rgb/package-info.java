/** The external RGB-zh benchmark: its passages pooled into one index, each query run against the whole pool. */
package org.ibvadvisor.eval.rgb;
