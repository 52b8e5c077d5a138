package io.sample;

import io.whizbang.handler.WhizbangApplication;

@WhizbangApplication(name = "sample")
public final class SampleApp {
}
