/** {@code /v1/oauth-clients}: registering and removing third-party apps. */
package org.gitterjakarta.api.oauth;
