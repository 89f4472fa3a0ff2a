/**
 * The download links of the settings pages: Gitter's {@code /api_web/export/...} files for the
 * signed-in browser, from the same export boundary as the API's routes.
 */
package org.gitterjakarta.web.portability;
