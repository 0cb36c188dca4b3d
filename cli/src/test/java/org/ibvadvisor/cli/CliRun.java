package org.ibvadvisor.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * One run of {@code ./advisor} in this JVM: {@link Main#commandLine()} executed with standard output and error
 * captured (both picocli's writers and {@code System.out}/{@code System.err}, which the commands print to).
 */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream systemOut = System.out;
        PrintStream systemErr = System.err;
        PrintStream capturedOut = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream capturedErr = new PrintStream(err, true, StandardCharsets.UTF_8);
        System.setOut(capturedOut);
        System.setErr(capturedErr);
        int code;
        try {
            var cli = Main.commandLine();
            cli.setOut(new PrintWriter(capturedOut, true));
            cli.setErr(new PrintWriter(capturedErr, true));
            code = cli.execute(args);
        } finally {
            capturedOut.flush();
            capturedErr.flush();
            System.setOut(systemOut);
            System.setErr(systemErr);
        }
        CliRun run = new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        systemOut.println("advisor " + String.join(" ", args) + " → " + code + "\n" + run.out() + run.err());
        return run;
    }
}
