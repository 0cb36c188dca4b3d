/** Tests of the {@code ./advisor} subcommands, run in-process through picocli. */
package org.ibvadvisor.cli;
