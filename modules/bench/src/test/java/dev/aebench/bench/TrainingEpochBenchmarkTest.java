package dev.aebench.bench;

import dev.aebench.core.model.ModelFamily;
import dev.aebench.core.model.ModelRegistry;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * JMH parameters must be constants in the annotation, so the family list of
 * {@link TrainingEpochBenchmark} cannot be read from the registry when it runs; this test keeps
 * it equal to the families on the class path, so a new family cannot be left out of it.
 */
class TrainingEpochBenchmarkTest {
    @Test
    void benchmarksEveryRegisteredFamily() throws NoSuchFieldException {
        Set<String> benchmarked = new TreeSet<>(Set.of(
                TrainingEpochBenchmark.class.getField("family").getAnnotation(Param.class).value()));
        Set<String> registered = new TreeSet<>();
        for (ModelFamily f : ModelRegistry.load().all()) {
            registered.add(f.name());
        }
        assertEquals(registered, benchmarked, "the @Param list of TrainingEpochBenchmark.family");
    }
}
