/**
 * Where tokens are kept: the oauthaccesstokens collection (hashes only) and the short-lived Redis
 * cache that spares MongoDB a read on most API calls.
 */
package org.gitterjakarta.tokens.control;
