/**
 * One Bayeux client, written from the protocol as Faye clients speak it, over long-polling or a
 * websocket, against CometD (gitter-jakarta) and Faye alike. Tests wait on its parsed deliveries;
 * the benchmark opens thousands and hands their raw frames to a scanner instead.
 */
package org.gitterjakarta.testsupport.bayeux;
