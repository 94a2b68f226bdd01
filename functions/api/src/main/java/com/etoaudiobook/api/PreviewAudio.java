package com.etoaudiobook.api;

/**
 * {@code POST /api/preview-voice} answered as JSON, as the original API did.
 *
 * @param audio the MP3, base64
 */
record PreviewAudio(String audio) {
}
