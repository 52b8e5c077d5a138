package io.whizbang.deploy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.control.ObservabilityOptions;
import io.whizbang.dispatch.DispatcherOptions;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Options of {@code whizbang run}: which services to start, on which store, with which data directory.
 */
public class RunOptions {
    /**
     * The store used when none is given, as it reads with the default data directory: an SQLite file in the data
     * directory, {@code <data-dir>/}{@value #DEFAULT_STORE_FILE}, kept across restarts.
     */
    public static final String DEFAULT_STORE = "sqlite:./data/whizbang.db";
    /** The name of the default store's SQLite file inside the data directory. */
    public static final String DEFAULT_STORE_FILE = "whizbang.db";
    /** The services started when none are given. */
    public static final String DEFAULT_SERVICES = Service.ALL;
    /** The data directory used when none is given: it holds the development key and the default SQLite file. */
    public static final String DEFAULT_DATA_DIR = "./data";
    /** The interface the gateways and the control plane listen on when none is given: every interface. */
    public static final String DEFAULT_HOST = "0.0.0.0";
    /** The address a clustered node binds and announces when none is given: loopback, for one machine. */
    public static final String DEFAULT_CLUSTER_HOST = "127.0.0.1";
    /** The first port a clustered node's Hazelcast member tries when none is given (the next ones if taken). */
    public static final int DEFAULT_CLUSTER_PORT = 5701;

    private Set<Service> services = Service.parseList(DEFAULT_SERVICES);
    /** The store given, or null for the default store in the data directory. */
    private StoreLocation store;
    private Path dataDir = Path.of(DEFAULT_DATA_DIR);
    private DispatcherOptions dispatcherOptions = new DispatcherOptions();
    private String host = DEFAULT_HOST;
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private boolean cluster;
    private boolean seed;
    private String kafka;
    private String clusterHost = DEFAULT_CLUSTER_HOST;
    private int clusterPort = DEFAULT_CLUSTER_PORT;
    private List<String> clusterMembers = List.of();
    private ObservabilityOptions observability = new ObservabilityOptions();

    public RunOptions() {
    }

    public RunOptions(JsonObject json) {
        JsonArray names = json.getJsonArray("services");
        setServices(names == null ? Service.parseList(DEFAULT_SERVICES)
                : Service.parseList(names.stream().map(String::valueOf).collect(Collectors.joining(","))));
        String storeText = json.getString("store");
        if (storeText != null) {
            setStore(StoreLocation.parse(storeText));
        }
        setDataDir(Path.of(json.getString("dataDir", DEFAULT_DATA_DIR)));
        JsonObject dispatcher = json.getJsonObject("dispatcher");
        setDispatcherOptions(dispatcher == null ? new DispatcherOptions() : new DispatcherOptions(dispatcher));
        setHost(json.getString("host", DEFAULT_HOST));
        JsonObject portsJson = json.getJsonObject("ports", new JsonObject());
        for (String name : portsJson.fieldNames()) {
            setPort(Service.byId(name), portsJson.getInteger(name));
        }
        setCluster(json.getBoolean("cluster", false));
        setSeed(json.getBoolean("seed", false));
        setKafka(json.getString("kafka"));
        setClusterHost(json.getString("clusterHost", DEFAULT_CLUSTER_HOST));
        setClusterPort(json.getInteger("clusterPort", DEFAULT_CLUSTER_PORT));
        JsonArray members = json.getJsonArray("clusterMembers", new JsonArray());
        setClusterMembers(members.stream().map(String::valueOf).toList());
        JsonObject observabilityJson = json.getJsonObject("observability");
        setObservability(observabilityJson == null ? new ObservabilityOptions()
                : new ObservabilityOptions(observabilityJson));
    }

    public ObservabilityOptions getObservability() {
        return observability;
    }

    /** Sets the metrics (on by default) and OpenTelemetry tracing (off by default) of the process. */
    public RunOptions setObservability(ObservabilityOptions observability) {
        this.observability = Objects.requireNonNull(observability, "observability");
        return this;
    }

    public boolean isCluster() {
        return cluster;
    }

    /**
     * Sets whether the node joins a Vert.x cluster (Hazelcast) so its services reach those of other nodes over the
     * event bus; sagas and perspectives then run on one node of the cluster at a time.
     */
    public RunOptions setCluster(boolean cluster) {
        this.cluster = cluster;
        return this;
    }

    /** The Kafka bootstrap servers the ledger service relays to and consumes from, or null for none. */
    public String getKafka() {
        return kafka;
    }

    /** Sets the Kafka bootstrap servers ({@code host:port[,host:port]}); null runs without Kafka. */
    public RunOptions setKafka(String kafka) {
        if (kafka != null && (kafka.isBlank() || !kafka.matches("[^,\\s]+:\\d{1,5}(,[^,\\s]+:\\d{1,5})*"))) {
            throw new IllegalArgumentException("--kafka takes host:port[,host:port...], not '" + kafka + "'");
        }
        this.kafka = kafka;
        return this;
    }

    public boolean isSeed() {
        return seed;
    }

    /**
     * Sets whether the ledger service seeds the sample's demo stock (tenant acme, SKU-1 to SKU-3, 100 each); it
     * is stored once per store however many replicas seed and however often.
     */
    public RunOptions setSeed(boolean seed) {
        this.seed = seed;
        return this;
    }

    public String getClusterHost() {
        return clusterHost;
    }

