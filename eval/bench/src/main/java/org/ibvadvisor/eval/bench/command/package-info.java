/** The {@code ./advisor bench} subcommands (ingest, retrieve, chat, memory, scale, soak), plugged into the CLI as a {@code PluggedCommand}. */
package org.ibvadvisor.eval.bench.command;
