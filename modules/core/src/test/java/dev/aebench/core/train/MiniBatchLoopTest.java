package dev.aebench.core.train;

import dev.aebench.core.data.Dataset;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MiniBatchLoopTest {

    private static final int DIM = 3;

    /** Row r holds r, r + 0.25, r + 0.5, so a batch row tells which dataset row it is. */
    private static Dataset rows(int n) {
        float[] x = new float[n * DIM];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < DIM; j++) {
                x[r * DIM + j] = r + 0.25f * j;
            }
        }
        return new Dataset("rows", x, new int[n], n, 1, DIM, "rows:" + n);
    }

    /** What a run saw: per epoch, the row ids in visiting order and the batch sizes. */
    private record Seen(List<List<Integer>> order, List<List<Integer>> batches, List<Long> seeds, FitReport report) {
    }

    private static Seen run(int n, int epochs, int batch, long seed) {
        List<List<Integer>> order = new ArrayList<>();
        List<List<Integer>> batches = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        List<Integer> epochsTold = new ArrayList<>();
        int[] stepsInEpoch = {0};
        int[] totalRows = {0};
        FitReport report = MiniBatchLoop.run(rows(n), epochs, batch, seed, (x, count, stepSeed) -> {
            if (totalRows[0] % n == 0) {
                order.add(new ArrayList<>());
                batches.add(new ArrayList<>());
            }
            totalRows[0] += count;
            batches.get(batches.size() - 1).add(count);
            seeds.add(stepSeed);
            for (int r = 0; r < count; r++) {
                int id = (int) x[r * DIM];
                for (int j = 0; j < DIM; j++) {
                    assertEquals(id + 0.25f * j, x[r * DIM + j], "a batch row is a whole dataset row");
                }
                order.get(order.size() - 1).add(id);
            }
            stepsInEpoch[0]++;
            return 1.0 + count; // mean loss of the batch
        }, (epoch, of, loss, secs) -> {
            epochsTold.add(epoch);
            assertEquals(epochs, of);
            assertTrue(secs >= 0);
        });
        List<Integer> expectedEpochs = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            expectedEpochs.add(e);
        }
        assertEquals(expectedEpochs, epochsTold, "the listener hears every epoch in order");
        return new Seen(order, batches, seeds, report);
    }

    @Test
    void everyRowOnceAndTheLastPartialBatchKept() {
        Seen s = run(10, 3, 4, 42);
        assertEquals(3, s.order().size());
        for (int e = 0; e < 3; e++) {
            assertEquals(List.of(4, 4, 2), s.batches().get(e), "10 rows in batches of 4");
            Set<Integer> seen = new HashSet<>(s.order().get(e));
            assertEquals(10, s.order().get(e).size());
            assertEquals(10, seen.size(), "no row twice in epoch " + e);
            for (int r = 0; r < 10; r++) {
                assertTrue(seen.contains(r), "row " + r + " visited in epoch " + e);
            }
        }
        FitReport r = s.report();
        assertEquals(9, r.steps());
        assertEquals(3, r.epochLoss().size());
        assertEquals(3, r.epochSeconds().size());
        // mean over rows of the batch losses: (4 * 5 + 4 * 5 + 2 * 3) / 10
        assertEquals(4.6, r.epochLoss().get(0), 1e-12);
        assertEquals(4.6, r.finalLoss(), 1e-12);
        assertEquals(9, new HashSet<>(s.seeds()).size(), "every step gets its own seed");
    }

    @Test
    void batchesCoverOddSizes() {
        for (int[] c : new int[][] {{1, 1}, {1, 5}, {7, 7}, {7, 8}, {13, 5}, {100, 32}}) {
            Seen s = run(c[0], 2, c[1], 1);
            for (List<Integer> sizes : s.batches()) {
                int sum = sizes.stream().mapToInt(Integer::intValue).sum();
                assertEquals(c[0], sum);
                for (int i = 0; i < sizes.size() - 1; i++) {
                    assertEquals(c[1], sizes.get(i), "only the last batch may be short");
                }
                assertTrue(sizes.get(sizes.size() - 1) >= 1 && sizes.get(sizes.size() - 1) <= c[1]);
            }
            for (List<Integer> o : s.order()) {
                assertEquals(c[0], new HashSet<>(o).size());
            }
        }
    }

    @Test
    void shuffleDiffersBetweenEpochsAndIsReproducible() {
        Seen a = run(50, 3, 8, 7);
        Seen b = run(50, 3, 8, 7);
        Seen c = run(50, 3, 8, 8);
        assertNotEquals(a.order().get(0), a.order().get(1), "epochs are reshuffled");
        assertNotEquals(a.order().get(1), a.order().get(2));
        List<Integer> identity = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            identity.add(i);
        }
        assertNotEquals(identity, a.order().get(0), "the first epoch is shuffled too");
        assertEquals(a.order(), b.order(), "the same seed gives the same order");
        assertEquals(a.seeds(), b.seeds(), "and the same step seeds");
        assertNotEquals(a.order(), c.order(), "another seed gives another order");
        assertNotEquals(a.seeds(), c.seeds());
    }

    @Test
    void nonFiniteLossIsDivergence() {
        int[] calls = {0};
        DivergedException e = assertThrows(DivergedException.class, () -> MiniBatchLoop.run(rows(10), 5, 4, 1,
                (x, n, s) -> ++calls[0] == 5 ? Double.NaN : 0.5, EpochListener.NONE));
        assertEquals(5, calls[0], "stops at the first bad step");
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertTrue(e.getMessage().contains("epoch 2"), e.getMessage());
        assertTrue(e.getMessage().contains("step 5"), e.getMessage());
        assertThrows(DivergedException.class, () -> MiniBatchLoop.run(rows(10), 1, 4, 1,
                (x, n, s) -> Double.POSITIVE_INFINITY, EpochListener.NONE));
    }

    @Test
    void labelledBatchesCarryTheirRowsLabelsInTheSameOrder() {
        int n = 23;
        float[] x = rows(n).x();
        int[] labels = new int[n];
        for (int r = 0; r < n; r++) {
            labels[r] = 1000 + r;
        }
        Dataset d = new Dataset("labelled", x, labels, n, 1, DIM, "labelled");
        List<Integer> plain = new ArrayList<>();
        List<Long> plainSeeds = new ArrayList<>();
        MiniBatchLoop.run(d, 2, 5, 9, (b, rows, seed) -> {
            for (int r = 0; r < rows; r++) {
                plain.add((int) b[r * DIM]);
            }
            plainSeeds.add(seed);
            return 0;
        }, EpochListener.NONE);
        List<Integer> seen = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        MiniBatchLoop.runLabelled(d, 2, 5, 9, (b, y, rows, seed) -> {
            for (int r = 0; r < rows; r++) {
                assertEquals(1000 + (int) b[r * DIM], y[r], "label of the row in batch position " + r);
                seen.add((int) b[r * DIM]);
            }
            seeds.add(seed);
            return 0;
        }, EpochListener.NONE);
        assertEquals(plain, seen, "the same batch order as unlabelled batches");
        assertEquals(plainSeeds, seeds);
        assertEquals(2 * n, seen.size());
    }

    @Test
    void rejectsNoEpochs() {
        assertThrows(IllegalArgumentException.class, () -> MiniBatchLoop.run(rows(3), 0, 1, 1, (x, n, s) -> 0,
                EpochListener.NONE));
    }

    @Test
    void secondsPerEpochIsTheMedianOfEpochsTwoToN() {
        assertEquals(2.0, report(100, 1, 3, 2).secondsPerEpoch(), 0.0, "odd count: the middle one");
        assertEquals(2.5, report(100, 1, 2, 3, 4).secondsPerEpoch(), 0.0, "even count: the mean of the middle two");
        assertEquals(5.0, report(0.1, 5).secondsPerEpoch(), 0.0, "with two epochs, the second");
        assertEquals(7.0, report(7).secondsPerEpoch(), 0.0, "a single epoch is its own speed");
        assertTrue(Double.isNaN(report().secondsPerEpoch()));
        FitReport r = report(100, 1, 3, 2);
        assertEquals(100.0, r.firstEpochSeconds(), 0.0);
        assertEquals(106.0, r.totalSeconds(), 1e-12);
        assertEquals(List.of(100.0, 1.0, 3.0, 2.0), r.epochSeconds(), "the list is not reordered");
    }

    private static FitReport report(double... seconds) {
        List<Double> secs = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        for (double s : seconds) {
            secs.add(s);
            losses.add(1.0);
        }
        return new FitReport(losses, secs, seconds.length);
    }
}
