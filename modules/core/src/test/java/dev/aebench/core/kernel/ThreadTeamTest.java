package dev.aebench.core.kernel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadTeamTest {

    @Test
    void runCoversEveryIndexExactlyOnce() {
        int[] taskCounts = {0, 1, 2, 3, 4, 5, 7, 13, 100, 1001};
        for (int size = 1; size <= 4; size++) {
            try (ThreadTeam team = new ThreadTeam(size)) {
                assertEquals(size, team.size());
                for (int tasks : taskCounts) {
                    // several rounds per team: the workers must pick up every generation
                    for (int round = 0; round < 3; round++) {
                        AtomicIntegerArray hits = new AtomicIntegerArray(Math.max(tasks, 1));
                        AtomicInteger calls = new AtomicInteger();
                        team.run(tasks, (from, to) -> {
                            if (from < to) {
                                calls.incrementAndGet();
                            }
                            for (int i = from; i < to; i++) {
                                hits.incrementAndGet(i);
                            }
                        });
                        for (int i = 0; i < tasks; i++) {
                            assertEquals(1, hits.get(i), "size " + size + ", tasks " + tasks + ", index " + i);
                        }
                        assertTrue(calls.get() <= Math.max(1, Math.min(size, tasks)),
                                "at most one non-empty chunk per thread, got " + calls.get());
                        if (tasks == 0) {
                            assertEquals(0, calls.get(), "no tasks, no call");
                        }
                    }
                }
            }
        }
    }

    @Test
    void chunksAreContiguousAndFixed() {
        for (int parts = 1; parts <= 5; parts++) {
            for (int tasks = 0; tasks < 40; tasks++) {
                assertEquals(0, ThreadTeam.chunkStart(tasks, parts, 0));
                assertEquals(tasks, ThreadTeam.chunkStart(tasks, parts, parts));
                for (int p = 0; p < parts; p++) {
                    assertTrue(ThreadTeam.chunkStart(tasks, parts, p) <= ThreadTeam.chunkStart(tasks, parts, p + 1));
                }
            }
        }
    }

    @Test
    void workOnWorkerThreadsWithTwoThreads() {
        try (ThreadTeam team = new ThreadTeam(2)) {
            List<String> names = Collections.synchronizedList(new ArrayList<>());
            team.run(10, (from, to) -> names.add(Thread.currentThread().getName()));
            assertEquals(2, names.size());
            assertTrue(names.contains(Thread.currentThread().getName()), "the caller runs chunk 0");
        }
    }

    @Test
    void exceptionInWorkerChunkPropagates() {
        try (ThreadTeam team = new ThreadTeam(2)) {
            IllegalStateException boom = new IllegalStateException("worker boom");
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> team.run(10, (from, to) -> {
                if (from > 0) {
                    throw boom;
                }
            }));
            assertSame(boom, thrown);
            // the team stays usable and does not rethrow the old failure
            AtomicInteger sum = new AtomicInteger();
            team.run(10, (from, to) -> sum.addAndGet(to - from));
            assertEquals(10, sum.get());
        }
    }

    @Test
    void errorInWorkerChunkPropagates() {
        try (ThreadTeam team = new ThreadTeam(3)) {
            AssertionError thrown = assertThrows(AssertionError.class, () -> team.run(9, (from, to) -> {
                if (from >= 6) {
                    throw new AssertionError("last chunk");
                }
            }));
            assertEquals("last chunk", thrown.getMessage());
        }
    }

    @Test
    void exceptionInCallerChunkPropagates() {
        try (ThreadTeam team = new ThreadTeam(2)) {
            AtomicInteger workerDone = new AtomicInteger();
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> team.run(10, (from, to) -> {
                if (from == 0) {
                    throw new IllegalArgumentException("caller boom");
                }
                workerDone.addAndGet(to - from);
            }));
            assertEquals("caller boom", thrown.getMessage());
            assertEquals(5, workerDone.get(), "the worker's chunk still completes before run returns");
        }
    }

    @Test
    void failureInEveryChunkLeavesNoStaleFailure() {
        try (ThreadTeam team = new ThreadTeam(2)) {
            assertThrows(RuntimeException.class, () -> team.run(4, (from, to) -> {
                throw new RuntimeException("chunk " + from);
            }));
            // a later successful run must not throw the worker's leftover exception
            AtomicInteger sum = new AtomicInteger();
            team.run(4, (from, to) -> sum.addAndGet(to - from));
            assertEquals(4, sum.get());
            team.run(4, (from, to) -> sum.addAndGet(to - from));
            assertEquals(8, sum.get());
        }
    }

    @Test
    void nestedRunExecutesInline() {
        try (ThreadTeam team = new ThreadTeam(2)) {
            int outer = 6;
            int inner = 9;
            AtomicIntegerArray hits = new AtomicIntegerArray(outer * inner);
            AtomicInteger inlineViolations = new AtomicInteger();
            team.run(outer, (from, to) -> {
                Thread me = Thread.currentThread();
                for (int o = from; o < to; o++) {
                    int oo = o;
                    AtomicInteger innerCalls = new AtomicInteger();
                    team.run(inner, (f2, t2) -> {
                        innerCalls.incrementAndGet();
                        if (Thread.currentThread() != me || f2 != 0 || t2 != inner) {
                            inlineViolations.incrementAndGet();
                        }
                        for (int i = f2; i < t2; i++) {
                            hits.incrementAndGet(oo * inner + i);
                        }
                    });
                    if (innerCalls.get() != 1) {
                        inlineViolations.incrementAndGet();
                    }
                }
            });
            assertEquals(0, inlineViolations.get(), "nested runs must be one inline call on the same thread");
            for (int i = 0; i < outer * inner; i++) {
                assertEquals(1, hits.get(i), "index " + i);
            }
        }
    }

    @Test
    void rejectsEmptyTeam() {
        assertThrows(IllegalArgumentException.class, () -> new ThreadTeam(0));
    }
}
