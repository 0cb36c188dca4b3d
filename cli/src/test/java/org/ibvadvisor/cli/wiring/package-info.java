/** End-to-end tests: the real advisor over the bundled index, with a stand-in Ollama, spoken to over HTTP. */
package org.ibvadvisor.cli.wiring;
