package dev.aebench.core.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A persistent team of threads that splits a range of tasks into fixed contiguous chunks, one
 * per thread; the caller runs chunk 0. Workers spin briefly between calls (steps come every
 * millisecond or so) and then park, so an idle team costs nothing.
 */
public final class ThreadTeam implements AutoCloseable {

    /** Work over the task range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    private static final long SPIN_NANOS = 200_000L;

    private final int size;
    private final Worker[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile long generation;
    private volatile boolean closed;
    private RangeBody body;
    private int tasks;
    private volatile Throwable failure;
    private boolean inside;

    public ThreadTeam(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("team size must be >= 1, was " + size);
        }
        this.size = size;
        this.workers = new Worker[size - 1];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Worker(w + 1);
            workers[w].thread.start();
        }
    }

    public int size() {
        return size;
    }

    /** Start of chunk {@code part} of {@code parts} over {@code tasks} tasks. */
    public static int chunkStart(int tasks, int parts, int part) {
        return (int) ((long) tasks * part / parts);
    }

    /**
     * Runs {@code body} over {@code [0, tasks)} split into at most {@code size} chunks and
     * returns when all are done. Calls from inside a body run inline.
     */
    public void run(int tasks, RangeBody body) {
        int parts = Math.min(size, tasks);
        if (parts <= 1 || inside) {
            if (tasks > 0) {
                body.run(0, tasks);
            }
            return;
        }
        this.body = body;
        this.tasks = tasks;
        inside = true;
        pending.set(size - 1);
        generation = generation + 1; // publishes body and tasks
        for (Worker w : workers) {
            if (w.parked) {
                LockSupport.unpark(w.thread);
            }
        }
        Throwable t;
        try {
            body.run(0, chunkStart(tasks, size, 1));
        } finally {
            while (pending.get() != 0) {
                Thread.onSpinWait();
            }
            inside = false;
            this.body = null;
            // taken and cleared even when the caller's chunk threw, so it cannot resurface in a later run
            t = failure;
            failure = null;
        }
        if (t != null) {
            if (t instanceof RuntimeException re) {
                throw re;
            }
            if (t instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(t);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Worker w : workers) {
            LockSupport.unpark(w.thread);
        }
    }

    private final class Worker implements Runnable {
        final int index;
        final Thread thread;
        volatile boolean parked;

        Worker(int index) {
            this.index = index;
            this.thread = new Thread(this, "aebench-kernel-" + index);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            long seen = 0;
            while (true) {
                long spinStart = System.nanoTime();
                long g;
                while ((g = generation) == seen && !closed) {
                    if (System.nanoTime() - spinStart < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        parked = true;
                        if (generation == seen && !closed) {
                            LockSupport.park(this);
                        }
                        parked = false;
                    }
                }
                if (closed) {
                    return;
                }
                seen = g;
                try {
                    int n = tasks;
                    int from = chunkStart(n, size, index);
                    int to = chunkStart(n, size, index + 1);
                    if (from < to) {
                        body.run(from, to);
                    }
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    pending.decrementAndGet();
                }
            }
        }
    }
}
