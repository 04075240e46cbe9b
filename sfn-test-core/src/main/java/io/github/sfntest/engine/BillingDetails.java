package io.github.sfntest.engine;

/**
 * What AWS bills for an EXPRESS execution started with StartSyncExecution (its {@code
 * billingDetails}): the duration "rounded up to the nearest 100ms" and the memory "billed in 64-MB
 * chunks" (AWS Step Functions pricing). In-process the duration is virtual time and the memory
 * AWS's published estimate, so both are what AWS would bill for the same run, not measurements.
 *
 * @param billedMemoryUsedInMB billed memory in MB, a multiple of 64
 * @param billedDurationInMilliseconds billed duration in milliseconds, a multiple of 100
 */
public record BillingDetails(long billedMemoryUsedInMB, long billedDurationInMilliseconds) {}
