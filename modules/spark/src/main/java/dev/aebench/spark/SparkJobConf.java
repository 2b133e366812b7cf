package dev.aebench.spark;

import dev.aebench.core.error.UserError;
import dev.aebench.runner.execute.ExecutorOptions;
import org.apache.spark.SparkConf;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Spark configuration of a sweep: whatever {@code spark.*} system properties set
 * (spark-submit's {@code --conf}, or {@code -Dspark...} in {@code AEBENCH_JAVA_OPTS}), then what
 * aebench needs: the master, {@code spark.task.cpus} = the trial's kernel threads, no speculative
 * copies, executors started with the Vector API module, Spark's {@code --add-opens} flags and this
 * JVM's {@code -Daebench.*} properties (kernels, commit), 4 GB of executor heap and no web UI
 * unless set otherwise, and, for a cluster, the application jar for the executors' class path.
 */
final class SparkJobConf {
    static final String DEFAULT_EXECUTOR_MEMORY = "4g";
    private static final String OPTIONS_RESOURCE = "jvm-options.txt";
    private static final String APP_JAR_SUFFIX = "-app.jar";

    private SparkJobConf() {
    }

    static SparkConf of(SparkMaster master, ExecutorOptions o) {
        SparkConf conf = new SparkConf(true);
        conf.setMaster(master.url());
        conf.setIfMissing("spark.app.name", "aebench " + o.experiment());
        conf.set("spark.task.cpus", Integer.toString(o.threads()));
        conf.set("spark.speculation", "false");
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.executor.memory", DEFAULT_EXECUTOR_MEMORY);
        String extra = conf.get("spark.executor.extraJavaOptions", "");
        conf.set("spark.executor.extraJavaOptions", (executorJavaOptions() + " " + extra).trim());
        if (!master.isLocal() && !conf.contains("spark.jars")) {
            conf.set("spark.jars", applicationJar().toString());
        }
        return conf;
    }

    /** Vector API module, Spark's opens, this JVM's -Daebench.* properties and its Unsafe-access setting. */
    static String executorJavaOptions() {
        List<String> flags = new ArrayList<>(List.of("--add-modules", "jdk.incubator.vector"));
        flags.addAll(List.of(sparkOpens().split("\\s+")));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if ((a.startsWith("-Daebench.") || a.startsWith("--sun-misc-unsafe-memory-access=")) && !a.contains(" ")) {
                flags.add(a);
            }
        }
        return String.join(" ", flags);
    }

    /** The JVM flags Spark needs on JDK 17+ (the build's {@code spark.opens}). */
    static String sparkOpens() {
        try (InputStream in = SparkJobConf.class.getResourceAsStream(OPTIONS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPTIONS_RESOURCE + " missing from the aebench-spark jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + OPTIONS_RESOURCE, e);
        }
    }

    /**
     * The shaded application jar for a cluster's executors: this class's own jar when it is the
     * shaded one (spark-submit), else the {@code -app.jar} beside it (a -Pspark build's target folder).
     */
    static Path applicationJar() {
        Path self;
        try {
            self = Path.of(SparkJobConf.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new UserError("cannot locate the aebench-spark jar for the executors; set spark.jars to the application jar");
        }
        String name = self.getFileName().toString();
        if (name.endsWith(APP_JAR_SUFFIX)) {
            return self;
        }
        Path app = self.resolveSibling(name.endsWith(".jar") ? name.substring(0, name.length() - 4) + APP_JAR_SUFFIX
                : "aebench-spark-app.jar");
        if (!name.endsWith(".jar") || !Files.isRegularFile(app)) {
            throw new UserError("no application jar for the Spark executors at " + app
                    + ": build it with mvn -Pspark -pl modules/spark -am -DskipTests package, or set spark.jars");
        }
        return app;
    }
}
