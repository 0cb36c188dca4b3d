/**
 * Generates answer text for a prompt with a local LLM (Ollama), streaming tokens, under deadlines, cancellable, with
 * bounded concurrency; every way it can end is a {@link org.ibvadvisor.answer.generate.GenerationOutcome}.
 */
package org.ibvadvisor.answer.generate;
