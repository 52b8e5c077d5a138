package io.whizbang.runtime;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectionsOptionsTest {
    @Test
    void theCatchUpOptionsComeFromJsonAndGoBack() {
        JsonObject json = new JsonObject().put("catchUpEvents", 5_000).put("catchUpDocuments", 1_000)
                .put("cachedDocuments", 0);

        ProjectionsOptions options = new ProjectionsOptions(json);

        assertThat(options.getCatchUpEvents()).isEqualTo(5_000);
        assertThat(options.getCatchUpDocuments()).isEqualTo(1_000);
        assertThat(options.getCachedDocuments()).isZero();
        assertThat(new ProjectionsOptions(options.toJson()).toJson()).isEqualTo(options.toJson());
    }

    @Test
    void missingCatchUpOptionsTakeTheDefaults() {
        ProjectionsOptions options = new ProjectionsOptions(new JsonObject());

        assertThat(options.getCatchUpEvents()).isEqualTo(ProjectionsOptions.DEFAULT_CATCH_UP_EVENTS);
        assertThat(options.getCatchUpDocuments()).isEqualTo(ProjectionsOptions.DEFAULT_CATCH_UP_DOCUMENTS);
        assertThat(options.getCachedDocuments()).isEqualTo(ProjectionsOptions.DEFAULT_CACHED_DOCUMENTS);
    }

    @Test
    void catchUpLimitsOutOfRangeAreRejectedWithTheirName() {
        assertThatThrownBy(() -> new ProjectionsOptions().setCatchUpEvents(0)).hasMessageContaining("catchUpEvents");
        assertThatThrownBy(() -> new ProjectionsOptions().setCatchUpDocuments(0))
                .hasMessageContaining("catchUpDocuments");
        assertThatThrownBy(() -> new ProjectionsOptions().setCachedDocuments(-1))
                .hasMessageContaining("cachedDocuments");
    }
}
