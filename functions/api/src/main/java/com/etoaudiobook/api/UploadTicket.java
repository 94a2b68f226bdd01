package com.etoaudiobook.api;

import java.util.Map;

/**
 * {@code POST /api/uploads}: where and how to PUT the file.
 *
 * @param headers   the headers the PUT must carry (they are part of the signature)
 * @param expiresAt ISO-8601 instant after which the URL is refused
 */
record UploadTicket(String uploadId, String key, String url, String method, Map<String, String> headers,
                    String expiresAt) {
}
