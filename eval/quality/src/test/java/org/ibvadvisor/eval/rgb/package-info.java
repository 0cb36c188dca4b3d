/** Tests of reading and pooling the RGB data. */
package org.ibvadvisor.eval.rgb;
