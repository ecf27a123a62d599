package dev.tributary.connectors.facebook;

import dev.tributary.connectors.http.HttpError;
import java.util.Optional;

/**
 * What the Graph API said when it refused a call, on the classified exception the Facebook
 * connectors throw: a {@link dev.tributary.core.ConfigException} (an invalid or expired token,
 * codes 190 and 102; missing permissions; a setting Meta rejects), a {@link
 * dev.tributary.core.TransientException} (throttling: codes 4, 17, 32, 341, 613, 80000–80014;
 * Meta's temporary errors 1 and 2, or any error it marks {@code is_transient}) or a {@link
 * dev.tributary.core.ValidationException}. It is also an {@link HttpError}.
 *
 * <pre>{@code
 * } catch (TributaryException e) {
 *   if (e instanceof GraphError g && g.code() == 190) { ... ask for a new token ... }
 * }</pre>
 */
public interface GraphError extends HttpError {
  /** Meta's error code, such as 190 or 80000; 0 when the body held none. */
  int code();

  /** Meta's error subcode, such as 463 (an expired token); 0 when there was none. */
  int subcode();

  /** The {@code fbtrace_id} Meta's support asks for, if the response had one. */
  Optional<String> traceId();
}
