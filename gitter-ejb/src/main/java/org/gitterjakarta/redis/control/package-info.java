/**
 * The Redis clients of three of the roles Gitter had (persist, nonpersist, pubsub), injected with
 * the {@link org.gitterjakarta.redis.control.Redis} qualifier. Features wrap the commands they need
 * in small typed classes that own their key names; nothing here knows any key.
 */
package org.gitterjakarta.redis.control;
