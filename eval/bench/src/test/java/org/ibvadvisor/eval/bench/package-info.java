/** Tests of the benchmark tools: statistics, tables, the Markdown file, the plot, the stand-in Ollama and the cache. */
package org.ibvadvisor.eval.bench;
