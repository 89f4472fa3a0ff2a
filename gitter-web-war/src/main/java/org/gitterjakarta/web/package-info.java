/**
 * gitter.im for people in a browser: Facelets pages backed by {@code @Named} beans that call the
 * domain boundaries. Live parts of a page use the public REST API and Bayeux like any client.
 */
package org.gitterjakarta.web;
