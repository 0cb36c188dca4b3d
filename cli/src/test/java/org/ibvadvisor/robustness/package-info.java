/** Robustness of the real advisor over HTTP: bad input, rate limits and Ollama faults, with nothing leaked. */
package org.ibvadvisor.robustness;
