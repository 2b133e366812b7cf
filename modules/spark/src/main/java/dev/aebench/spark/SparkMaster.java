package dev.aebench.spark;

import dev.aebench.core.error.UserError;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark master URL as {@code aebench run --master} accepts it: {@code local}, {@code local[N]},
 * {@code local[*]} (optionally {@code local[N,F]} with F task attempts), or a standalone cluster
 * {@code spark://HOST:PORT[,HOST:PORT...]}. Anything else is refused before Spark starts, and a
 * standalone master that answers on none of its ports is refused within {@link #CONNECT_MILLIS}.
 */
public record SparkMaster(String url) {
    static final int CONNECT_MILLIS = 5000;
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|[1-9][0-9]{0,3})(?:,([1-9][0-9]{0,2}))?])?");
    private static final Pattern HOST_PORT = Pattern.compile("([A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:]+]):([0-9]{1,5})");
    private static final String EXPECTED = "expected local, local[N], local[*] or spark://HOST:PORT";

    public SparkMaster {
        if (url == null || !(LOCAL.matcher(url).matches() || standalone(url))) {
            throw new UserError("--master: " + EXPECTED + ", found '" + url + "'");
        }
    }

    private static boolean standalone(String url) {
        if (!url.startsWith("spark://") || url.length() == "spark://".length()) {
            return false;
        }
        for (String hp : url.substring("spark://".length()).split(",", -1)) {
            Matcher m = HOST_PORT.matcher(hp);
            if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 65535) {
                return false;
            }
        }
        return true;
    }

    /** The master to use when {@code --master} is absent: spark-submit's {@code spark.master}, else {@code local[*]}. */
    public static SparkMaster orDefault(String url) {
        if (url != null) {
            return new SparkMaster(url);
        }
        String submitted = System.getProperty("spark.master");
        return new SparkMaster(submitted != null && !submitted.isBlank() ? submitted : "local[*]");
    }

    public boolean isLocal() {
        return url.startsWith("local");
    }

    /** The task slots of a local master: N of {@code local[N]}, this machine's cores for {@code local[*]}, 1 for {@code local}. */
    public int localCores() {
        Matcher m = LOCAL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("not a local master: " + url);
        }
        String n = m.group(1);
        return n == null ? 1 : n.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(n);
    }

    /** The host:port pairs of a standalone master (empty for a local one). */
    public List<InetSocketAddress> addresses() {
        List<InetSocketAddress> out = new ArrayList<>();
        if (isLocal()) {
            return out;
        }
        for (String hp : url.substring("spark://".length()).split(",")) {
            Matcher m = HOST_PORT.matcher(hp);
            if (m.matches()) {
                String host = m.group(1).replace("[", "").replace("]", "");
                out.add(InetSocketAddress.createUnresolved(host, Integer.parseInt(m.group(2))));
            }
        }
        return out;
    }

    /** Throws a one-line {@link UserError} unless some standalone master port accepts a connection (local: nothing to check). */
    public void checkReachable() {
        List<String> problems = new ArrayList<>();
        for (InetSocketAddress a : addresses()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(a.getHostString(), a.getPort()), CONNECT_MILLIS);
                return;
            } catch (IOException e) {
                problems.add(a.getHostString() + ":" + a.getPort() + " (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage()) + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new UserError("--master " + url + ": no Spark master answers at " + String.join(", ", problems)
                    + "; start one, or use --master local[N]");
        }
    }

    @Override
    public String toString() {
        return url;
    }
}
