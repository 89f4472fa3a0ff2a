/** Measurement 5: idle websocket clients one instance holds, and its memory per connection. */
package org.gitterjakarta.bench.connections;
