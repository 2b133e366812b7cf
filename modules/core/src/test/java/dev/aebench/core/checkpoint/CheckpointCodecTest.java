package dev.aebench.core.checkpoint;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checkpoint format: what is written is read back bit for bit; a cut or changed file is refused. */
class CheckpointCodecTest {
    static final CheckpointFingerprint FINGERPRINT = new CheckpointFingerprint(Map.of("model", "ae", "seed", "3",
            "commit", "abc"));

    static TrainingSnapshot snapshot() {
        float[] p = {1.5f, -0f, Float.MIN_VALUE, Float.intBitsToFloat(0x7fc00123), 3e38f};
        float[] m = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f};
        float[] v = {1e-9f, 2e-9f, 3e-9f, 4e-9f, 5e-9f};
        TrainingProgress progress = new TrainingProgress(3, 42, List.of(0.5, 0.25, 0.125), List.of(2.5, 1.0, 1.25),
                List.of(0, 2), 2);
        return new TrainingSnapshot(progress, 42, p, m, v, Map.of("power", new float[] {0.6f, 0.8f}));
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    @Test
    void roundTripKeepsEveryBit() throws DamagedCheckpointException {
        TrainingSnapshot s = snapshot();
        CheckpointCodec.Decoded d = CheckpointCodec.decode(bytes(CheckpointCodec.encode(FINGERPRINT, s)));
        assertEquals(FINGERPRINT, d.fingerprint());
        assertEquals(s.progress(), d.snapshot().progress());
        assertEquals(42, d.snapshot().optimizerSteps());
        assertArrayEquals(bits(s.params()), bits(d.snapshot().params()));
        assertArrayEquals(bits(s.firstMoment()), bits(d.snapshot().firstMoment()));
        assertArrayEquals(bits(s.secondMoment()), bits(d.snapshot().secondMoment()));
        assertArrayEquals(new float[] {0.6f, 0.8f}, d.snapshot().modelState().get("power"));
    }

    @Test
    void everyTruncationIsDetected() {
        byte[] whole = bytes(CheckpointCodec.encode(FINGERPRINT, snapshot()));
        for (int len = 0; len < whole.length; len++) {
            byte[] cut = Arrays.copyOf(whole, len);
            DamagedCheckpointException e = assertThrows(DamagedCheckpointException.class, () -> CheckpointCodec.decode(cut));
            assertTrue(e.getMessage().startsWith("truncated"), len + ": " + e.getMessage());
        }
    }

    @Test
    void everyFlippedByteIsDetected() {
        byte[] whole = bytes(CheckpointCodec.encode(FINGERPRINT, snapshot()));
        for (int i = 0; i < whole.length; i++) {
            byte[] bad = whole.clone();
            bad[i] ^= 0x10;
            assertThrows(DamagedCheckpointException.class, () -> CheckpointCodec.decode(bad), "byte " + i);
        }
    }

    @Test
    void otherFilesAndVersionsAreNamed() {
        byte[] whole = bytes(CheckpointCodec.encode(FINGERPRINT, snapshot()));
        byte[] text = "{\"not\": \"a checkpoint at all, but long enough\"}".getBytes();
        assertEquals("not a checkpoint (no AECKPT01 header)",
                assertThrows(DamagedCheckpointException.class, () -> CheckpointCodec.decode(text)).getMessage());
        byte[] newer = whole.clone();
        newer[8] = 2;
        assertEquals("format version 2, this build reads 1",
                assertThrows(DamagedCheckpointException.class, () -> CheckpointCodec.decode(newer)).getMessage());
    }

    @Test
    void fingerprintsNameTheirFirstDifference() {
        CheckpointFingerprint other = new CheckpointFingerprint(Map.of("model", "ae", "seed", "3", "commit", "def"));
        assertEquals("commit: expected abc, found def", FINGERPRINT.differenceFrom(other));
        assertEquals("seed: expected 3, found none",
                FINGERPRINT.differenceFrom(new CheckpointFingerprint(Map.of("model", "ae", "commit", "abc"))));
        assertEquals(null, FINGERPRINT.differenceFrom(new CheckpointFingerprint(FINGERPRINT.fields())));
    }

    private static int[] bits(float[] a) {
        int[] b = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = Float.floatToRawIntBits(a[i]);
        }
        return b;
    }
}
