/** The {@code ./advisor} command: reads configuration once and wires the pipeline's modules into subcommands. */
package org.ibvadvisor.cli;
