/**
 * The OAuth2 provider's HTTP endpoints on the web host ({@code /login/oauth/*}): authorize
 * (redirect with a one-time code) and the token exchange. The grant rules are in gitter-ejb.
 */
package org.gitterjakarta.web.oauth;
