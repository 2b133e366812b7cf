package dev.aebench.runner.cli;

import dev.aebench.core.error.UserError;
import dev.aebench.core.kernel.KernelWarmup;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Entry point. Exit codes: 0 success, 1 a bug or failed trials, 2 a user error (one line on
 * stderr, no stack trace; {@code --debug} shows traces of bugs).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        KernelWarmup.startInBackground(); // JIT-compiles the kernels while the data is read
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        CommandLine cl = new CommandLine(new AebenchCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("aebench: " + oneLine(ex.getMessage()) + " (see: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Throwable t = ex;
            while (!(t instanceof UserError) && t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            if (t instanceof UserError) {
                err.println("aebench: " + oneLine(t.getMessage()));
                return 2;
            }
            if (debug) {
                ex.printStackTrace(err);
            } else {
                err.println("aebench: internal error: " + oneLine(String.valueOf(ex)) + " (rerun with --debug for the stack trace)");
            }
            return 1;
        });
        return cl.execute(args);
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').trim();
    }
}
