package dev.aebench.spark;

import dev.aebench.core.error.UserError;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparkMasterTest {
    @Test
    void acceptsLocalAndStandaloneUrls() {
        assertEquals(1, new SparkMaster("local").localCores());
        assertEquals(2, new SparkMaster("local[2]").localCores());
        assertEquals(3, new SparkMaster("local[3,2]").localCores());
        assertEquals(Runtime.getRuntime().availableProcessors(), new SparkMaster("local[*]").localCores());
        SparkMaster ha = new SparkMaster("spark://10.0.0.1:7077,master-b.example:7078");
        assertFalse(ha.isLocal());
        assertEquals(2, ha.addresses().size());
        assertEquals("master-b.example", ha.addresses().get(1).getHostString());
        assertEquals(7078, ha.addresses().get(1).getPort());
    }

    @Test
    void refusesAnythingElseNamingWhatItExpects() {
        for (String bad : new String[] {"locl[2]", "local[0]", "local[two]", "spark://", "spark://host", "spark://host:0",
                "spark://host:99999", "yarn", "mesos://h:5050", "spark://h:7077,", ""}) {
            UserError e = assertThrows(UserError.class, () -> new SparkMaster(bad), bad);
            assertTrue(e.getMessage().startsWith("--master: expected local, local[N], local[*] or spark://HOST:PORT, found '"
                    + bad + "'"), e.getMessage());
        }
    }

    @Test
    void aStandaloneMasterThatDoesNotAnswerIsOneClearError() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // free now, closed below: nothing listens there
        }
        String url = "spark://127.0.0.1:" + port;
        UserError e = assertThrows(UserError.class, () -> new SparkMaster(url).checkReachable());
        assertTrue(e.getMessage().startsWith("--master " + url + ": no Spark master answers at 127.0.0.1:" + port),
                e.getMessage());
    }

    @Test
    void aListeningMasterPortPassesTheCheck() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            assertDoesNotThrow(() -> new SparkMaster("spark://127.0.0.1:" + s.getLocalPort()).checkReachable());
        }
        assertDoesNotThrow(() -> new SparkMaster("local[2]").checkReachable());
    }

    @Test
    void withoutAMasterSparkSubmitsChoiceIsTakenElseAllLocalCores() {
        String before = System.getProperty("spark.master");
        try {
            System.clearProperty("spark.master");
            assertEquals("local[*]", SparkMaster.orDefault(null).url());
            System.setProperty("spark.master", "spark://127.0.0.1:7077");
            assertEquals("spark://127.0.0.1:7077", SparkMaster.orDefault(null).url());
            assertEquals("local[2]", SparkMaster.orDefault("local[2]").url());
        } finally {
            if (before == null) {
                System.clearProperty("spark.master");
            } else {
                System.setProperty("spark.master", before);
            }
        }
    }
}
