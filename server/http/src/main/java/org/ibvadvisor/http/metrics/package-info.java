/**
 * What an operator watches: {@code GET /metrics} in Prometheus' text format (Micrometer), and the request id every
 * response carries ({@code X-Request-Id}).
 */
package org.ibvadvisor.http.metrics;
