/** A stand-in Ollama that speaks Ollama's real HTTP API on loopback, scriptable per test, for tests without a GPU. */
package org.ibvadvisor.testkit.ollama;
