package org.bigdatalab.streaming;

/** An event that came after its windows were final: the late side output, with the watermark it met. */
public record LateEvent(String line, long timestamp, String key, long watermark) {}
