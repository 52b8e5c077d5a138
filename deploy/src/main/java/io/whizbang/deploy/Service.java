package io.whizbang.deploy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A service the launcher can run, as named after {@code --services}.
 */
public enum Service {
    /** The ledger, the dispatcher serving commands and queries on the event bus, and the sagas. */
    LEDGER("ledger", "the ledger, the dispatcher and the sagas", 0, ""),
    /** The perspectives, writing the read models the lenses answer from. */
    PROJECTIONS("projections", "the perspectives", 0, ""),
    /** The GraphQL gateway for web clients. */
    WEB("web", "the GraphQL gateway", 8080, "/graphql"),
    /** The REST gateway for mobile clients. */
    MOBILE("mobile", "the REST gateway", 8081, "/api"),
    /** The gRPC gateway for desktop clients. */
    DESKTOP("desktop", "the gRPC gateway", 9090, ""),
    /** The control plane and its dashboard. */
    CONTROL("control", "the control plane and dashboard", 8088, "/");

    /** The word that selects every service. */
    public static final String ALL = "all";

    private final String id;
    private final String description;
    private final int port;
    private final String path;

    Service(String id, String description, int port, String path) {
        this.id = id;
        this.description = description;
        this.port = port;
        this.path = path;
    }

    /** The name written after {@code --services}. */
    public String id() {
        return id;
    }

    /** What the service is, in a few words. */
    public String description() {
        return description;
    }

    /** The port the service listens on by default, 0 when it talks only on the event bus. */
    public int port() {
        return port;
    }

    /** Where a client reaches the service by default, or an empty string when it talks only on the event bus. */
    public String endpoint() {
        return endpoint(port);
    }

    /** Where a client reaches the service when it listens on the port, or an empty string for a bus-only service. */
    public String endpoint(int actualPort) {
        if (port == 0) {
            return "";
        }
        return this == DESKTOP ? "grpc://localhost:" + actualPort : "http://localhost:" + actualPort + path;
    }

    /**
     * The services named in a comma-separated list; {@value #ALL} selects every one.
     *
     * @throws IllegalArgumentException naming the unknown service and the choices
     */
    public static Set<Service> parseList(String text) {
        Set<Service> services = EnumSet.noneOf(Service.class);
        for (String name : text.split(",", -1)) {
            String id = name.strip().toLowerCase(Locale.ROOT);
            if (id.equals(ALL)) {
                services.addAll(EnumSet.allOf(Service.class));
            } else {
                services.add(byId(name.strip()));
            }
        }
        return services;
    }

    /** The service with the name, ignoring case. */
    public static Service byId(String name) {
        for (Service service : values()) {
            if (service.id.equalsIgnoreCase(name)) {
                return service;
            }
        }
        throw new IllegalArgumentException("unknown service '" + name + "'; choose from " + choices());
    }

    /** The names {@code --services} accepts, comma-separated. */
    public static String choices() {
        return ALL + ", " + Arrays.stream(values()).map(Service::id).collect(Collectors.joining(", "));
    }
}
