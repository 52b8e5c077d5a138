package io.whizbang.eventstore.postgres;

import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresLedgerOptionsTest {
    @Test
    void defaultsSurviveAJsonRoundTrip() {
        PostgresLedgerOptions options = new PostgresLedgerOptions(new PostgresLedgerOptions().toJson());
        assertThat(options.getSchema()).isEqualTo(PostgresLedgerOptions.DEFAULT_SCHEMA);
        assertThat(options.getPoolSize()).isEqualTo(PostgresLedgerOptions.DEFAULT_POOL_SIZE);
        assertThat(options.getMaxEventBytes()).isEqualTo(PostgresLedgerOptions.DEFAULT_MAX_EVENT_BYTES);
        assertThat(options.getUri()).isNull();
    }

    @Test
    void everySettingSurvivesAJsonRoundTrip() {
        PostgresLedgerOptions options = new PostgresLedgerOptions().setHost("db").setPort(6543).setDatabase("ledger")
                .setUser("app").setPassword("secret").setSchema("orders_ledger").setPoolSize(16)
                .setPipeliningLimit(32).setMaxEventBytes(4096).setMaxReconnectDelayMillis(1000);
        assertThat(new PostgresLedgerOptions(options.toJson()).toJson()).isEqualTo(options.toJson());
    }

    @Test
    void aUriTakesThePlaceOfHostPortDatabaseAndUser() {
        PgConnectOptions connect = new PostgresLedgerOptions(new JsonObject()
                .put("uri", "postgresql://app:secret@db.example:6543/ledger")).connectOptions();
        assertThat(connect.getHost()).isEqualTo("db.example");
        assertThat(connect.getPort()).isEqualTo(6543);
        assertThat(connect.getDatabase()).isEqualTo("ledger");
        assertThat(connect.getUser()).isEqualTo("app");
        assertThat(connect.getPipeliningLimit()).isEqualTo(PostgresLedgerOptions.DEFAULT_PIPELINING_LIMIT);
    }

    @Test
    void settersRejectWhatCannotWork() {
        PostgresLedgerOptions options = new PostgresLedgerOptions();
        assertThatThrownBy(() -> options.setSchema("Robert'); DROP TABLE students;--"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema");
        assertThatThrownBy(() -> options.setSchema("x".repeat(49))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.setPort(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.setPoolSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.setMaxEventBytes(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.setMaxReconnectDelayMillis(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.setHost(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.setUri("mysql://nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
