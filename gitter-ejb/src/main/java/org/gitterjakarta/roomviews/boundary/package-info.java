/**
 * The read model of rooms: the room JSON one person sees (names, counts, unread, membership,
 * rights) for a room, the left menu, explore and room search, assembled from the other features'
 * stores in batches; and the person's room list kept live on {@code /user/:id/rooms}.
 */
package org.gitterjakarta.roomviews.boundary;
