package com.etoaudiobook.bench;

import com.etoaudiobook.aws.testing.PollyStub;

/** A Polly that throttles at Polly's quotas, on its own: `bench/polly-stub.sh [--port N] [--quotas ...]`. */
public final class PollyStubServer {
  private PollyStubServer() {
  }

  public static void main(String[] args) throws Exception {
    PollyStub.main(args);
  }
}
