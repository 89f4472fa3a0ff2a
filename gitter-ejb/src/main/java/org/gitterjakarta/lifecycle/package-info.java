/**
 * An instance's orderly end: on SIGTERM it stops taking new work (503s a proxy retries elsewhere,
 * readiness DOWN), lets realtime clients go, and finishes what is in flight during Payara Micro's
 * shutdown grace before it stops.
 */
package org.gitterjakarta.lifecycle;
