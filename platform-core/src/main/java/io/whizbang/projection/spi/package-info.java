/**
 * What a projection store driver uses to behave like every other driver, such as the format of page cursors.
 */
package io.whizbang.projection.spi;
