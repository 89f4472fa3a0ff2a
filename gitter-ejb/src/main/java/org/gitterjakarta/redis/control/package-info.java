/**
 * The Redis clients of the four roles Gitter had (persist, nonpersist, cache, pubsub), injected
 * with the {@link org.gitterjakarta.redis.control.Redis} qualifier. Features wrap the commands they
 * need in small typed classes that own their key names; nothing here knows any key.
 */
package org.gitterjakarta.redis.control;
