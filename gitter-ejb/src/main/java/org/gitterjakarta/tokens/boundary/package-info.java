/**
 * The token use cases: issue (personal or for an OAuth app), resolve a presented token to its
 * caller, list and revoke. Where a request carries its token is the API's business.
 */
package org.gitterjakarta.tokens.boundary;
