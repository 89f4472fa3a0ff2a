/**
 * The Bayeux 1.0 server Faye clients talk to at {@code /bayeux/}: CometD's server with its HTTP
 * long-polling transport, plus a Jakarta WebSocket transport of our own (CometD's is not published
 * for Jakarta here). Channels, authorisation and fan-out build on this package.
 */
package org.gitterjakarta.ws.bayeux;
