/** Benchmarks of the advisor's speed and memory (ingest, retrieve, chat, memory, scale, soak), written to BENCHMARKS.md. */
package org.ibvadvisor.eval.bench;
