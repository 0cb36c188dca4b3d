/**
 * Generates answer text for a prompt with an LLM over any streaming chat protocol, under deadlines, cancellable,
 * with bounded concurrency; every way it can end is a {@link org.ibvadvisor.answer.generate.GenerationOutcome}.
 */
package org.ibvadvisor.answer.generate;
