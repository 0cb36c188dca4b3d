/** The answer module's chat backend on any OpenAI-compatible server, through langchain4j's OpenAI module. */
package org.ibvadvisor.llm.openai;
