/**
 * The web console ({@code /console/}): the static page built by the gatepass-console module, served from the class
 * path with a strict Content-Security-Policy. The page holds no authority of its own: every call it makes is a
 * SigV4-signed request of the public APIs, signed in the browser with the keys the user signs in with.
 */
package io.gatepass.server.internal.endpoints.console;
