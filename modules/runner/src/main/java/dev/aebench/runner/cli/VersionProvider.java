package dev.aebench.runner.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "development". */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = AebenchCommand.class.getPackage().getImplementationVersion();
        return new String[] {"aebench " + (v == null ? "development" : v) + " on Java " + Runtime.version()};
    }
}
