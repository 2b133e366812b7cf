package dev.aebench.core.checkpoint;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The checkpoint file format, version {@value #VERSION}, little-endian:
 * <pre>
 *   magic "AECKPT01" (8 bytes) | version (int) | payload length L (long) | payload (L bytes) | CRC32C of all before (int)
 * </pre>
 * The payload: the fingerprint (count, then name and value strings), epochs done, steps,
 * attempts, Adam's step, the epoch losses and seconds (doubles), the cold epochs (count, ints),
 * the parameter count and the parameters, first and second moments (floats), then the model's
 * named state arrays (count, then name, length, floats). Strings are a length and UTF-8 bytes.
 * Decoding checks the magic, the version, that the file is exactly as long as its header says
 * (a truncated write is caught here) and the checksum (a torn or corrupted one) before reading
 * anything else, and floats are stored bit for bit, so what is read is what was written.
 */
public final class CheckpointCodec {
    public static final int VERSION = 1;
    private static final byte[] MAGIC = "AECKPT01".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + Integer.BYTES + Long.BYTES;

    private CheckpointCodec() {
    }

    /** A checkpoint as read: its fingerprint and its snapshot. */
    public record Decoded(CheckpointFingerprint fingerprint, TrainingSnapshot snapshot) {
    }

    public static ByteBuffer encode(CheckpointFingerprint fingerprint, TrainingSnapshot s) {
        TrainingProgress p = s.progress();
        List<byte[]> strings = new ArrayList<>();
        long size = Integer.BYTES;
        for (Map.Entry<String, String> e : fingerprint.fields().entrySet()) {
            size += string(strings, e.getKey()) + string(strings, e.getValue());
        }
        size += 2 * Integer.BYTES + Long.BYTES + Integer.BYTES;
        size += 2L * Double.BYTES * p.epochsDone();
        size += Integer.BYTES + (long) Integer.BYTES * p.coldEpochs().size();
        size += Integer.BYTES + 3L * Float.BYTES * s.params().length;
        size += Integer.BYTES;
        for (Map.Entry<String, float[]> e : s.modelState().entrySet()) {
            size += string(strings, e.getKey()) + Integer.BYTES + (long) Float.BYTES * e.getValue().length;
        }
        long total = HEADER + size + Integer.BYTES;
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("checkpoint of " + total + " bytes is larger than 2 GiB");
        }
        ByteBuffer b = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putInt(VERSION).putLong(size);
        int k = 0;
        b.putInt(fingerprint.fields().size());
        for (int i = 0; i < fingerprint.fields().size(); i++) {
            putString(b, strings.get(k++));
            putString(b, strings.get(k++));
        }
        b.putInt(p.epochsDone()).putLong(p.steps()).putInt(p.attempts()).putInt(s.optimizerSteps());
        p.epochLoss().forEach(b::putDouble);
        p.epochSeconds().forEach(b::putDouble);
        b.putInt(p.coldEpochs().size());
        p.coldEpochs().forEach(b::putInt);
        b.putInt(s.params().length);
        putFloats(b, s.params());
        putFloats(b, s.firstMoment());
        putFloats(b, s.secondMoment());
        b.putInt(s.modelState().size());
        for (Map.Entry<String, float[]> e : s.modelState().entrySet()) {
            putString(b, strings.get(k++));
            b.putInt(e.getValue().length);
            putFloats(b, e.getValue());
        }
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        return b.flip();
    }

    public static Decoded decode(byte[] bytes) throws DamagedCheckpointException {
        if (bytes.length < HEADER + Integer.BYTES) {
            throw new DamagedCheckpointException("truncated (" + bytes.length + " bytes, shorter than a header)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[MAGIC.length];
        b.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new DamagedCheckpointException("not a checkpoint (no AECKPT01 header)");
        }
        int version = b.getInt();
        if (version != VERSION) {
            throw new DamagedCheckpointException("format version " + version + ", this build reads " + VERSION);
        }
        long size = b.getLong();
        long expected = HEADER + size + Integer.BYTES;
        if (size < 0 || expected != bytes.length) {
            throw new DamagedCheckpointException((bytes.length < expected ? "truncated" : "malformed") + " ("
                    + bytes.length + " of " + expected + " bytes)");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - Integer.BYTES);
        if ((int) crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - Integer.BYTES, Integer.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN).getInt()) {
            throw new DamagedCheckpointException("checksum mismatch (torn or corrupted write)");
        }
        try {
            Map<String, String> fields = new LinkedHashMap<>();
            int n = count(b);
            for (int i = 0; i < n; i++) {
                fields.put(getString(b), getString(b));
            }
            int epochs = count(b);
            long steps = b.getLong();
            int attempts = b.getInt();
            int adamSteps = b.getInt();
            List<Double> loss = new ArrayList<>();
            for (int i = 0; i < epochs; i++) {
                loss.add(b.getDouble());
            }
            List<Double> seconds = new ArrayList<>();
            for (int i = 0; i < epochs; i++) {
                seconds.add(b.getDouble());
            }
            int cold = count(b);
            List<Integer> colds = new ArrayList<>();
            for (int i = 0; i < cold; i++) {
                colds.add(b.getInt());
            }
            int params = count(b);
            float[] p = getFloats(b, params);
            float[] m = getFloats(b, params);
            float[] v = getFloats(b, params);
            int states = count(b);
            Map<String, float[]> state = new LinkedHashMap<>();
            for (int i = 0; i < states; i++) {
                String name = getString(b);
                state.put(name, getFloats(b, count(b)));
            }
            if (b.remaining() != Integer.BYTES) {
                throw new DamagedCheckpointException("malformed (" + (b.remaining() - Integer.BYTES) + " bytes left over)");
            }
            return new Decoded(new CheckpointFingerprint(fields), new TrainingSnapshot(
                    new TrainingProgress(epochs, steps, loss, seconds, colds, attempts), adamSteps, p, m, v, state));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new DamagedCheckpointException("malformed (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    private static long string(List<byte[]> out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.add(bytes);
        return Integer.BYTES + bytes.length;
    }

    private static void putString(ByteBuffer b, byte[] bytes) {
        b.putInt(bytes.length).put(bytes);
    }

    private static String getString(ByteBuffer b) {
        byte[] bytes = new byte[count(b)];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int count(ByteBuffer b) {
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) {
            throw new IllegalArgumentException("count " + n + " with " + b.remaining() + " bytes left");
        }
        return n;
    }

    private static void putFloats(ByteBuffer b, float[] a) {
        b.asFloatBuffer().put(a);
        b.position(b.position() + Float.BYTES * a.length);
    }

    private static float[] getFloats(ByteBuffer b, int n) {
        float[] a = new float[n];
        b.asFloatBuffer().get(a);
        b.position(b.position() + Float.BYTES * n);
        return a;
    }
}
