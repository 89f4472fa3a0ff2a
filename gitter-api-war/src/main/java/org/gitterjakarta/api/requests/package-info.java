/** Reading request bodies and parameters the way Gitter's API did, with 400s for bad input. */
package org.gitterjakarta.api.requests;
