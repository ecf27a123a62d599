package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clean-up of temporary files that killed processes left (see FileTargetsTest too). */
class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void write_leavesATemporaryFileThisJvmIsStillWriting_howeverOld() throws Exception {
    Path target = dir.resolve("in.csv");
    Path[] outer = new Path[1];
    AtomicFiles.write(
        target,
        out -> {
          out.write("outer".getBytes(StandardCharsets.UTF_8));
          out.flush();
          outer[0] = onlyTemporaryFile();
          Files.setLastModifiedTime(outer[0], FileTime.from(Instant.EPOCH));
          AtomicFiles.forgetListings(); // the inner write lists the folder, outer file and all
          AtomicFiles.write(target, in -> in.write("inner".getBytes(StandardCharsets.UTF_8)));
          assertThat(outer[0]).as("the outer write's temporary file").exists();
          assertThat(AtomicFiles.removeStale(target)).isZero();
        });
    assertThat(outer[0]).doesNotExist();
    assertThat(Files.readString(target)).isEqualTo("outer");
  }

  /**
   * A temporary file another process holds locked is being written, however old; once that process
   * is killed ({@code kill -9}), its lock is gone and the file is stale.
   */
  @Test
  void removeStale_leavesAFileAnotherProcessHoldsLocked_untilThatProcessIsKilled()
      throws Exception {
    Path target = dir.resolve("in.csv");
    Path temp = Files.writeString(dir.resolve(".in.csv.5pd1w0a.partial"), "half");
    Files.setLastModifiedTime(temp, FileTime.from(Instant.EPOCH));
    Path holder =
        Files.writeString(
            dir.resolve("Hold.java"),
            """
            import java.nio.channels.FileChannel;
            import java.nio.file.*;
            public class Hold {
              public static void main(String[] a) throws Exception {
                try (FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.WRITE);
                    var l = c.lock()) {
                  System.out.println("locked");
                  System.out.flush();
                  Thread.sleep(120_000);
                }
              }
            }
            """);
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process p = new ProcessBuilder(java, holder.toString(), temp.toString()).start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("locked");
      assertThat(AtomicFiles.removeStale(target)).as("removed while locked").isZero();
      assertThat(temp).exists();
    } finally {
      p.destroyForcibly().waitFor(); // SIGKILL, as a killed host's
    }
    assertThat(AtomicFiles.removeStale(target)).as("removed once its writer was killed").isOne();
    assertThat(temp).doesNotExist();
  }

  /**
   * A folder is listed at most once a minute (a folder of 100,000 files took 35 ms per write to
   * list): a temporary file that turns up stale after a listing is removed at the next one.
   */
  @Test
  void write_listsAFolderAtMostOnceAMinute() throws Exception {
    Path target = dir.resolve("in.csv");
    AtomicFiles.write(target, out -> out.write(1));
    Path temp = Files.writeString(dir.resolve(".in.csv.5pd1w0a.partial"), "half");
    Files.setLastModifiedTime(temp, FileTime.from(Instant.EPOCH));

    AtomicFiles.write(target, out -> out.write(2));
    assertThat(temp).as("not in the listing of a moment ago").exists();

    AtomicFiles.forgetListings(); // as a minute later
    AtomicFiles.write(target, out -> out.write(3));
    assertThat(temp).doesNotExist();
    assertThat(Files.readAllBytes(target)).containsExactly(3);
  }

  private Path onlyTemporaryFile() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".partial")).findFirst().orElseThrow();
    }
  }
}
