/** Fuses the rankings of several signals into one: reciprocal-rank fusion or a convex combination of scores. */
package org.ibvadvisor.retrieval.fuse;
