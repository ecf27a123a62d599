package dev.tributary.benchmarks;

import dev.tributary.core.identity.IdentityKey;
import dev.tributary.core.identity.IdentityResolver;
import dev.tributary.core.identity.ProfileStore;
import dev.tributary.core.identity.SourceRecord;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Identity resolution of many records into the in-memory store, measuring time and the heap the
 * store retains afterwards. Each record names one of {@code distinct} people by e-mail (in random
 * case and padding), with a plan and a city; a quarter of the records of the even-numbered half of
 * the people also carry a customer number, so about an eighth of all records do. Records update,
 * and a few join, profiles. Heap per profile should stay flat whatever the record count.
 *
 * <p>Arguments: pairs of {@code records:distinct}; default {@code 1000000:100000 1000000:250000
 * 2000000:250000}.
 */
public final class IdentityHeapHarness {
  private IdentityHeapHarness() {}

  public static void main(String[] args) {
    String[] runs =
        args.length > 0
            ? args
            : new String[] {"1000000:100000", "1000000:250000", "2000000:250000"};
    System.out.println(
        "records   distinct  profiles  seconds  records/s  retained MiB  bytes/profile");
    for (String run : runs) {
      String[] parts = run.split(":");
      measure(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }
  }

  private static void measure(int records, int distinct) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = settledHeap(memory);
    ProfileStore store = ProfileStore.inMemory();
    AtomicLong ids = new AtomicLong();
    IdentityResolver resolver =
        IdentityResolver.builder(store)
            .keys(IdentityKey.email("email"), IdentityKey.trimmed("customer_id"))
            .profileIds(() -> "p" + ids.incrementAndGet())
            .build();
    SplittableRandom random = new SplittableRandom(7);
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    String[] plans = {"free", "pro", "team", "enterprise"};
    String[] cities = {"Oslo", "Berlin", "Lisbon", "Austin", "Osaka"};
    long start = System.nanoTime();
    for (int i = 0; i < records; i++) {
      int person = random.nextInt(distinct);
      String email = (random.nextBoolean() ? " User" : "user") + person + "@Example.com";
      Map<String, String> identities =
          person % 2 == 0 && random.nextInt(4) == 0
              ? Map.of("email", email, "customer_id", "C-" + person)
              : Map.of("email", email);
      Map<String, Object> fields =
          Map.of(
              "plan", plans[random.nextInt(plans.length)], "city", cities[person % cities.length]);
      resolver.resolve(new SourceRecord(identities, fields, t0.plusSeconds(i), "crm"));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long retained = settledHeap(memory) - before;
    System.out.printf(
        Locale.ROOT,
        "%-9d %-9d %-9d %-8.1f %-10.0f %-13.1f %d%n",
        records,
        distinct,
        store.size(),
        seconds,
        records / seconds,
        retained / 1048576.0,
        retained / Math.max(1, store.size()));
    if (store.size() > distinct) {
      throw new IllegalStateException("more profiles than people: " + store.size());
    }
    keep(store);
  }

  private static volatile Object sink;

  private static void keep(Object o) {
    sink = o;
    sink = null;
  }

  private static long settledHeap(MemoryMXBean memory) {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
