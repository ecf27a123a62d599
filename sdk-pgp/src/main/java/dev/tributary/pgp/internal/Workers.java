package dev.tributary.pgp.internal;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Single daemon threads that run one stream's background work in order, then end. */
final class Workers {
  private Workers() {}

  /** One thread, jobs in submission order; the thread ends a second after its last job. */
  static ThreadPoolExecutor single(String name) {
    ThreadPoolExecutor worker =
        new ThreadPoolExecutor(
            1,
            1,
            1,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    worker.allowCoreThreadTimeOut(true);
    return worker;
  }
}
