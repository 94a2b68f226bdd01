package com.etoaudiobook.api;

/** {@code GET /health}: the process answers. */
record Health(String status, String service, String version) {
}
