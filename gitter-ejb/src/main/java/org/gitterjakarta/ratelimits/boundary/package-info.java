/** Per-token and per-address request budgets, counted in Redis, for the API's filters. */
package org.gitterjakarta.ratelimits.boundary;
