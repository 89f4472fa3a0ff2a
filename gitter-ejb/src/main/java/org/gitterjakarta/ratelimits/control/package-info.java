/**
 * Request rate limits shared by all instances, counted in Redis. Which requests count and how a
 * refusal looks is the API's business.
 */
package org.gitterjakarta.ratelimits.control;
