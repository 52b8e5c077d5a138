package io.whizbang.deploy;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The launcher's version, as the build wrote it into {@code version.properties}.
 */
public final class Version implements IVersionProvider {
    private static final String RESOURCE = "version.properties";

    /** The version of this build, such as {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return properties.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Whizbang " + current(), "Java " + Runtime.version() + ", Vert.x 5"};
    }
}
