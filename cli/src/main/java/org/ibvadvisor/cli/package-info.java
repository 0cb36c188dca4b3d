/** The {@code ./advisor} command and its subcommands (serve, ingest, ask): each reads its options once and starts the wiring. */
package org.ibvadvisor.cli;
