package dev.aebench.spark;

import dev.aebench.runner.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code aebench} in this JVM and captures its exit code, stdout and stderr. */
record Cli(int exit, String out, String err) {
    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }

    /** The non-blank lines of stderr. */
    long errLines() {
        return err.lines().filter(l -> !l.isBlank()).count();
    }
}
