/**
 * Plain HTTP for black-box clients: requests with a token and a JSON body, replies read as status,
 * headers and JSON, streamed replies as lines. Callers that need a tuned client (the benchmark's
 * own thread pool) pass their {@link java.net.http.HttpClient}.
 */
package org.gitterjakarta.testsupport.http;
