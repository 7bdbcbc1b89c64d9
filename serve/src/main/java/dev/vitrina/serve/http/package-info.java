/** The HTTP API, the web page and the service's metrics. */
package dev.vitrina.serve.http;
