/** The answer module's {@link org.ibvadvisor.answer.generate.ChatBackend} over Ollama's HTTP API, with its settings, probe and health. */
package org.ibvadvisor.llm.ollama;
