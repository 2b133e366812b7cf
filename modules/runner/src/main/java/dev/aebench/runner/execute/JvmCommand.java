package dev.aebench.runner.execute;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM: this JVM's java binary and class path, the Vector API module,
 * this JVM's maximum heap, its garbage collector and transparent-huge-page choices, its {@code -D}
 * properties (commit, kernels choice, ...) and its Unsafe-access setting, then the main class and
 * its arguments.
 */
final class JvmCommand {
    private JvmCommand() {
    }

    static List<String> child(Class<?> mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            cmd.add("--add-modules");
            cmd.add("jdk.incubator.vector");
        }
        cmd.add("-Xmx" + Math.max(64, Runtime.getRuntime().maxMemory() >> 20) + "m");
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-D") || a.matches("-XX:[+-]Use\\w*GC") || a.equals("-XX:+UseTransparentHugePages") || a.startsWith("--sun-misc-unsafe-memory-access=")) {
                cmd.add(a);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(args);
        return cmd;
    }
}
