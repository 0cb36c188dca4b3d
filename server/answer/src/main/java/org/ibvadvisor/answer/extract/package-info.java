/** Answers without an LLM: the sentences of the passages that best answer the question, diversified, each quoted with its exact span. */
package org.ibvadvisor.answer.extract;
