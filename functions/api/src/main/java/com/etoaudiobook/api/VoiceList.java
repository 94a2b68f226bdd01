package com.etoaudiobook.api;

import com.etoaudiobook.voice.Voice;

import java.util.List;

/** {@code GET /api/voices}: the voices that pass the filters, and how many. */
record VoiceList(List<Voice> voices, int count) {
}
