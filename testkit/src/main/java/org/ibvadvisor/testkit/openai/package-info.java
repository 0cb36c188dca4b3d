/** A stand-in OpenAI-compatible LLM server (vLLM's, llama.cpp's) speaking the real protocol on a real socket, for tests. */
package org.ibvadvisor.testkit.openai;
