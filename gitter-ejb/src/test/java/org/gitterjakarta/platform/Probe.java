package org.gitterjakarta.platform;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/** A throw-away document proving the JNoSQL mapping path end to end. */
@Entity("platform_probes")
public record Probe(@Id String id, @Column String label, @Column int count) {}
