/**
 * The domain, one package per feature, each split into {@code boundary} (use cases and the wire
 * shapes they answer with), {@code control} (stores and Redis wrappers) and {@code entity} (plain
 * records and events). Features depend on each other one way, upwards in this graph; a feature may
 * use the entities and controls of the features below it, and {@code FeatureGraphTest} fails on any
 * cycle:
 *
 * <pre>
 *   portability    exports of a person's data and a room's history, imports of room history
 *   mail           unread digests by email, verified addresses, invites by email, unsubscribe
 *   roomviews      what a client sees of rooms: room JSON, left menu, explore, room search
 *   settings       a person's settings under Gitter's keys
 *   moderation     bans, room admins and security, message reports
 *   integrations   incoming webhooks and the room's activity events they post
 *   unread         unread items and mentions, read marks
 *   messages       send, edit, delete, history, threads, reactions, search, archives
 *   typing         who is typing in a room (passed on, never stored)
 *   communities    create a community with its room, list its rooms, rename it
 *   memberships    join, add, leave, kick, hide, favourite, notification modes
 *   rooms          the room, its membership and ban records, who may do what in it
 *   groups         the community record
 *   presence, tokens, oauth, users
 *   events, markdown, search, ratelimits, redis, mongo, config, wire, problems, metrics  (plumbing)
 * </pre>
 *
 * Where a lower feature needs something of a higher one it declares an interface or fires an event
 * (messages asks {@code UnreadMarks}; rooms fires {@code MemberJoined}, which roomviews turns into
 * the live room-list event). The WARs use boundaries and entities only, never a control and never
 * another WAR ({@code WarBoundariesTest} in gitter-st).
 */
package org.gitterjakarta;
