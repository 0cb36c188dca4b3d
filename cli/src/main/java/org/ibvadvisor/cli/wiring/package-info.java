/** Wires the advisor together (index, retriever, answerer, conversations, HTTP) from one configuration record. */
package org.ibvadvisor.cli.wiring;
