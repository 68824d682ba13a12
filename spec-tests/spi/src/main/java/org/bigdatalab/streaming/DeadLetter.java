package org.bigdatalab.streaming;

/** An input line the job could not parse, the source step it was, and why. The job goes on. */
public record DeadLetter(int step, String line, String reason) {}
