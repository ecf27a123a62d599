package dev.tributary.core.auth;

/** An SFTP login with a password. */
public record SftpPassword(String username, Secret password) implements Authorization {
  public SftpPassword {
    Require.nonBlank(username, "username");
    Require.nonEmpty(password, "password");
  }

  @Override
  public String kind() {
    return "SFTP password";
  }
}
