/**
 * Several LLM backends as one {@link org.ibvadvisor.answer.generate.Generator}: each question goes to the least-busy
 * backend in service, a failing backend is taken out for a back-off period by its circuit breaker (resilience4j) and
 * brought back by a health check, and a question whose backend failed before any token reached the asker is tried
 * once more on another.
 */
package org.ibvadvisor.answer.generate.pool;
