package org.bigdatalab.mapreduce.reference;

import org.bigdatalab.mapreduce.TaskContext;

/** The context of one task attempt. */
public record Task(String taskId, int attempt, String inputFile) implements TaskContext {}