    /** Sets the address the node's cluster member and event bus bind to and announce to the others. */
    public RunOptions setClusterHost(String clusterHost) {
        if (clusterHost == null || clusterHost.isBlank()) {
            throw new IllegalArgumentException("clusterHost must not be blank");
        }
        this.clusterHost = clusterHost;
        return this;
    }

    public int getClusterPort() {
        return clusterPort;
    }

    /** Sets the first port the cluster member tries; the following ones are tried when it is taken. */
    public RunOptions setClusterPort(int clusterPort) {
        if (clusterPort < 1 || clusterPort > 65_535) {
            throw new IllegalArgumentException("clusterPort must be 1..65535, not " + clusterPort);
        }
        this.clusterPort = clusterPort;
        return this;
    }

    /** The members (host or host:port) a node contacts to join; empty means the cluster host's default ports. */
    public List<String> getClusterMembers() {
        return clusterMembers;
    }

    /** Sets the members (host or host:port) a node contacts to join the cluster. */
    public RunOptions setClusterMembers(List<String> clusterMembers) {
        Objects.requireNonNull(clusterMembers, "clusterMembers");
        for (String member : clusterMembers) {
            if (member == null || member.isBlank() || member.contains(" ")) {
                throw new IllegalArgumentException("a cluster member is host or host:port, not '" + member + "'");
            }
        }
        this.clusterMembers = List.copyOf(clusterMembers);
        return this;
    }

    public Set<Service> getServices() {
        return services;
    }

    /** Sets the services to start; at least one. */
    public RunOptions setServices(Set<Service> services) {
        Objects.requireNonNull(services, "services");
        if (services.isEmpty()) {
            throw new IllegalArgumentException("choose at least one service from " + Service.choices());
        }
        this.services = Collections.unmodifiableSet(EnumSet.copyOf(services));
        return this;
    }

    /** Whether the service is among those to start. */
    public boolean runs(Service service) {
        return services.contains(service);
    }

    /**
     * Where the ledger and the read models are kept: the store set, or else the SQLite file
     * {@value #DEFAULT_STORE_FILE} in the data directory.
     */
    public StoreLocation getStore() {
        return store != null ? store : new StoreLocation.Sqlite(dataDir.resolve(DEFAULT_STORE_FILE));
    }

    /** Sets where the ledger and the read models are kept, instead of the SQLite file in the data directory. */
    public RunOptions setStore(StoreLocation store) {
        this.store = Objects.requireNonNull(store, "store");
        return this;
    }

    public Path getDataDir() {
        return dataDir;
    }

    /** Sets the directory of the development key and of file stores. */
    public RunOptions setDataDir(Path dataDir) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        return this;
    }

    public DispatcherOptions getDispatcherOptions() {
        return dispatcherOptions;
    }

    /** Sets the options of the dispatcher, such as its event-bus address prefix. */
    public RunOptions setDispatcherOptions(DispatcherOptions dispatcherOptions) {
        this.dispatcherOptions = Objects.requireNonNull(dispatcherOptions, "dispatcherOptions");
        return this;
    }

    public String getHost() {
        return host;
    }

    /** Sets the interface the gateways and the control plane listen on. */
    public RunOptions setHost(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        this.host = host;
        return this;
    }

    /** The port the service listens on: the one set, or else its default; 0 for a service without a port. */
    public int getPort(Service service) {
        return ports.getOrDefault(service, service.port());
    }

    /**
     * Sets the port a gateway or the control plane listens on; 0 picks a free one.
     *
     * @throws IllegalArgumentException for a service that listens on no port, or a port outside 0..65535
     */
    public RunOptions setPort(Service service, int port) {
        Objects.requireNonNull(service, "service");
        if (service.port() == 0) {
            throw new IllegalArgumentException("the " + service.id() + " service listens on no port");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port of " + service.id() + " must be 0..65535, not " + port);
        }
        ports.put(service, port);
        return this;
    }

    /**
     * Checks that, in a cluster, a node running the ledger or the perspectives uses a store every node reaches:
     * only PostgreSQL is shared between processes, and nodes answering from stores of their own would disagree.
     *
     * @throws IllegalArgumentException saying what to use instead
     */
    public void requireSharedStoreInCluster() {
        boolean storeUsed = runs(Service.LEDGER) || runs(Service.PROJECTIONS);
        if (cluster && storeUsed && !(getStore() instanceof StoreLocation.Postgres)) {
            throw new IllegalArgumentException("--cluster needs --store=postgres://... on nodes that run the ledger"
                    + " or the projections, so that every node reads and writes the same events; the "
                    + getStore().scheme() + " store is this process's own");
        }
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject()
                .put("services", new JsonArray(services.stream().map(service -> (Object) service.id())
                        .toList()));
        if (store != null) {
            json.put("store", store.text());
        }
        JsonObject portsJson = new JsonObject();
        ports.forEach((service, port) -> portsJson.put(service.id(), port));
        return json.put("dataDir", dataDir.toString())
                .put("dispatcher", dispatcherOptions.toJson())
                .put("host", host)
                .put("ports", portsJson)
                .put("observability", observability.toJson())
                .put("seed", seed)
                .put("kafka", kafka)
                .put("cluster", cluster)
                .put("clusterHost", clusterHost)
                .put("clusterPort", clusterPort)
                .put("clusterMembers", new JsonArray(clusterMembers.stream().map(member -> (Object) member)
                        .toList()));
    }
}
