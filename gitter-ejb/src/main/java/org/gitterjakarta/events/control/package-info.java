/**
 * Publishing of live events to Redis pub/sub (the pubsub role). Writers publish; the realtime WAR
 * subscribes and fans out. Nothing here knows about sockets.
 */
package org.gitterjakarta.events.control;
