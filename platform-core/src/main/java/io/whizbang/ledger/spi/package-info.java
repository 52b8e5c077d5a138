/**
 * What a ledger driver uses to behave like every other driver: the common checks of an append and the listeners
 * told when new events may be readable.
 */
package io.whizbang.ledger.spi;
