/**
 * The ceiling: how many requests per second the container answers when the application does
 * (almost) nothing, measured in the same run as the throughputs it is set against.
 */
package org.gitterjakarta.bench.ceiling;
