package dev.aebench.perf;

import java.nio.file.Path;
import java.util.List;

/**
 * One side of {@code perf compare}: how to start a fresh JVM with that side's build.
 *
 * @param name      {@code base} or {@code head}, for messages
 * @param commit    the side's commit (the working tree's may end in {@code -dirty})
 * @param tree      the side's source tree, the JVM's working directory
 * @param classpath the launcher's class path of the side's build
 * @param jvmArgs   JVM options (the injected faults only on the head side)
 */
public record CompareSide(String name, String commit, Path tree, List<String> classpath, List<String> jvmArgs) {
    public CompareSide {
        classpath = List.copyOf(classpath);
        jvmArgs = List.copyOf(jvmArgs);
    }
}
