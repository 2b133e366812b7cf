package dev.aebench.probe;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Tribuo quiet: it logs every training run at INFO through java.util.logging. Only
 * warnings and errors get through. The logger is held here because java.util.logging keeps
 * loggers weakly, and a collected logger forgets its level.
 */
final class TribuoLogging {
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    private TribuoLogging() {
    }

    static void quiet() {
        if (TRIBUO.getLevel() == null || TRIBUO.getLevel().intValue() < Level.WARNING.intValue()) {
            TRIBUO.setLevel(Level.WARNING);
        }
    }
}
