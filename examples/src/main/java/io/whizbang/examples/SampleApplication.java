package io.whizbang.examples;

import io.whizbang.handler.WhizbangApplication;

/**
 * The sample application: multi-tenant orders and inventory, with a saga that reserves stock for each order.
 *
 * <p>The annotation processor writes {@code SampleApplicationRegistry} next to this class, with every receptor,
 * perspective, lens and saga under this package and the JSON codecs of their messages.
 */
@WhizbangApplication(name = "sample")
public final class SampleApplication {
    private SampleApplication() {
    }
}
