/** The {@code ./advisor eval} subcommands (retrieval, answers, rgb), plugged into the CLI as a {@code PluggedCommand}. */
package org.ibvadvisor.eval.command;
