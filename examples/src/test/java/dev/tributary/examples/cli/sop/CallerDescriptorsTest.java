package dev.tributary.examples.cli.sop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CallerDescriptors} and {@link SopIo}'s {@code @FD:N} with it: a descriptor opened after
 * {@code main} started, here by the test as the JVM or the warm-up thread would on a file of no
 * list's, passed as the caller's when its number was asked for (the list alone could not know it).
 */
class CallerDescriptorsTest {
  @TempDir Path dir;

  @BeforeEach
  void linuxDescriptors() {
    assumeThat(Path.of("/proc/self/fd")).as("descriptors listed in /proc").isDirectory();
  }

  @AfterEach
  void noSnapshot() {
    CallerDescriptors.use(null); // as in-process callers find it
  }

  @Test
  void aDescriptorOpenedAfterTheSnapshot_isNotTheCallers_oneOpenBefore_is() throws Exception {
    Path before = file("before", "correct horse battery staple\n");
    Path after = file("after", "the JVM's file\n");
    try (FileInputStream callers = new FileInputStream(before.toFile())) {
      CallerDescriptors start = CallerDescriptors.take();
      assertThat(start).isNotNull();
      CallerDescriptors.use(start);
      try (FileInputStream jvms = new FileInputStream(after.toFile())) {
        int c = number(before);
        int j = number(after);
        assertThat(start.held(c, before.toRealPath().toString())).isTrue();
        assertThat(start.held(j, after.toRealPath().toString())).isFalse();

        assertThat(SopIo.readFile("@FD:" + c))
            .isEqualTo("correct horse battery staple\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> SopIo.readFile("@FD:" + j))
            .isInstanceOfSatisfying(
                SopExit.Failure.class, f -> assertThat(f.code).isEqualTo(SopExit.MISSING_INPUT))
            .hasMessage(
                "cannot read @FD:%d: descriptor %d is not open (or is a socket, which /dev/fd"
                    + " cannot open)",
                j, j);
        assertThatThrownBy(() -> SopIo.newOutputFile("@FD:" + j))
            .isInstanceOfSatisfying(
                SopExit.Failure.class, f -> assertThat(f.code).isEqualTo(SopExit.MISSING_INPUT))
            .hasMessageStartingWith("cannot write @FD:" + j + ": descriptor " + j + " is not open");
        assertThat(SopIo.newOutputFile("@FD:" + c)).isEqualTo(Path.of("/dev/fd/" + c));
      }
    }
  }

  /** A number the caller's file held at the start, closed and reused since for another file. */
  @Test
  void aNumberClosedAndReusedForAnotherFile_isNotTheCallers() throws Exception {
    Path callers = file("callers", "correct horse battery staple\n");
    Path other = file("other", "the JVM's file\n");
    FileInputStream first = new FileInputStream(callers.toFile());
    int c;
    CallerDescriptors start;
    try {
      c = number(callers);
      start = CallerDescriptors.take();
    } finally {
      first.close();
    }
    assertThat(start).isNotNull();
    assertThat(start.held(c, callers.toRealPath().toString())).isTrue();
    assertThat(start.held(c, other.toRealPath().toString())).isFalse();
    CallerDescriptors.use(start);
    try (FileInputStream reused = new FileInputStream(other.toFile())) {
      int r = number(other);
      // The lowest free number, as a rule c; any number the snapshot lacks is refused all the same.
      assertThatThrownBy(() -> SopIo.readFile("@FD:" + r))
          .isInstanceOfSatisfying(
              SopExit.Failure.class, f -> assertThat(f.code).isEqualTo(SopExit.MISSING_INPUT))
          .hasMessageContaining("descriptor " + r + " is not open");
    }
  }

  /** In-process callers (tests, through {@link Sop#run}) have no start: the list alone decides. */
  @Test
  void withoutASnapshot_aDescriptorOpenedLater_isReadAsBefore() throws Exception {
    Path later = file("later", "opened by the caller in process\n");
    try (FileInputStream in = new FileInputStream(later.toFile())) {
      assertThat(SopIo.readFile("@FD:" + number(later)))
          .isEqualTo("opened by the caller in process\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void record_makesTheSnapshotTheProcesss() {
    assertThat(CallerDescriptors.atStart()).isNull();
    CallerDescriptors.record();
    assertThat(CallerDescriptors.atStart()).isNotNull();
    assertThat(CallerDescriptors.atStart().held(0, null)).as("standard input").isTrue();
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  /** The number of this process's one descriptor open on {@code file}. */
  private static int number(Path file) throws IOException {
    String real = file.toRealPath().toString();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(fd -> real.equals(target(fd)))
          .mapToInt(fd -> Integer.parseInt(fd.getFileName().toString()))
          .reduce(
              (a, b) -> {
                throw new AssertionError(file + " is open at " + a + " and " + b);
              })
          .orElseThrow(() -> new AssertionError(file + " is not open"));
    }
  }

  private static String target(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString();
    } catch (IOException e) {
      return "";
    }
  }
}
