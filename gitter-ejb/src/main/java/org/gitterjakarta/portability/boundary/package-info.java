/**
 * Exports (who may download what, at what rate, written as the API's JSON lines) and imports
 * (checking a whole file first, then storing what is not there yet).
 */
package org.gitterjakarta.portability.boundary;
