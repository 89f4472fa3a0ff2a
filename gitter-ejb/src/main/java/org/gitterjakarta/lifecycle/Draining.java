package org.gitterjakarta.lifecycle;

/** Fired once when the instance begins to stop: observers let their clients go elsewhere. */
public record Draining() {}
