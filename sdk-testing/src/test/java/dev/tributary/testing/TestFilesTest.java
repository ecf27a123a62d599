package dev.tributary.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestFilesTest {
  @TempDir Path tmp;

  @Test
  void deletesATreeWithFilesAndEmptyAndNestedDirectories() throws Exception {
    Path root = tmp.resolve("root");
    Files.createDirectories(root.resolve("a/b/c"));
    Files.createDirectories(root.resolve("empty"));
    Files.writeString(root.resolve("a/one.txt"), "1");
    Files.writeString(root.resolve("a/b/c/two.txt"), "2");
    Files.createSymbolicLink(root.resolve("link"), tmp); // the link goes, not what it points to

    TestFiles.deleteRecursively(root);

    assertThat(root).doesNotExist();
    assertThat(tmp).isDirectory();
  }

  @Test
  void aMissingRootIsNothingToDo() {
    TestFiles.deleteRecursively(tmp.resolve("never-made"));

    assertThat(tmp).isDirectory();
  }
}
