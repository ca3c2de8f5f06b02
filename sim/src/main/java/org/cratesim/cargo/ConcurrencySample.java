package org.cratesim.cargo;

/**
 * cargo's {@code Concurrency} point: from {@code tNanos} on, {@code active} units run, {@code
 * waiting} are ready but have no token, {@code inactive} wait for dependencies; plus the number of
 * busy threads (rustc's codegen workers included), which cargo's chart cannot show.
 */
public record ConcurrencySample(long tNanos, int active, int waiting, int inactive, int threads) {}
