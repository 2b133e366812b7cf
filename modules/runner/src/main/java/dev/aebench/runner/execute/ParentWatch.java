package dev.aebench.runner.execute;

import java.io.IOException;
import java.io.InputStream;

/**
 * Makes a trial process die with its runner, however the runner dies (SIGKILL included): the
 * runner holds the write end of this process's stdin and never writes, so end-of-file on stdin
 * means the runner is gone; a second watcher polls the runner's pid. Either one halts this JVM
 * at once, so a killed runner's trials never hand back a result later.
 */
final class ParentWatch {
    static final int EXIT_ORPHANED = 3;
    private static final long POLL_MILLIS = 500;

    private ParentWatch() {
    }

    static void start(long parentPid) {
        Thread stdin = new Thread(() -> {
            InputStream in = System.in;
            try {
                while (in.read() >= 0) {
                    // the runner never writes; ignore anything that arrives
                }
            } catch (IOException e) {
                // a broken pipe means the same as end-of-file
            }
            Runtime.getRuntime().halt(EXIT_ORPHANED);
        }, "parent-watch-stdin");
        Thread pid = new Thread(() -> {
            while (true) {
                if (!alive(parentPid)) {
                    Runtime.getRuntime().halt(EXIT_ORPHANED);
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "parent-watch-pid");
        for (Thread t : new Thread[] {stdin, pid}) {
            t.setDaemon(true);
            t.start();
        }
    }

    static boolean alive(long parentPid) {
        return ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false);
    }
}
