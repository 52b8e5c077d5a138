package io.whizbang.deploy;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import io.whizbang.control.Observability;

import java.util.List;

/**
 * The Vert.x instance of a launcher process, with its metrics (and tracing when asked): on its own, or a member of a
 * Hazelcast cluster (TCP/IP join to configured members, no multicast) whose event bus reaches the other members'
 * services.
 */
final class Cluster {
    /** Seconds without a heartbeat after which a member counts as gone and its locks are freed. */
    static final int MEMBER_TIMEOUT_SECONDS = 6;

    private Cluster() {
    }

    /** A new Vert.x instance for the options: clustered when they ask for it. */
    static Future<Vertx> vertx(RunOptions options) {
        VertxOptions vertxOptions = new VertxOptions();
        if (!options.isCluster()) {
            return Future.succeededFuture(Observability.builder(vertxOptions, options.getObservability()).build());
        }
        vertxOptions.setEventBusOptions(new EventBusOptions()
                .setHost(options.getClusterHost()).setClusterPublicHost(options.getClusterHost()));
        return Observability.builder(vertxOptions, options.getObservability())
                .withClusterManager(new HazelcastClusterManager(hazelcast(options)))
                .buildClustered();
    }

    /** Vert.x's Hazelcast configuration with the node's address, port and members. */
    static Config hazelcast(RunOptions options) {
        Config config = ConfigUtil.loadConfig();
        config.setClusterName("whizbang");
        // the launcher's own shutdown hook closes Vert.x, which leaves the cluster in order
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(MEMBER_TIMEOUT_SECONDS));
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(options.getClusterPort()).setPortAutoIncrement(true);
        network.getInterfaces().setEnabled(true).addInterface(options.getClusterHost());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        List<String> members = options.getClusterMembers().isEmpty() ? List.of(options.getClusterHost())
                : options.getClusterMembers();
        join.getTcpIpConfig().setEnabled(true).setMembers(members);
        return config;
    }
}
