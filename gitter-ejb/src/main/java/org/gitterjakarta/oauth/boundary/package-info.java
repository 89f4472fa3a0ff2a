/**
 * The OAuth2 provider's use cases: apps registered by users, and the authorization-code grant that
 * gives an app a token for a user. Consent screens and HTTP shapes are the WARs' business.
 */
package org.gitterjakarta.oauth.boundary;
