/**
 * What the black-box system tests ({@code gitter-st}) and the benchmark ({@code gitter-bench})
 * share, so that each exists once: the Bayeux client, {@code ./gitter run} as a process, and the
 * HTTP/JSON helper. Test-framework free: failures are exceptions, assertions stay with the callers.
 */
package org.gitterjakarta.testsupport;
