/** Values of rate limiting that need no store: where a request came from. */
package org.gitterjakarta.ratelimits.entity;
