package dev.tributary.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sftp serve} and {@code sftp put|get|ls} from the packaged jar, as users run them. */
class SftpCommandIT {
  private static final Pattern SERVING =
      Pattern.compile("on sftp://tributary@127\\.0\\.0\\.1:(\\d+)");
  private static final Pattern FINGERPRINT = Pattern.compile("fingerprint: (SHA256:\\S+)");

  @Test
  void serve_thenPutLsGet_throughTheJar(@TempDir Path dir) throws Exception {
    Path served = dir.resolve("served");
    Path password = Files.writeString(dir.resolve("pw"), "open-sesame\n");
    Process server =
        new ProcessBuilder(
                javaJar(
                    "sftp",
                    "serve",
                    "--dir",
                    served.toString(),
                    "--password-file",
                    password.toString()))
            .redirectErrorStream(true)
            .start();
    try {
      List<String> printed = new ArrayList<>();
      String port = null;
      String fingerprint = null;
      BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((fingerprint == null || port == null) && (line = lines.readLine()) != null) {
        printed.add(line);
        Matcher m = SERVING.matcher(line);
        if (m.find()) {
          port = m.group(1);
        }
        Matcher f = FINGERPRINT.matcher(line);
        if (f.find()) {
          fingerprint = f.group(1);
        }
      }
      assertThat(port).as(String.join("\n", printed)).isNotNull();
      assertThat(fingerprint).isNotNull();
      List<String> login =
          List.of(
              "--host",
              "127.0.0.1",
              "--port",
              port,
              "--user",
              "tributary",
              "--password-file",
              password.toString(),
              "--fingerprint",
              fingerprint);

      Path local = Files.write(dir.resolve("data.bin"), new byte[300_000]);
      RunnableJarIT.Result put =
          RunnableJarIT.java(
              args(login, "sftp", "put", local.toString(), "up/data.bin", "--mkdirs"));
      assertThat(put.code()).as(put.err()).isZero();
      assertThat(put.out()).contains("uploaded 300000 bytes to up/data.bin");
      assertThat(served.resolve("up/data.bin")).hasSize(300_000);

      RunnableJarIT.Result ls = RunnableJarIT.java(args(login, "sftp", "ls", "-R"));
      assertThat(ls.out()).contains("up/").contains("300000").contains("up/data.bin");

      Path back = dir.resolve("back.bin");
      RunnableJarIT.Result get =
          RunnableJarIT.java(args(login, "sftp", "get", "up/data.bin", back.toString()));
      assertThat(get.code()).as(get.err()).isZero();
      assertThat(back).hasSameBinaryContentAs(local);

      List<String> wrongKey = new ArrayList<>(login);
      wrongKey.set(wrongKey.size() - 1, "SHA256:5wKLO2bRdUvrNMGkPa6AsjpZyBBTbYlWy87rbCNPvU0");
      RunnableJarIT.Result refused = RunnableJarIT.java(args(wrongKey, "sftp", "ls"));
      assertThat(refused.code()).isEqualTo(2);
      assertThat(refused.err()).contains("is not trusted").contains(fingerprint);
    } finally {
      server.destroy();
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  static String[] args(List<String> login, String... command) {
    List<String> all = new ArrayList<>(List.of(command));
    all.addAll(login);
    return all.toArray(String[]::new);
  }

  static List<String> javaJar(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(RunnableJarIT.JAR.toString());
    command.addAll(List.of(args));
    return command;
  }
}
