package dev.tributary.templates.internal.parse;

import dev.tributary.templates.internal.fmt.Strconv;
import org.jspecify.annotations.Nullable;

/** {@code {{template "name" pipeline}}}. The linker resolves the named tree. */
public final class TemplateNode extends Node {
  public final int line;
  public final String name;
  public final @Nullable PipeNode pipe;
  public @Nullable Tree target;

  TemplateNode(int pos, Tree tree, int line, String name, @Nullable PipeNode pipe) {
    super(TEMPLATE, pos, tree);
    this.line = line;
    this.name = name;
    this.pipe = pipe;
  }

  @Override
  void writeTo(StringBuilder sb) {
    sb.append("{{template ").append(Strconv.quote(name));
    if (pipe != null) {
      sb.append(' ');
      pipe.writeTo(sb);
    }
    sb.append("}}");
  }
}
