package dev.tributary.sftp.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;

/**
 * Gives sshj loggers that log everything above TRACE at DEBUG. sshj logs a refused host key, a
 * failed login or a dropped connection at ERROR or WARN and then throws; this SDK turns those into
 * exceptions the caller handles, so the host application's log must not report them again (and
 * sshj's INFO chatter about every connection is detail, not news).
 */
final class QuietSshjLoggers implements net.schmizz.sshj.common.LoggerFactory {
  // sshj asks for a logger per promise, i.e. per SFTP request: one wrapper per name, not per call.
  private final Map<String, Logger> loggers = new ConcurrentHashMap<>();

  @Override
  public Logger getLogger(String name) {
    return loggers.computeIfAbsent(name, n -> new Demoted(LoggerFactory.getLogger(n)));
  }

  @Override
  public Logger getLogger(Class<?> clazz) {
    return getLogger(clazz.getName());
  }

  private static final class Demoted extends AbstractLogger {
    private static final long serialVersionUID = 1L;
    private final transient Logger delegate;

    Demoted(Logger delegate) {
      this.delegate = delegate;
      this.name = delegate.getName();
    }

    @Override
    protected @Nullable String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level,
        @Nullable Marker marker,
        String messagePattern,
        Object @Nullable [] arguments,
        @Nullable Throwable throwable) {
      Object[] args = arguments == null ? new Object[0] : arguments;
      if (throwable != null) {
        args = Arrays.copyOf(args, args.length + 1);
        args[args.length - 1] = throwable;
      }
      if (level == Level.TRACE) {
        delegate.trace(messagePattern, args);
      } else {
        delegate.debug(messagePattern, args);
      }
    }

    @Override
    public boolean isTraceEnabled() {
      return delegate.isTraceEnabled();
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
      return delegate.isTraceEnabled();
    }

    @Override
    public boolean isDebugEnabled() {
      return delegate.isDebugEnabled();
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
      return delegate.isDebugEnabled();
    }

    @Override
    public boolean isInfoEnabled() {
      return delegate.isDebugEnabled();
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
      return delegate.isDebugEnabled();
    }

    @Override
    public boolean isWarnEnabled() {
      return delegate.isDebugEnabled();
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
      return delegate.isDebugEnabled();
    }

    @Override
    public boolean isErrorEnabled() {
      return delegate.isDebugEnabled();
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
      return delegate.isDebugEnabled();
    }
  }
}
