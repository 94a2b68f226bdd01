package com.etoaudiobook.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/** The shared Redis on 127.0.0.1:6379: whether it answers, and starting it where it is missing. */
final class Redis {
  static final String URL = "redis://127.0.0.1:6379";

  private Redis() {
  }

  static boolean up() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", 6379), 300);
      s.getOutputStream().write("PING\r\n".getBytes());
      s.setSoTimeout(500);
      byte[] b = new byte[7];
      int n = s.getInputStream().read(b);
      return n > 0 && new String(b, 0, n).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  /** Starts it when it is not running (idempotent); tests never stop the shared Redis. */
  static void start() throws Exception {
    if (!up()) {
      run("redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", "6379", "--save", "");
    }
    for (int i = 0; i < 50 && !up(); i++) {
      Thread.sleep(100);
    }
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    p.waitFor(10, TimeUnit.SECONDS);
  }
}
