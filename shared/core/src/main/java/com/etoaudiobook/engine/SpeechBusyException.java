package com.etoaudiobook.engine;

/**
 * The engine has no capacity for this call now (its quota is spent, or the wait for capacity would
 * outlast the caller's deadline). Not a failure of the part: it is handed back and tried shortly,
 * and never counts towards the part's dead-letter limit.
 */
public class SpeechBusyException extends SpeechException {
  public SpeechBusyException(String message, Throwable cause) {
    super(message, true, cause);
  }
}
