package io.whizbang.projections.postgres;

import io.vertx.pgclient.PgConnectOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The options: a launcher's URL, JSON round trip, and settings that are refused with the reason. */
class PostgresProjectionStoreOptionsTest {
    @Test
    void aPostgresUrlGivesServerDatabaseAndCredentials() {
        PgConnectOptions connect = PostgresProjectionStoreOptions.fromUri("postgres://app:s3cret@db.example:6543/shop")
                .connectOptions();

        assertThat(connect.getHost()).isEqualTo("db.example");
        assertThat(connect.getPort()).isEqualTo(6543);
        assertThat(connect.getDatabase()).isEqualTo("shop");
        assertThat(connect.getUser()).isEqualTo("app");
        assertThat(connect.getPassword()).isEqualTo("s3cret");
        assertThat(connect.getPipeliningLimit()).isEqualTo(PostgresProjectionStoreOptions.DEFAULT_PIPELINING_LIMIT);
    }

    @Test
    void aUrlThatIsNotPostgresIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> PostgresProjectionStoreOptions.fromUri("mysql://x/y"))
                .withMessageContaining("postgres://");
    }

    @Test
    void optionsSurviveTheirJson() {
        PostgresProjectionStoreOptions options = new PostgresProjectionStoreOptions().setHost("h").setPort(1)
                .setDatabase("d").setUser("u").setPassword("p").setSchema("s_1").setPoolSize(3)
                .setPipeliningLimit(7).addIndex("orders", "customerId").setUri("postgresql://u@h:2/d")
                .setSynchronousCommit(false);

        PostgresProjectionStoreOptions copy = new PostgresProjectionStoreOptions(options.toJson());

        assertThat(copy.toJson()).isEqualTo(options.toJson());
        assertThat(copy.getIndexes()).containsExactly(new DocumentIndex("orders", "customerId"));
        assertThat(copy.connectOptions().getPort()).isEqualTo(2);
        assertThat(copy.connectOptions().getProperties()).containsEntry("synchronous_commit", "off");
        assertThat(new PostgresProjectionStoreOptions().connectOptions().getProperties())
                .as("durable by default").doesNotContainKey("synchronous_commit");
    }

    @Test
    void settingsOutOfRangeAreRefusedWithTheReason() {
        PostgresProjectionStoreOptions options = new PostgresProjectionStoreOptions();
        assertThatIllegalArgumentException().isThrownBy(() -> options.setSchema("Drop;Table"))
                .withMessageContaining("schema");
        assertThatIllegalArgumentException().isThrownBy(() -> options.setPoolSize(0)).withMessageContaining("poolSize");
        assertThatIllegalArgumentException().isThrownBy(() -> options.setPort(70000)).withMessageContaining("port");
        assertThatIllegalArgumentException().isThrownBy(() -> options.addIndex("orders", "a.b"))
                .withMessageContaining("field");
    }
}
