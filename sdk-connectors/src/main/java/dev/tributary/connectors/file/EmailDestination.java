package dev.tributary.connectors.file;

import dev.tributary.core.ConfigException;
import dev.tributary.core.TransientException;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Sends the file as an e-mail attachment over SMTP (Jakarta Mail). The attachment is written to a
 * temporary file first — MIME needs its size and encodes it while sending — readable by the owner
 * only and deleted afterwards; its size is capped by {@code max_attachment_bytes}. The message's
 * {@code Message-ID} derives from the job and file name, so that a message sent again after a crash
 * can be recognised as the same one.
 */
final class EmailDestination implements FileDestination {
  private final MailServer server;
  private final Path workDirectory;

  EmailDestination(MailServer server, Path workDirectory) {
    this.server = Objects.requireNonNull(server, "server");
    this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return ExportDescriptors.EMAIL;
  }

  @Override
  public CheckResult check(ConnectorConfig config) {
    try {
      recipients(config);
    } catch (ConfigException e) {
      return CheckResult.problem("to", e.getMessage());
    }
    if (config.integer("max_attachment_bytes") < 1) {
      return CheckResult.problem("max_attachment_bytes", "must be at least 1");
    }
    return CheckResult.ok();
  }

  @Override
  public Delivered deliver(
      ConnectorContext context,
      String name,
      boolean resumed,
      Map<String, Object> data,
      Content content) {
    ConnectorConfig config = context.config();
    InternetAddress[] to = recipients(config);
    long max = config.integer("max_attachment_bytes");
    Path attachment = null;
    try {
      attachment = temporaryFile();
      long profiles;
      try (OutputStream out = Files.newOutputStream(attachment)) {
        profiles = content.writeTo(new LimitedOutputStream(out, max));
      }
      long size = Files.size(attachment);
      Map<String, Object> texts = new LinkedHashMap<>(data);
      texts.put("file", fileName(name));
      texts.put("profiles", profiles);
      send(to, name, attachment, texts, config);
      context.reporter().bytesTransferred(size);
      return new Delivered("mailto:" + String.join(",", config.list("to")), size, profiles, false);
    } catch (IOException e) {
      throw new TransientException("cannot write the attachment: " + e.getMessage(), e);
    } finally {
      deleteQuietly(attachment);
    }
  }

  private void send(
      InternetAddress[] to,
      String name,
      Path attachment,
      Map<String, Object> texts,
      ConnectorConfig config) {
    try {
      Session session = Session.getInstance(properties());
      MimeMessage message = new StableIdMessage(session, messageId(texts, name));
      message.setFrom(new InternetAddress(server.from(), true));
      message.setRecipients(Message.RecipientType.TO, to);
      message.setSubject(FileNames.text("subject", config.string("subject"), texts), "UTF-8");
      MimeBodyPart text = new MimeBodyPart();
      text.setText(FileNames.text("body", config.string("body"), texts), "UTF-8");
      MimeBodyPart file = new MimeBodyPart();
      file.setDataHandler(new DataHandler(new FileDataSource(attachment.toFile())));
      file.setFileName(fileName(name));
      file.setHeader("Content-Type", contentType(name));
      file.setHeader("Content-Transfer-Encoding", "base64");
      message.setContent(new MimeMultipart(text, file));
      if (server.username().isPresent()) {
        Transport.send(message, server.username().get(), server.password().reveal());
      } else {
        Transport.send(message);
      }
    } catch (AuthenticationFailedException e) {
      throw new ConfigException(
          "authorization",
          "the SMTP server "
              + server.host()
              + " refused the login of "
              + server.username().orElse("")
              + ": check the user name and password",
          null);
    } catch (SendFailedException e) {
      if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
        throw new ConfigException(
            "to", "the SMTP server refused recipients: " + List.of(e.getInvalidAddresses()), null);
      }
      throw new TransientException(
          "the SMTP server did not take the message: " + e.getMessage(), e);
    } catch (MessagingException e) {
      throw new TransientException(
          "sending through " + server.host() + ":" + server.port() + " failed: " + e.getMessage(),
          e);
    }
  }

  private Properties properties() {
    Properties p = new Properties();
    String ms = Long.toString(server.timeout().toMillis());
    p.setProperty("mail.smtp.host", server.host());
    p.setProperty("mail.smtp.port", Integer.toString(server.port()));
    p.setProperty("mail.smtp.auth", Boolean.toString(server.username().isPresent()));
    p.setProperty("mail.smtp.connectiontimeout", ms);
    p.setProperty("mail.smtp.timeout", ms);
    p.setProperty("mail.smtp.writetimeout", ms);
    p.setProperty("mail.smtp.from", server.from());
    switch (server.security()) {
      case STARTTLS -> {
        p.setProperty("mail.smtp.starttls.enable", "true");
        p.setProperty("mail.smtp.starttls.required", "true");
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
      }
      case SSL -> {
        p.setProperty("mail.smtp.ssl.enable", "true");
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
      }
      case NONE -> {}
    }
    return p;
  }

  static InternetAddress[] recipients(ConnectorConfig config) {
    List<String> to = config.list("to");
    if (to.isEmpty()) {
      throw new ConfigException("to", "name at least one recipient", null);
    }
    InternetAddress[] addresses = new InternetAddress[to.size()];
    for (int i = 0; i < addresses.length; i++) {
      try {
        addresses[i] = new InternetAddress(to.get(i), true);
      } catch (AddressException e) {
        throw new ConfigException(
            "to", "\"" + to.get(i) + "\" is not an e-mail address: " + e.getMessage(), e);
      }
    }
    return addresses;
  }

  private Path temporaryFile() throws IOException {
    Files.createDirectories(workDirectory);
    try {
      return Files.createTempFile(
          workDirectory,
          "export-",
          ".part",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      return Files.createTempFile(workDirectory, "export-", ".part");
    }
  }

  private static String fileName(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  private static String contentType(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    if (n.endsWith(".pgp") || n.endsWith(".gpg")) {
      return "application/pgp-encrypted";
    }
    if (n.endsWith(".asc")) {
      return "application/pgp-encrypted; charset=us-ascii";
    }
    if (n.endsWith(".gz")) {
      return "application/gzip";
    }
    return n.endsWith(".csv") ? "text/csv; charset=UTF-8" : "application/x-ndjson; charset=UTF-8";
  }

  private static String messageId(Map<String, Object> texts, String name) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((texts.get("job") + "\n" + name).getBytes(StandardCharsets.UTF_8));
      return "<" + HexFormat.of().formatHex(digest, 0, 16) + ".export@tributary.invalid>";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static void deleteQuietly(@Nullable Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // the temporary directory is the host's; nothing else to do
      }
    }
  }

  @Override
  public String toString() {
    return "e-mail via " + server;
  }

  /** A message whose {@code Message-ID} is fixed instead of random. */
  private static final class StableIdMessage extends MimeMessage {
    private final String id;

    StableIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }

  /** Fails once more than {@code max} bytes were written: the attachment would be too large. */
  private static final class LimitedOutputStream extends java.io.FilterOutputStream {
    private final long max;
    private long written;

    LimitedOutputStream(OutputStream out, long max) {
      super(out);
      this.max = max;
    }

    @Override
    public void write(int b) throws IOException {
      count(1);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      count(len);
      out.write(b, off, len);
    }

    private void count(int n) {
      written += n;
      if (written > max) {
        throw new ConfigException(
            "max_attachment_bytes",
            "the export is larger than max_attachment_bytes ("
                + max
                + " bytes): gzip it, choose fewer fields, or send it by SFTP",
            null);
      }
    }
  }
}
