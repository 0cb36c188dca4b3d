/** Cuts a cleaned report into passages along its structure, each with its exact source span. */
package org.ibvadvisor.chunk;
