package io.ticketing.platform;

/**
 * A service's reading of an unexpected failure before it becomes a 500: booking-service's tells a
 * database that is down (503) from a bug. Optional: without one, every unexpected failure is a 500.
 */
public interface FailureTranslator {

    /** The code this failure means for the client, or null if it is not one this service knows. */
    ProblemCode translate(Throwable failure);
}
