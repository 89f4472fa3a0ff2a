package org.gitterjakarta.rooms.entity;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/** Gitter's troupemetas: a room's welcome message, shown to people who join; id = room id. */
@Entity("troupemetas")
public record RoomMeta(@Id String id, @Column String welcomeText, @Column String welcomeHtml) {}
