/** Storage of OAuth clients and authorization codes. */
package org.gitterjakarta.oauth.control;
